"""The project's statements export: signed households as frozen at signing, the others estimated now."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from compensation import calculator, services
from compensation.models import HEADING_LABELS, OPTION_LABELS
from tests.compensation.factories import HouseholdFactory, cash_or_exchange_version
from tests.helpers import response_bytes

DAY = datetime.date(2024, 3, 1)


@pytest.fixture
def version(db):
    return cash_or_exchange_version()


def household(version, number, option="cash"):
    facts = calculator.HouseholdFacts(option=option, storeys=(calculator.Storey(1, Decimal(100)),))
    return HouseholdFactory(scheme_version=version, number=number, facts=calculator.facts_to_dict(facts))


def sign(household):
    for step, status in enumerate(["publicised", "appraised", "signed"], start=1):
        household = services.advance_household(
            household, status=status, on=DAY + datetime.timedelta(step), agreement_type="cash"
        )
    return household


def estimates(client, version):
    response = client.get(f"/compensation/projects/{version.scheme.project_id}/statements.xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response_bytes(response)))
    assert len(book.worksheets) == 2
    return list(book.worksheets[1].iter_rows(values_only=True))


def test_households_not_yet_signed_are_estimated_under_their_option_and_summed(login, data_manager, version):
    sign(household(version, "3-001"))
    household(version, "3-002")  # cash: 100 m² × (30 + 100)
    household(version, "3-003", option="exchange")  # 100 m² × 30
    rows = estimates(login(data_manager), version)
    by_number = {row[0]: row for row in rows[3:-1]}
    assert set(by_number) == {"3-002", "3-003"}
    assert rows[2][4:6] == (str(HEADING_LABELS["house"]), str(HEADING_LABELS["relocation"]))
    cash, exchange = str(OPTION_LABELS["cash"]), str(OPTION_LABELS["exchange"])
    assert by_number["3-002"][2:] == ("调查", cash, 10000, 3000, 13000, None)
    assert by_number["3-003"][2:] == ("调查", exchange, None, 3000, 3000, None)
    assert rows[-1][0] == "合计" and rows[-1][-2] == 16000


def test_a_household_that_cannot_be_computed_says_why_and_the_others_still_count(login, data_manager, version):
    household(version, "3-002")
    household(version, "3-003", option="mixed")  # the scheme offers no mixed option
    rows = estimates(login(data_manager), version)
    by_number = {row[0]: row for row in rows[3:-1]}
    assert by_number["3-003"][-2] is None and "mixed" in by_number["3-003"][-1]
    assert by_number["3-002"][-2] == 13000 and rows[-1][-2] == 13000
