"""The household register: the lifecycle step by step, amounts frozen at signing, payments, history."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from compensation import calculator, services
from compensation.models import Household, Rule, SchemeVersion
from tests.compensation.examples import EXCHANGE_QUERY
from tests.compensation.factories import HouseholdFactory, RuleFactory, VersionFactory

DAY = datetime.date(2024, 3, 1)


@pytest.fixture
def version(db):
    """A version with one rule: 30 yuan per m² of main house, for every option."""
    version = VersionFactory()
    RuleFactory(version=version, code="relocation", amount=30)
    return version


def days(n):
    return DAY + datetime.timedelta(days=n)


def sign(household, *, on=None, agreement_type="cash"):
    for step, status in enumerate(["publicised", "appraised"], start=1):
        household = services.advance_household(household, status=status, on=days(step))
    return services.advance_household(household, status="signed", on=on or days(3), agreement_type=agreement_type)


def test_a_household_moves_forward_one_step_at_a_time_each_step_dated(version):
    household = HouseholdFactory(scheme_version=version)
    household = services.advance_household(household, status="publicised", on=days(1))
    with pytest.raises(ValidationError):
        services.advance_household(household, status="signed", on=days(2), agreement_type="cash")  # skips 评估
    with pytest.raises(ValidationError):
        services.advance_household(household, status="surveyed", on=days(2))  # backwards
    with pytest.raises(ValidationError):
        services.advance_household(household, status="appraised", on=days(0))  # before the publicity
    household = services.advance_household(household, status="appraised", on=days(2))
    assert (household.status, household.surveyed_on, household.publicised_on, household.appraised_on) == (
        "appraised",
        DAY,
        days(1),
        days(2),
    )


def test_a_step_cannot_be_dated_in_the_future(version):
    household = HouseholdFactory(scheme_version=version)
    with pytest.raises(ValidationError):
        services.advance_household(household, status="publicised", on=datetime.date.today() + datetime.timedelta(1))


def test_signing_needs_an_agreement_type_the_scheme_offers(version):
    version.options = ["cash"]
    version.save()
    household = HouseholdFactory(scheme_version=version)
    household = services.advance_household(household, status="publicised", on=days(1))
    household = services.advance_household(household, status="appraised", on=days(2))
    with pytest.raises(ValidationError):
        services.advance_household(household, status="signed", on=days(3))
    with pytest.raises(ValidationError):
        services.advance_household(household, status="signed", on=days(3), agreement_type="exchange")
    household.refresh_from_db()
    assert household.status == "appraised" and household.signed_total is None


def test_signing_freezes_the_total_the_subtotals_and_the_lines(version):
    household = sign(HouseholdFactory(scheme_version=version))
    assert household.signed_total == Decimal("3000")  # 100 m² × 30
    assert household.subtotals == {"relocation": Decimal("3000")}
    (line,) = household.signed_statement["lines"]
    assert (line["code"], line["quantity"], line["rate"], line["amount"]) == ("relocation", "100", "30", "3000")
    assert line["document"] == "兴政发〔2024〕1号" and line["text"] == "每平方米支付搬迁补助费30元。"
    assert household.agreement_type == "cash" and household.signed_on == days(3)


def test_later_rule_changes_never_alter_a_signed_households_amounts(version):
    household = sign(HouseholdFactory(scheme_version=version))
    unsigned = HouseholdFactory(scheme_version=version, number="3-999")
    Rule.objects.filter(version=version).update(amount=50)
    services.adjust_scheme(version.scheme, version={"changes": "搬迁补助提高到每平方米50元", "title": "调整"})
    household.refresh_from_db()
    assert household.signed_total == Decimal("3000") and household.subtotals == {"relocation": Decimal("3000")}
    assert household.signed_statement["lines"][0]["rate"] == "30"
    assert household.scheme_version == version  # still the version it was signed under
    # A household not yet signed is computed under the rules as they now are.
    assert sign(unsigned).signed_total == Decimal("5000")


def test_a_signed_households_facts_and_version_no_longer_change(version):
    household = sign(HouseholdFactory(scheme_version=version))
    bigger = calculator.HouseholdFacts(option="cash", storeys=(calculator.Storey(1, Decimal("120")),))
    with pytest.raises(ValidationError):
        services.update_household(household, data={}, facts=bigger)
    other = VersionFactory(scheme=version.scheme, number=2, status=SchemeVersion.Status.DRAFT)
    with pytest.raises(ValidationError):
        services.update_household(household, data={}, scheme_version=other)
    household = services.update_household(household, data={"phone": "13900000000"})
    assert household.phone == "13900000000" and household.signed_total == Decimal("3000")


def test_signing_after_the_signing_period_loses_what_depends_on_it(version):
    RuleFactory(
        version=version,
        code="bonus",
        kind="one_off",
        heading="bonus",
        basis="household",
        amount=10000,
        conditions={"flags": {"within_signing_period": True}},
    )
    version.signing_end = days(3)
    version.save()
    in_time = sign(HouseholdFactory(scheme_version=version), on=days(3))
    late = sign(HouseholdFactory(scheme_version=version), on=days(4))
    assert in_time.signed_total == Decimal("13000") and late.signed_total == Decimal("3000")
    assert late.facts["within_signing_period"] is False


def test_the_frozen_total_is_what_the_calculator_gives_for_a_real_scheme(real_schemes):
    """Worked example 5 of the third phase (132,000 yuan by hand), signed through the register."""
    version = real_schemes["兴政发〔2021〕14号"]
    facts = calculator.HouseholdFacts(
        option="exchange",
        storeys=(calculator.Storey(1, Decimal(100)), calculator.Storey(2, Decimal(80))),
        appraised_attachments=Decimal(EXCHANGE_QUERY["appraised_attachments"]),
        wished_area=Decimal(250),
        agreed_transition_months=Decimal(24),
        signing_day=10,
        group_households=6,
        group_days=8,
    )
    household = services.create_household(
        project=version.scheme.project, scheme_version=version, facts=facts, number="A-1", head_name="示例户一",
        surveyed_on=DAY,
    )  # fmt: skip
    household = sign(household, agreement_type="exchange")
    assert household.signed_total == Decimal("132000")
    assert sum(household.subtotals.values()) == Decimal("132000")


def test_payments_settle_the_frozen_total_before_the_household_counts_as_paid(version):
    household = HouseholdFactory(scheme_version=version)
    with pytest.raises(ValidationError):
        services.record_payment(household, paid_on=DAY, amount=Decimal(100))  # not signed yet
    household = sign(household)
    with pytest.raises(ValidationError):
        services.record_payment(household, paid_on=days(2), amount=Decimal(100))  # before the agreement
    services.record_payment(household, paid_on=days(4), amount=Decimal(2000))
    with pytest.raises(ValidationError):
        services.record_payment(household, paid_on=days(5), amount=Decimal("1000.01"))  # more than signed for
    household = services.advance_household(household, status="vacated", on=days(5))
    household = services.advance_household(household, status="demolished", on=days(6))
    with pytest.raises(ValidationError):
        services.advance_household(household, status="paid", on=days(7))
    services.record_payment(household, paid_on=days(7), amount=Decimal(1000))
    household = services.advance_household(household, status="paid", on=days(7))
    assert household.status == "paid" and household.paid_on == days(7)


def test_every_change_is_in_the_history_with_who_made_it(version, data_manager, login):
    household = HouseholdFactory(scheme_version=version)
    client = login(data_manager)
    response = client.post(f"/compensation/households/{household.pk}/advance/", {"on": days(1).isoformat()})
    assert response.status_code == 302
    record = household.history.first()
    assert record.status == "publicised" and record.history_user == data_manager
    assert Household.history.filter(id=household.pk).count() == 2


def test_a_version_of_another_project_is_refused(version):
    other = VersionFactory()
    with pytest.raises(ValidationError):
        services.create_household(
            project=version.scheme.project,
            scheme_version=other,
            facts=calculator.HouseholdFacts(),
            number="1",
            head_name="示例户二",
        )


def test_the_household_number_is_unique_within_its_project(version):
    HouseholdFactory(scheme_version=version, number="7")
    with pytest.raises(ValidationError):
        services.create_household(
            project=version.scheme.project,
            scheme_version=version,
            facts=calculator.HouseholdFacts(),
            number="7",
            head_name="示例户三",
        )
