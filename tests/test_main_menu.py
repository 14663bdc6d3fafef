"""The main menu shows each role its own links in the user's language, though each worker renders it once per role
and language (common.templatetags.ledger.fragment): one user's menu never shows in another's page."""

import pytest
from django.test import override_settings

from common.templatetags import ledger

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_kept_fragments(monkeypatch):
    monkeypatch.setattr(ledger, "_fragments", {})


def menu(client, user, language="zh-hans"):
    client.force_login(user)
    client.cookies["django_language"] = language
    page = client.get("/tasks/").content.decode()
    return page[page.index('<nav class="mainnav"') : page.index("</nav>")]


def test_each_role_sees_its_links_whichever_role_came_first(client, data_manager, finance_staff, supervisor):
    data_manager.is_staff = True
    data_manager.save()
    manager_menu = menu(client, data_manager)
    staff_menu = menu(client, finance_staff)
    supervisor_menu = menu(client, supervisor)

    assert "全部任务" in manager_menu and "公报导入" in manager_menu and "数据管理" in manager_menu
    assert "账号操作记录" in manager_menu
    assert "我的任务" in staff_menu
    for link in ("全部任务", "公报导入", "数据管理", "单位考核", "账号操作记录"):
        assert link not in staff_menu, link
    assert "全部任务" in supervisor_menu and "单位考核" in supervisor_menu
    assert "公报导入" not in supervisor_menu and "数据管理" not in supervisor_menu
    # Asked again after the others, the manager's menu is still the manager's.
    assert menu(client, data_manager) == manager_menu


def test_the_menu_follows_the_language(client, finance_staff):
    chinese = menu(client, finance_staff)
    english = menu(client, finance_staff, "en")

    assert "我的任务" in chinese
    assert "My tasks" in english and "我的任务" not in english


def test_the_menu_is_kept_once_per_role_and_language(client, finance_staff, data_manager):
    menu(client, finance_staff)
    menu(client, finance_staff)
    menu(client, data_manager)
    menu(client, finance_staff, "en")

    assert len(ledger._fragments) == 3


@override_settings(DEBUG=True)
def test_in_debug_the_menu_is_rendered_anew_on_each_page(client, finance_staff):
    menu(client, finance_staff)

    assert ledger._fragments == {}
