"""An empty list says so, instead of a bare table header: the import list in its own words, every other list as
the shared table setup (common.exports.PagedTableMixin) words it, with or without a filter."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def body(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_empty_import_list_says_nothing_has_been_imported(login, data_manager):
    assert "尚未导入任何公报" in body(login(data_manager).get(reverse("gazette:import_list")))


@pytest.mark.parametrize(
    "name", ["projects:task_list", "org:person_list", "groups:group_list", "land:parcel_list", "land:plan_list"]
)
def test_every_empty_list_says_so_and_a_filter_matching_nothing_says_that(login, data_manager, name):
    client = login(data_manager)
    assert "暂无记录" in body(client.get(reverse(name)))
    filtered = body(client.get(reverse(name), {"q": "没有这样的名字", "page": "2"}))
    assert "没有符合筛选条件的记录" in filtered and "暂无记录" not in filtered
