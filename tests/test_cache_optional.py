"""The cache's Redis down (CACHE_URL pointing to a port nothing listens on): the task list, the dashboard and saving a
county's 提醒设置 work from the database, and the saved settings are what the lights then use."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from config.settings import cache_config
from org import roles
from projects.models import ReminderPolicy
from projects.reminders import selectors as reminder_selectors
from tests.org.factories import UserFactory
from tests.projects.smtp import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down():
    with override_settings(CACHES={"default": cache_config(f"redis://127.0.0.1:{free_port()}/1")}):
        yield


def test_the_cache_really_is_unreachable_and_reads_as_empty(redis_down):
    cache.set("probe", 1)
    assert cache.get("probe") is None


def test_pages_and_saving_reminder_settings_work_with_the_cache_down(redis_down, login, county):
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    client = login(manager)
    assert client.get(reverse("projects:task_list")).status_code == 200
    assert client.get(reverse("home")).status_code == 200
    form = {"policy-own": "on", "policy-warning_days": "5", "policy-reminder_days": "2", "policy-escalation_days": "6"}
    assert client.post(reverse("projects:county_reminders", args=[county.pk]), form).status_code == 302
    assert ReminderPolicy.objects.get(county=county).warning_days == 5
    assert reminder_selectors.reminder_settings().for_county(county.pk).policy.warning_days == 5
