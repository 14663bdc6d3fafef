import datetime

import pytest
from django.conf import settings

from tests.groups.factories import LeadingGroupFactory


@pytest.mark.django_db
def test_interface_is_chinese_even_for_an_english_browser(client):
    page = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "登录" in page and "Log in" not in page


@pytest.mark.django_db
def test_english_is_available_by_choice(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"}, follow=True)
    page = response.content.decode()
    assert "Log in" in page and "登录" not in page
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.django_db
def test_dates_are_shown_the_chinese_way_in_both_languages(client, data_manager):
    group = LeadingGroupFactory(established=datetime.date(2023, 12, 28))
    client.force_login(data_manager)
    assert "2023年12月28日" in client.get(group.get_absolute_url()).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "2023年12月28日" in client.get(group.get_absolute_url()).content.decode()
