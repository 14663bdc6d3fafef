"""The register's pages: entering a household, comparing its options, signing, the statement, the dashboard."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone

from compensation import services
from compensation.models import Household
from tests.compensation.factories import HouseholdFactory, cash_or_exchange_version

DAY = datetime.date(2024, 3, 1)


@pytest.fixture
def version(db):
    return cash_or_exchange_version()


@pytest.fixture
def project(version):
    return version.scheme.project


FORM = {
    "number": "3-001",
    "head_name": "示例户一",
    "id_number": "141130198001011234",
    "phone": "13903581234",
    "address": "蔚汾镇示例村1号",
    "surveyed_on": "2024-03-01",
    "facts-option": "exchange",
    "facts-land_ownership": "collective",
    "facts-use": "residential",
    "facts-title_status": "legal",
    "facts-storey_1_area": "100",
}


def test_entering_a_household_stores_its_facts_and_the_page_compares_the_options(login, data_manager, project, version):
    client = login(data_manager)
    form = client.get(f"/compensation/projects/{project.pk}/households/new/")
    assert form.status_code == 200 and "facts-storey_1_area" in form.content.decode()
    response = client.post(f"/compensation/projects/{project.pk}/households/new/", {**FORM, "version": version.pk})
    household = Household.objects.get()
    assert response.status_code == 302 and response["Location"] == household.get_absolute_url()
    assert household.facts["option"] == "exchange" and household.household_facts().main_area == 100
    assert (household.status, household.surveyed_on, household.scheme_version) == ("surveyed", DAY, version)
    page = client.get(household.get_absolute_url())
    comparison = page.context["comparison"]
    assert comparison["options"] == ["cash", "exchange"] and comparison["totals"] == [13000, 3000]
    assert page.context["statement"]["option"] == "exchange"


def test_the_edit_form_shows_the_facts_entered(login, data_manager, version):
    household = HouseholdFactory(scheme_version=version)
    form = login(data_manager).get(f"/compensation/households/{household.pk}/edit/").context["facts_form"]
    assert form.initial["storey_1_area"] == Decimal(100) and form.initial["option"] == "cash"


def test_editing_keeps_facts_and_particulars(login, data_manager, version):
    household = HouseholdFactory(scheme_version=version)
    data = {**FORM, "number": household.number, "head_name": "示例户二", "facts-storey_2_area": "50"}
    data.pop("surveyed_on")
    response = login(data_manager).post(f"/compensation/households/{household.pk}/edit/", data)
    assert response.status_code == 302
    household.refresh_from_db()
    assert household.head_name == "示例户二" and household.household_facts().main_area == 150


def test_signing_on_the_page_freezes_the_amount_and_the_statement_prints_it(login, data_manager, version):
    household = HouseholdFactory(scheme_version=version, status="appraised", publicised_on=DAY, appraised_on=DAY)
    client = login(data_manager)
    detail = client.get(household.get_absolute_url())
    assert detail.context["advance_form"].signing
    refused = client.post(f"/compensation/households/{household.pk}/advance/", {"on": "2024-03-05"})
    assert refused.status_code == 200 and refused.context["advance_form"].errors
    signed = client.post(
        f"/compensation/households/{household.pk}/advance/", {"on": "2024-03-05", "agreement_type": "cash"}
    )
    assert signed.status_code == 302
    household.refresh_from_db()
    assert household.status == "signed" and household.signed_total == Decimal(13000)
    statement = client.get(f"/compensation/households/{household.pk}/statement/").content.decode()
    assert 'id="statement-total">13,000<' in statement and "data-print" in statement  # static/js/ledger.js prints
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/compensation/households/{household.pk}/statement.xlsx").content)
    )
    rows = list(book.active.iter_rows(values_only=True))
    assert any(row[0] in ("Total", "合计") and row[6] == 13000 for row in rows)


def test_a_payment_is_recorded_on_the_page(login, data_manager, version):
    household = HouseholdFactory(scheme_version=version)
    for step, status in enumerate(["publicised", "appraised", "signed"], start=1):
        household = services.advance_household(
            household, status=status, on=DAY + datetime.timedelta(step), agreement_type="cash"
        )
    client = login(data_manager)
    response = client.post(
        f"/compensation/households/{household.pk}/payments/", {"paid_on": "2024-03-10", "amount": "5000"}
    )
    assert response.status_code == 302 and household.payments.get().amount == Decimal(5000)
    too_much = client.post(
        f"/compensation/households/{household.pk}/payments/", {"paid_on": "2024-03-10", "amount": "9000"}
    )
    assert too_much.status_code == 200 and too_much.context["payment_form"].errors


def test_the_dashboard_counts_steps_money_committed_and_paid_and_the_signing_curve(login, supervisor, version):
    households = [HouseholdFactory(scheme_version=version) for _ in range(4)]
    for index, household in enumerate(households[:3]):
        household = services.advance_household(household, status="publicised", on=DAY + datetime.timedelta(1))
        if index < 2:
            household = services.advance_household(household, status="appraised", on=DAY + datetime.timedelta(2))
            services.advance_household(
                household, status="signed", on=DAY + datetime.timedelta(3 + index), agreement_type="cash"
            )
    services.record_payment(households[0], paid_on=DAY + datetime.timedelta(5), amount=Decimal(1000))
    response = login(supervisor).get(f"/compensation/projects/{version.scheme.project_id}/")
    context = response.context
    counts = {step["status"]: step["count"] for step in context["steps"]}
    assert counts == {"surveyed": 1, "publicised": 1, "appraised": 0, "signed": 2, "vacated": 0, "demolished": 0,
                      "paid": 0}  # fmt: skip
    assert (context["signing_rate"], context["committed"], context["paid"]) == (50, Decimal(26000), Decimal(1000))
    assert context["curve"] == [
        {"date": "2024-03-04", "signed": 1, "rate": 25.0},
        {"date": "2024-03-05", "signed": 2, "rate": 50.0},
    ]
    page = response.content.decode()
    assert 'id="signing-curve"' in page and "signing_chart.js" in page


def test_the_dashboard_lists_overdue_deadlines_and_households_late_to_sign(login, data_manager, version):
    version.signing_end = timezone.localdate() - datetime.timedelta(days=10)
    version.save()
    late = HouseholdFactory(scheme_version=version, number="3-042")
    services.schedule_scheme_deadlines(version, data_manager)
    context = login(data_manager).get(f"/compensation/projects/{version.scheme.project_id}/").context
    assert [deadline.kind for deadline in context["overdue"]] == ["signing_end"]
    assert list(context["unsigned_late"]) == [late]


def test_the_register_lists_the_projects_households_with_what_they_were_paid(login, data_manager, version):
    household = HouseholdFactory(scheme_version=version, number="3-007")
    HouseholdFactory()  # another project's
    response = login(data_manager).get(f"/compensation/projects/{version.scheme.project_id}/households/")
    rows = list(response.context["table"].rows)
    assert [row.record for row in rows] == [household] and rows[0].record.paid == 0
    assert response.context["can_edit"]
