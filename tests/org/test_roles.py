"""The three role groups and their rights, built from each app's AppConfig.unit_staff_rights after every migrate."""

import pytest
from django.contrib.auth.models import Group

from org import roles

pytestmark = pytest.mark.django_db

LEDGER_APPS = {"gazette", "org", "groups", "projects", "intake", "land", "compensation"}


def rights(role):
    return set(Group.objects.get(name=role).permissions.values_list("content_type__app_label", "codename").order_by())


def test_data_managers_may_do_everything_with_every_ledger_app_and_the_accounts():
    granted = rights(roles.DATA_MANAGER)
    assert {app for app, _codename in granted} == LEDGER_APPS | {"auth"}
    assert ("groups", "delete_leadinggroup") in granted and ("projects", "change_task") in granted
    assert ("intake", "view_proposal") in granted and ("auth", "add_user") in granted


def test_supervisors_view_every_ledger_app_and_change_nothing():
    granted = rights(roles.SUPERVISOR)
    assert {app for app, _codename in granted} == LEDGER_APPS
    assert all(codename.startswith("view_") for _app, codename in granted)


def test_unit_staff_view_and_keep_their_groups_and_land_records_only():
    granted = rights(roles.UNIT_STAFF)
    changes = {(app, codename) for app, codename in granted if not codename.startswith("view_")}
    assert changes == {
        ("groups", "add_leadinggroup"),
        ("groups", "change_leadinggroup"),
        ("groups", "add_membership"),
        ("groups", "change_membership"),
        ("groups", "delete_membership"),
        ("land", "add_parcel"),
        ("land", "change_parcel"),
    }
    assert ("projects", "view_task") in granted and ("org", "view_person") in granted


def test_running_it_again_resets_rights_given_by_hand():
    unit_staff = Group.objects.get(name=roles.UNIT_STAFF)
    unit_staff.permissions.add(*Group.objects.get(name=roles.DATA_MANAGER).permissions.all())
    roles.ensure_role_groups()
    assert ("projects", "delete_task") not in rights(roles.UNIT_STAFF)
