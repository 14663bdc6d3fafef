"""Leaders' portfolios from a 领导工作分工 notice: reviewed, accepted into the ledger, shown on people and units."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from gazette import services as gazette_services
from intake import services as proposal_services
from intake.models import Proposal
from intake.selectors import portfolio_initial
from org import roles
from org import services as org_services
from org.models import LeaderPortfolio, Person
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parents[1] / "gazette" / "samples" / "extract-tab-tables.txt"


@pytest.fixture
def heyang(db):
    return OrganisationFactory(name="河阳县人民政府", short_name="河阳县", kind="county")


@pytest.fixture
def units(heyang):
    names = {"finance": "财政局", "audit": "审计局", "tax": "税务局"}
    return {
        key: OrganisationFactory(name=f"河阳县{name}", short_name=f"县{name}", parent=heyang, sort_order=position)
        for position, (key, name) in enumerate(names.items())
    }


@pytest.fixture
def issue(heyang, units):
    return gazette_services.import_gazette(SAMPLE.read_bytes(), name="extract-tab-tables.txt").issue


def person_of(county, **fields):
    """A person of the county: a name is matched only among the people of the document's county."""
    return PersonFactory(county=county, **fields)


def portfolio_proposal(issue, name="冯军"):
    return Proposal.objects.get(document__issue=issue, kind=Proposal.Kind.PORTFOLIO, payload__name=name)


def form_data(page):
    """The POST a browser would send for the page's accept form, with its prefilled values."""
    form = page.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, list):
            data[name] = [item.pk for item in value]
        elif value is not None:
            data[name] = getattr(value, "pk", value)
    return data


def accept(proposal, user, **changes):
    return proposal_services.accept_portfolio(proposal, data={**portfolio_initial(proposal), **changes}, user=user)


def test_the_notice_proposes_one_portfolio_per_leader(issue):
    names = set(Proposal.objects.filter(kind=Proposal.Kind.PORTFOLIO).values_list("payload__name", flat=True))
    assert {"宋立新", "冯军", "韩明月"} <= names


def test_accepting_a_portfolio_links_its_document_and_resolves_the_units_it_can(issue, login, data_manager, units):
    proposal = portfolio_proposal(issue)
    client = login(data_manager)
    page = client.get(f"/proposals/{proposal.pk}/")
    assert page.status_code == 200
    assert page.context["form"].initial["supervised"] == [units["finance"], units["audit"]]
    response = client.post(f"/proposals/{proposal.pk}/", form_data(page))
    assert response.status_code == 302, response.context and response.context["form"].errors
    portfolio = LeaderPortfolio.objects.get()
    assert response["Location"] == portfolio.person.get_absolute_url()
    assert portfolio.person.name == "冯军" and portfolio.post == "副县长"
    assert "财政" in portfolio.fields_of_work and "应急管理" in portfolio.fields_of_work
    assert set(portfolio.supervised.all()) == {units["finance"], units["audit"]}
    assert portfolio.supervised_text == "县应急管理局"
    assert list(portfolio.liaised.all()) == [units["tax"]]
    assert portfolio.liaised_text == "县人民银行"
    assert portfolio.source_document == proposal.document
    assert portfolio.effective == datetime.date(2024, 4, 8) == proposal.document.signed
    assert "分管县财政局" in portfolio.source_passage
    assert portfolio.is_current
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.accepted_object == portfolio
    assert proposal.reviewed_by == data_manager


def test_a_current_portfolio_gives_the_leader_the_post_unless_they_hold_it(issue, data_manager, heyang):
    person = person_of(heyang, name="冯军")
    accept(portfolio_proposal(issue), data_manager)
    post = person.posts.get()
    assert (post.organisation, post.title, post.start, post.end) == (heyang, "副县长", datetime.date(2024, 4, 8), None)
    holder = person_of(heyang, name="宋立新")
    held = org_services.add_post(person=holder, organisation=heyang, title="县长", start=datetime.date(2021, 6, 1))
    accept(portfolio_proposal(issue, name="宋立新"), data_manager, person=holder, post="县长")
    assert list(holder.posts.all()) == [held]


def test_a_reviewer_can_correct_the_units_and_name_the_leader(issue, data_manager, units, heyang):
    existing = person_of(heyang, name="冯军")
    portfolio = accept(
        portfolio_proposal(issue), data_manager, supervised=[], supervised_text="县财政局、县国资中心", liaised_text=""
    )
    assert portfolio.person == existing
    assert list(portfolio.supervised.all()) == [units["finance"]]
    assert portfolio.supervised_text == "县国资中心"
    assert portfolio.liaised_text == ""


