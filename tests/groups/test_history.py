"""Each edit of a group and its roster is recorded: who made it, which fields it touched, removed members."""

import pytest

from groups.models import Role
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.org.factories import PersonFactory


@pytest.fixture
def group(finance):
    group = LeadingGroupFactory(name="兴县河湖长制领导小组", office_host=finance)
    MembershipFactory(group=group, role=Role.LEADER, person=PersonFactory(name="梁文壮"), title="县长")
    return group


def edit_payload(group, **changes):
    members = list(group.memberships.in_roster_order())
    data = {
        "name": group.name,
        "kind": group.kind,
        "status": group.status,
        "office_host": group.office_host_id,
        "roster-TOTAL_FORMS": str(len(members)),
        "roster-INITIAL_FORMS": str(len(members)),
    }
    for index, member in enumerate(members):
        data.update(
            {
                f"roster-{index}-id": member.pk,
                f"roster-{index}-group": group.pk,
                f"roster-{index}-role": member.role,
                f"roster-{index}-member_type": member.member_type,
                f"roster-{index}-person": member.person_id or "",
                f"roster-{index}-title": member.title,
            }
        )
    data.update(changes)
    return data


def test_each_change_records_who_made_it_and_shows_on_the_page(login, finance_staff, group):
    client = login(finance_staff)
    response = client.post(
        f"/groups/{group.pk}/edit/",
        edit_payload(group, **{"roster-0-title": "县委副书记、政府县长", "notes": "按新文件调整"}),
    )
    assert response.status_code == 302
    membership = group.memberships.get()
    assert membership.title == "县委副书记、政府县长"
    latest_member_change = membership.history.first()
    assert latest_member_change.history_user == finance_staff
    assert latest_member_change.history_type == "~"
    assert group.history.first().history_user == finance_staff

    page = client.get(group.get_absolute_url()).content.decode()
    assert finance_staff.username in page
    assert "梁文壮" in page


def test_history_names_the_fields_a_change_touched(login, data_manager, group):
    client = login(data_manager)
    client.post(f"/groups/{group.pk}/edit/", edit_payload(group, notes="第二次会议后补充"))
    detail = client.get(group.get_absolute_url())
    changes = [change for change in detail.context["history"] if change.history_type == "~"]
    assert changes and changes[0].changed_fields == [str(group._meta.get_field("notes").verbose_name)]


def test_removing_a_member_is_recorded(login, data_manager, group):
    client = login(data_manager)
    client.post(f"/groups/{group.pk}/edit/", edit_payload(group, **{"roster-0-DELETE": "on"}))
    assert not group.memberships.exists()
    deletions = [c for c in client.get(group.get_absolute_url()).context["history"] if c.history_type == "-"]
    assert len(deletions) == 1 and deletions[0].history_user == data_manager
