"""The scheme pages and the calculator page: rules with their clauses, the comparison, print and XLSX."""

import io

import openpyxl
import pytest

from tests.compensation.examples import EXCHANGE_QUERY

SANQI = "兴政发〔2021〕14号"


def test_scheme_list_shows_the_three_real_schemes(login, data_manager, real_schemes):
    page = login(data_manager).get("/compensation/").content.decode()
    for name in ("三期工程项目", "二期工程项目", "固贤煤矿项目"):
        assert name in page


def test_version_page_shows_each_rule_with_its_clause_and_reading(login, data_manager, real_schemes):
    version = real_schemes[SANQI]
    page = login(data_manager).get(f"/compensation/versions/{version.pk}/").content.decode()
    assert "主房二层及二层以上按1:1.1安置" in page
    assert "1:1.3" in page and "曲家沟大桥" in page
    assert "“以上”含本数" in page  # a reading chosen for an unclear clause


def test_the_earlier_version_stays_readable_and_says_it_was_superseded(login, data_manager, real_schemes):
    client = login(data_manager)
    original = client.get(f"/compensation/versions/{real_schemes['兴政发〔2017〕34号'].pk}/").content.decode()
    assert "兴政发〔2017〕34号" in original and 'class="message warning"' in original
    adjusted = client.get(f"/compensation/versions/{real_schemes['兴政发〔2021〕13号'].pk}/").content.decode()
    assert "另行奖励15平方米" in adjusted and "不完全产权" in adjusted


def test_calculator_compares_the_options_and_itemises_the_chosen_one(login, data_manager, real_schemes):
    version = real_schemes[SANQI]
    response = login(data_manager).get(f"/compensation/versions/{version.pk}/calculator/", EXCHANGE_QUERY)
    assert response.status_code == 200
    statement = response.context["statement"]
    assert statement.rounded_total == 132000  # by hand: see test_sanqi_5
    assert response.context["comparison"]["options"] == ["cash", "exchange", "mixed"]
    page = response.content.decode()
    assert 'id="statement-total">132,000<' in page
    assert "三、（二）9." in page  # the clause of the price-difference line


def test_calculator_without_facts_shows_the_form_only(login, data_manager, real_schemes):
    response = login(data_manager).get(f"/compensation/versions/{real_schemes[SANQI].pk}/calculator/")
    assert response.status_code == 200 and response.context["statement"] is None


def test_calculator_offers_the_fields_the_scheme_reads(login, data_manager, real_schemes):
    client = login(data_manager)
    guxian = client.get(f"/compensation/versions/{real_schemes['兴政发〔2023〕20号'].pk}/calculator/")
    form = guxian.context["form"]
    assert [choice for choice, _label in form.fields["option"].choices] == ["cash"]
    assert "item_walnut-peak" in form.fields and "rate_bonus-20" in form.fields
    assert "楼房·砖混结构" in dict(form.fields["storey_1_structure"].choices)


def test_a_rate_outside_its_range_is_refused(login, data_manager, real_schemes):
    version = real_schemes["兴政发〔2023〕20号"]
    query = {
        "option": "cash",
        "land_ownership": "collective",
        "use": "residential",
        "title_status": "legal",
        "storey_1_area": "100",
        "storey_1_structure": "楼房·砖混结构",
        "signing_day": "3",
        "rate_bonus-20": "600",
    }
    response = login(data_manager).get(f"/compensation/versions/{version.pk}/calculator/", query)
    assert response.context["statement"] is None
    assert response.context["form"].errors["rate_bonus-20"]


def test_xlsx_export_holds_the_statement_and_the_comparison(login, data_manager, real_schemes):
    version = real_schemes[SANQI]
    response = login(data_manager).get(f"/compensation/versions/{version.pk}/calculator.xlsx", EXCHANGE_QUERY)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    statement, comparison = book.worksheets
    rows = list(statement.iter_rows(values_only=True))
    assert any(row[0] == "所选安置房大于应安置面积，按成本价补差" and row[6] == -83200 for row in rows)
    assert any(row[0] in ("Total", "合计") and row[6] == 132000 for row in rows)
    assert len(comparison[1]) == 4  # a label column and the three options
    # by hand, same facts: cash 10,000 + 180 × 30 + 180 × 20 × 12 + 180 × 300 × 2 = 166,600;
    # mixed exchanges the ground floor, 130 m² against 250 wished: −120 × 2,600 + 10,000 + 10,800 + 86,400
    # + 108,000 = −96,800
    assert [cell.value for cell in comparison[comparison.max_row - 2]][1:] == [166600, 132000, -96800]


@pytest.mark.parametrize("suffix", ["", "calculator/", "calculator.xlsx"])
def test_another_units_staff_get_404(login, finance_staff, real_schemes, suffix):
    version = real_schemes[SANQI]
    assert login(finance_staff).get(f"/compensation/versions/{version.pk}/{suffix}").status_code == 404