def test_a_name_two_people_share_makes_a_new_person(issue, data_manager, heyang):
    person_of(heyang, name="冯军", note="县一中")
    person_of(heyang, name="冯军", note="城关镇")
    portfolio = accept(portfolio_proposal(issue), data_manager)
    assert Person.objects.filter(name="冯军").count() == 3
    assert portfolio.person.note == ""


def test_a_newer_notice_supersedes_the_leaders_earlier_portfolio(issue, data_manager, units, heyang):
    person = person_of(heyang, name="冯军")
    earlier = LeaderPortfolio.objects.create(person=person, post="副县长", effective=datetime.date(2022, 3, 1))
    earlier.supervised.set([units["tax"]])
    portfolio = accept(portfolio_proposal(issue), data_manager)
    earlier.refresh_from_db()
    assert not earlier.is_current and earlier.superseded_by == portfolio
    assert portfolio.is_current and portfolio.person == person
    assert earlier.history.first().superseded_by == portfolio


def test_an_older_notice_accepted_late_does_not_replace_the_current_portfolio(issue, data_manager, heyang):
    person = person_of(heyang, name="冯军")
    later = LeaderPortfolio.objects.create(person=person, post="常务副县长", effective=datetime.date(2025, 1, 5))
    portfolio = accept(portfolio_proposal(issue), data_manager)
    later.refresh_from_db()
    assert later.is_current and later.superseded_by is None
    assert not portfolio.is_current and portfolio.superseded_by == later
    assert not person.posts.exists()  # the older notice's post is not the leader's now


def test_a_portfolio_needs_a_post_and_a_leader(issue, data_manager):
    proposal = portfolio_proposal(issue)
    with pytest.raises(ValidationError):
        accept(proposal, data_manager, post=" ")
    with pytest.raises(ValidationError):
        accept(proposal, data_manager, person=None, name="")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING and not LeaderPortfolio.objects.exists()


def test_the_person_page_shows_the_current_portfolio_with_links(issue, login, data_manager, supervisor, units):
    portfolio = accept(portfolio_proposal(issue), data_manager)
    page = login(supervisor).get(portfolio.person.get_absolute_url()).content.decode()
    assert "县政府常务、财政、审计、应急管理" in page
    assert f'href="{units["finance"].get_absolute_url()}"' in page
    assert f'href="{units["tax"].get_absolute_url()}"' in page
    assert "县应急管理局" in page and "县人民银行" in page
    assert portfolio.source_document.get_absolute_url() in page
    document_page = login(supervisor).get(portfolio.source_document.get_absolute_url()).content.decode()
    assert portfolio.person.get_absolute_url() in document_page


def test_the_organisation_page_names_the_leaders_who_supervise_it(issue, login, data_manager, supervisor, units):
    portfolio = accept(portfolio_proposal(issue), data_manager)
    client = login(supervisor)
    page = client.get(units["finance"].get_absolute_url())
    assert list(page.context["supervising"]) == [portfolio]
    assert portfolio.person.get_absolute_url() in page.content.decode()
    assert list(client.get(units["tax"].get_absolute_url()).context["liaising"]) == [portfolio]
    assert not client.get(units["tax"].get_absolute_url()).context["supervising"]


def test_unit_staff_see_only_portfolios_touching_their_units(issue, login, data_manager, units):
    portfolio = accept(portfolio_proposal(issue), data_manager)
    finance_staff = UserFactory(role=roles.UNIT_STAFF, units=[units["finance"]])
    other = OrganisationFactory(name="河阳县教育局", short_name="县教育局", parent=units["finance"].parent)
    other_staff = UserFactory(role=roles.UNIT_STAFF, units=[other])
    person_url = portfolio.person.get_absolute_url()
    assert login(finance_staff).get(person_url).context["portfolio"] == portfolio
    assert login(other_staff).get(person_url).context["portfolio"] is None
    assert not login(other_staff).get(units["finance"].get_absolute_url()).context["supervising"]


@pytest.mark.parametrize("who", ["supervisor", "finance_staff"])
def test_only_data_managers_accept_portfolios(issue, login, who, request):
    proposal = portfolio_proposal(issue)
    client = login(request.getfixturevalue(who))
    assert client.get(f"/proposals/{proposal.pk}/").status_code == 403
    assert client.post(f"/proposals/{proposal.pk}/", {"name": "冯军", "post": "副县长"}).status_code == 403
    assert not LeaderPortfolio.objects.exists()
