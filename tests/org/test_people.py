import datetime

import pytest

from groups.models import Role
from org import services as org_services
from org.selectors import holders_of
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.org.factories import PersonFactory, PostFactory


def test_who_holds_a_post_on_a_given_day(finance):
    before = PostFactory(
        organisation=finance, title="局长", start=datetime.date(2019, 1, 1), end=datetime.date(2021, 6, 30)
    )
    after = PostFactory(organisation=finance, title="局长", start=datetime.date(2021, 7, 1))
    assert list(holders_of(finance, "局长", on=datetime.date(2020, 3, 1))) == [before.person]
    assert list(holders_of(finance, "局长", on=datetime.date(2023, 3, 1))) == [after.person]


def test_a_post_cannot_end_before_it_starts(finance):
    from django.core.exceptions import ValidationError

    post = PostFactory(organisation=finance, start=datetime.date(2022, 1, 1))
    with pytest.raises(ValidationError):
        org_services.end_post(post, datetime.date(2021, 1, 1))


def test_two_people_of_the_same_name_stay_two_people(finance, water, county):
    first = org_services.create_person(county=county, name="王玉", note="县财政局")
    second = org_services.create_person(county=county, name="王 玉", note="县水利局")
    assert first.pk != second.pk and first.name == second.name == "王玉"


def test_person_page_lists_every_group_and_role(login, data_manager):
    person = PersonFactory(name="梁文壮")
    for number in range(8):
        MembershipFactory(group=LeadingGroupFactory(name=f"第{number}领导小组"), person=person, role=Role.LEADER)
    response = login(data_manager).get(person.get_absolute_url())
    (groups,) = [s for s in response.context["sections"] if s["template"] == "groups/_person_memberships.html"]
    assert len(groups["memberships"]) == 8
    assert "第7领导小组" in response.content.decode()


def test_person_page_hides_groups_and_contacts_out_of_scope(login, finance_staff, water):
    person = PersonFactory(name="李茂", phone="13800000000")
    PostFactory(person=person, organisation=water)
    MembershipFactory(group=LeadingGroupFactory(name="水利专班", office_host=water), person=person)
    page = login(finance_staff).get(person.get_absolute_url()).content.decode()
    assert "水利专班" not in page and "13800000000" not in page


def test_organisation_page_lists_posts_and_memberships(login, data_manager, finance):
    post = PostFactory(organisation=finance, title="局长", person=PersonFactory(name="张建平"))
    MembershipFactory(
        group=LeadingGroupFactory(name="资产领导小组"),
        person=post.person,
        organisation=finance,
        role=Role.DEPUTY_LEADER,
    )
    page = login(data_manager).get(finance.get_absolute_url()).content.decode()
    assert "张建平" in page and "资产领导小组" in page


def test_organisation_tree_is_in_tree_order(login, data_manager, county, finance, water):
    rows = login(data_manager).get("/organisations/").context["rows"]
    assert [(organisation.name, depth) for organisation, depth in rows] == [
        ("兴县人民政府", 0),
        ("兴县财政局", 1),
        ("兴县水利局", 1),
    ]
