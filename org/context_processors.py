from functools import cached_property

from . import access


def roles(request):
    # A request refused before the user is known (a Host header not allowed: 400) has none.
    user = getattr(request, "user", None)
    if user is None:
        return {"is_data_manager": False, "is_supervisor": False}
    return {
        "is_data_manager": access.is_data_manager(user),
        "is_supervisor": access.is_supervisor(user),
    }


def counties(request):
    """The top bar's county switcher, read only when a page shows it: one query for the user's counties (the user's
    scope, which the view has most likely asked for already, is kept on the user), none for a visitor."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"county_switcher": None}
    return {"county_switcher": CountySwitcher(user)}


class CountySwitcher:
    """The counties a user may switch between, when there are several; and whether the roll-up of all of them is
    theirs to see. Data managers and supervisors work on whole counties; unit staff, whose units are one county's as a
    rule, get no switcher, which spares finding their units' counties up the tree on every page."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def counties(self):
        if not access.sees_counties(self.user):
            return []
        return list(access.counties(self.user).only("pk", "name", "short_name"))

    @cached_property
    def shown(self):
        return len(self.counties) > 1

    @cached_property
    def rollup(self):
        """The roll-up of every county, for supervisors and data managers."""
        return access.supervises(self.user)
