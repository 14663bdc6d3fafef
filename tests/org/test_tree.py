"""Walking the organisation tree (org.access: descendant_ids, counties_of, counties_and_units and the scope of a
unit's staff): one query however deep the tree, only inside the tree asked about, and ending where the database holds
a loop."""

import pytest

from org import access, roles
from org.models import Organisation
from tests.org.factories import UserFactory

pytestmark = pytest.mark.django_db


def _unit(name, parent, kind=Organisation.Kind.DEPARTMENT):
    return Organisation.objects.create(name=name, kind=kind, parent=parent)


@pytest.fixture
def trees():
    """Two counties; the first four levels deep: county, township, village committee, a group below it."""
    east = _unit("东县人民政府", None, Organisation.Kind.COUNTY)
    town = _unit("东县城关镇", east, Organisation.Kind.TOWNSHIP)
    village = _unit("城关镇东村", town, Organisation.Kind.VILLAGE)
    team = _unit("东村一组", village, Organisation.Kind.OTHER)
    bureau = _unit("东县住建局", east)
    west = _unit("西县人民政府", None, Organisation.Kind.COUNTY)
    west_bureau = _unit("西县住建局", west)
    return {
        "east": east,
        "town": town,
        "village": village,
        "team": team,
        "bureau": bureau,
        "west": west,
        "west_bureau": west_bureau,
    }


def _ids(trees, *names):
    return {trees[name].pk for name in names}


def test_below_a_county_is_every_level_of_its_tree_and_nothing_of_another(trees, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = access.descendant_ids({trees["east"].pk})
    assert found == _ids(trees, "town", "village", "team", "bureau")


def test_below_a_township_are_its_villages_and_their_groups_not_the_township_itself(trees):
    assert access.descendant_ids({trees["town"].pk}) == _ids(trees, "village", "team")


def test_below_several_units_is_the_union_and_a_unit_below_another_given_one_counts(trees):
    assert access.descendant_ids(_ids(trees, "town", "village", "west")) == _ids(
        trees, "village", "team", "west_bureau"
    )


def test_below_nothing_or_a_leaf_is_nothing(trees, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert access.descendant_ids(set()) == set()
    assert access.descendant_ids({trees["team"].pk}) == set()


def test_the_county_of_a_unit_four_levels_down_is_found_in_one_query(trees, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = access.counties_of(_ids(trees, "team", "west_bureau"))
    assert found == _ids(trees, "east", "west")


def test_a_county_is_its_own_county(trees):
    assert access.counties_of({trees["east"].pk}) == {trees["east"].pk}


def test_a_loop_written_into_the_database_ends_the_walk(trees):
    # org.services refuses a loop; an edit in the database need not.
    Organisation.objects.filter(pk=trees["town"].pk).update(parent=trees["team"])
    assert access.descendant_ids({trees["village"].pk}) == _ids(trees, "team", "town", "village")
    assert access.counties_of({trees["village"].pk}) == set()


def test_the_counties_of_units_and_all_their_units_in_one_query(trees, django_assert_num_queries):
    with django_assert_num_queries(1):
        counties, units = access.counties_and_units(_ids(trees, "team"))
    assert counties == _ids(trees, "east")
    assert units == _ids(trees, "east", "town", "village", "team", "bureau")
    assert access.counties_and_units(set()) == (frozenset(), frozenset())


def test_a_unit_staff_scope_is_their_units_and_below_and_their_countys_units_in_two_queries(
    trees, django_assert_num_queries
):
    user = UserFactory(role=roles.UNIT_STAFF, units=[trees["town"]])
    with django_assert_num_queries(2):  # the roles, then the units and below
        scope = access.scope_of(user)
    assert scope.organisation_ids == _ids(trees, "town", "village", "team")
    with django_assert_num_queries(1):
        assert scope.county_ids == _ids(trees, "east")
        assert scope.county_unit_ids == _ids(trees, "east", "town", "village", "team", "bureau")


def test_a_county_supervisors_county_units_cost_no_further_query(trees, django_assert_num_queries):
    user = UserFactory(role=roles.SUPERVISOR, counties=[trees["west"]])
    scope = access.scope_of(user)
    with django_assert_num_queries(0):
        assert scope.county_unit_ids == _ids(trees, "west", "west_bureau")


def test_an_account_given_no_unit_sees_no_unit():
    user = UserFactory(role=roles.UNIT_STAFF)
    assert access.scope_of(user).organisation_ids == frozenset()
