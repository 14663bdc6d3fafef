"""Schemes as versioned data: adjustments, the demo's real schemes, scope, admin."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from compensation import calculator, scheme_data, selectors, services
from compensation.models import CompensationScheme, Rule, SchemeVersion
from demo import compensation as demo
from tests.compensation.factories import ProjectFactory, RuleFactory, VersionFactory
from tests.shared import GAZETTES


def test_an_adjustment_makes_a_new_version_and_keeps_the_old_one(db):
    original = VersionFactory(effective_from=datetime.date(2017, 5, 1))
    RuleFactory(version=original, code="relocation", amount=30)
    RuleFactory(version=original, code="transition", kind="monthly_per_m2", heading="transition", amount=15, months=12)
    RuleFactory(version=original, code="old-bonus", heading="bonus", amount=100)
    new = services.adjust_scheme(
        original.scheme,
        version={"document_number": "兴政发〔2021〕13号", "title": "调整", "changes": "搬迁补助提高到40元。",
                 "effective_from": datetime.date(2021, 7, 20)},
        changed=[{**services._rule_data(original.rules.get(code="relocation")), "amount": Decimal(40)}],
        removed=["old-bonus"],
    )  # fmt: skip
    original.refresh_from_db()
    assert (new.number, new.previous, new.status) == (2, original, SchemeVersion.Status.IN_FORCE)
    assert original.status == SchemeVersion.Status.SUPERSEDED
    assert original.effective_to == datetime.date(2021, 7, 19)
    assert dict(new.rules.values_list("code", "amount")) == {"relocation": 40, "transition": 15}
    assert dict(original.rules.values_list("code", "amount")) == {"relocation": 30, "transition": 15, "old-bonus": 100}
    assert selectors.changed_codes(new, list(new.rules.all())) == {"relocation"}
    assert selectors.current_version(original.scheme) == new


def test_households_under_the_old_version_keep_their_figures(db):
    original = VersionFactory()
    RuleFactory(version=original, code="relocation", amount=30)
    services.adjust_scheme(
        original.scheme,
        version={"title": "调整", "changes": "提高到40元。"},
        changed=[{**services._rule_data(original.rules.get()), "amount": Decimal(40)}],
    )
    facts = calculator.HouseholdFacts(storeys=(calculator.Storey(1, Decimal(100)),))
    totals = [calculator.calculate(version.calculator_scheme(), facts).total for version in SchemeVersion.objects.all()]
    assert totals == [3000, 4000]


def test_an_adjustment_must_say_what_it_changed(db):
    original = VersionFactory()
    with pytest.raises(ValidationError):
        services.adjust_scheme(original.scheme, version={"title": "调整", "changes": " "})
    with pytest.raises(ValidationError):
        services.adjust_scheme(original.scheme, version={"title": "调整", "changes": "删去"}, removed=["none"])


def test_a_rule_that_cannot_be_computed_is_refused(db):
    project = ProjectFactory()
    bad = {"code": "x", "kind": "rate_per_m2", "label": "x", "heading": "house", "conditions": {"storey": 1}}
    with pytest.raises(ValidationError):
        services.create_scheme(project=project, name="方案", version={"title": "方案"}, rules=[bad])
    assert not CompensationScheme.objects.exists()


def test_a_cap_must_bound_rules_of_its_own_version(db):
    cap = {"code": "cap", "kind": "cap", "label": "上限", "heading": "business", "basis": "months", "amount": 12,
           "targets": ["wages"]}  # fmt: skip
    with pytest.raises(ValidationError):
        services.create_scheme(project=ProjectFactory(), name="方案", version={"title": "方案"}, rules=[cap])


def test_rules_of_a_version_in_force_change_only_by_adjustment(db):
    rule = RuleFactory()
    with pytest.raises(ValidationError):
        services.update_rule(rule, {"amount": Decimal(50)})
    rule.version.status = SchemeVersion.Status.DRAFT
    rule.version.save()
    assert services.update_rule(rule, {"amount": Decimal(50)}).amount == 50


def test_demo_loads_the_three_real_schemes_once(real_schemes):
    assert set(real_schemes) == {"兴政发〔2021〕14号", "兴政发〔2017〕34号", "兴政发〔2021〕13号", "兴政发〔2023〕20号"}
    assert real_schemes["兴政发〔2021〕13号"].previous == real_schemes["兴政发〔2017〕34号"]
    assert real_schemes["兴政发〔2017〕34号"].status == SchemeVersion.Status.SUPERSEDED
    assert demo.load_demo() == 0
    assert CompensationScheme.objects.count() == 3


@pytest.mark.parametrize("number", [scheme_data.SANQI, scheme_data.ERQI_ADJUSTMENT, scheme_data.GUXIAN])
def test_the_database_gives_the_calculator_the_same_rules_as_the_data(real_schemes, number):
    from_database = real_schemes[number].calculator_scheme()
    from_data = scheme_data.scheme_for_calculator(scheme_data.version_data(number))
    assert from_database.rules == from_data.rules
    assert from_database.options == from_data.options
    assert str(from_database.rounding) == "1"  # to the yuan, not to the column's two decimal places


def test_every_rule_names_its_source(real_schemes):
    assert not Rule.objects.filter(source_text="").exists()
    assert not Rule.objects.filter(source_section="").exists()


def test_projects_resolve_their_organisations(real_schemes):
    project = real_schemes["兴政发〔2021〕14号"].scheme.project
    assert project.authority.kind == "county"
    assert {organisation.name for organisation in project.departments.all()} == {"蔚汾镇", "兴县住房和城乡建设管理局"}
    assert "奥家湾乡人民政府" in project.departments_text  # kept as written where no organisation matched


@pytest.mark.django_db
def test_demo_links_versions_and_rules_to_the_imported_gazettes():
    if not GAZETTES.is_dir():
        pytest.skip(f"{GAZETTES} is not here: the real gazettes live beside the repository")
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    sanqi = SchemeVersion.objects.get(document_number=scheme_data.SANQI)
    assert sanqi.document.title.startswith("兴县城区棚户区改造三期")
    assert sanqi.document.parent.number == scheme_data.SANQI  # the instrument the 印发 notice issues
    guxian = SchemeVersion.objects.get(document_number=scheme_data.GUXIAN)
    assert "固贤煤矿" in guxian.document.title
    assert (
        not Rule.objects.filter(source_document__isnull=True).exclude(source_number=scheme_data.ERQI_ORIGINAL).exists()
    )


def test_unit_staff_see_the_schemes_of_projects_their_unit_runs(real_schemes, county, login):
    from org import roles
    from org.models import Organisation
    from tests.org.factories import UserFactory

    housing = Organisation.objects.get(name="兴县住房和城乡建设管理局")
    staff = UserFactory(role=roles.UNIT_STAFF, units=[housing])
    visible = set(selectors.visible_versions(staff).values_list("document_number", flat=True))
    assert visible == {"兴政发〔2021〕14号"}
    client = login(staff)
    assert client.get(f"/compensation/versions/{real_schemes['兴政发〔2021〕14号'].pk}/calculator/").status_code == 200
    assert client.get(f"/compensation/versions/{real_schemes['兴政发〔2023〕20号'].pk}/").status_code == 404


def test_supervisors_see_every_scheme(real_schemes, supervisor):
    assert selectors.visible_versions(supervisor).count() == 4


def test_admin_lists_only_schemes_in_scope(real_schemes, finance_staff, client):
    finance_staff.is_staff = True
    finance_staff.save()
    client.force_login(finance_staff)
    response = client.get("/admin/compensation/schemeversion/")
    assert response.status_code == 200
    assert "兴政发〔2021〕14号" not in response.content.decode()
