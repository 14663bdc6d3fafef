import pytest
from django.core.exceptions import ValidationError

from org import services as org_services
from org.selectors import OrganisationResolver, resolve_organisation
from tests.org.factories import OrganisationFactory


@pytest.fixture
def health(county):
    organisation = OrganisationFactory(name="兴县卫生健康和体育局", short_name="县卫体局", parent=county)
    org_services.add_alias(organisation, "县卫生健康和体育局")
    return organisation


def test_full_name_short_name_and_alias_resolve_to_the_same_unit(health, county):
    for written in ["兴县卫生健康和体育局", "县卫体局", "县卫生健康和体育局"]:
        assert resolve_organisation(written, county) == health


def test_spaces_and_full_width_forms_are_ignored(health, county):
    assert resolve_organisation("县 卫体局", county) == health
    assert resolve_organisation("县卫体局　", county) == health


def test_the_county_name_may_be_written_or_left_out(health, county):
    assert resolve_organisation("兴县卫体局", county) == health


def test_an_unknown_name_resolves_to_nothing(health, county):
    assert resolve_organisation("县宇宙探索局", county) is None
    assert resolve_organisation("", county) is None


def test_a_unit_name_resolves_only_inside_its_county(county):
    other_county = OrganisationFactory(name="临县人民政府", short_name="临县", kind="county")
    OrganisationFactory(name="兴县财政局", short_name="县财政局", parent=county)
    OrganisationFactory(name="临县财政局", short_name="县财政局", parent=other_county)
    assert resolve_organisation("县财政局", None) is None
    assert resolve_organisation("县财政局", county).name == "兴县财政局"
    assert resolve_organisation("县财政局", other_county).name == "临县财政局"


def test_an_alias_naming_another_unit_is_refused_in_chinese(health, finance):
    with pytest.raises(ValidationError) as error:
        org_services.add_alias(finance, "县卫体局")
    assert "已指" in str(error.value) or "already" in str(error.value)


def test_resolver_loads_names_once_for_many_lookups(health, county, django_assert_max_num_queries):
    # The tree walk costs one query per level; the lookups cost none.
    with django_assert_max_num_queries(5):
        resolver = OrganisationResolver(county)
        for _ in range(50):
            assert resolver("县卫体局") == health
