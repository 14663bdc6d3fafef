"""The invented households of the demo: varied steps, deadline tasks, loaded once."""

from compensation.models import Household, SchemeDeadline
from compensation.selectors import project_dashboard
from demo import compensation as demo


def test_demo_households_fill_the_third_phases_dashboard_once(real_schemes, data_manager):
    assert demo.load_demo_households() == len(demo.DEMO_HOUSEHOLDS)
    assert demo.load_demo_households() == 0  # already there
    households = Household.objects.all()
    assert households.count() == 7 and all(h.head_name.startswith("示例户") for h in households)
    assert len({household.status for household in households}) == 7  # every step shown
    project = households[0].project
    assert project.name == "兴县城区棚户区改造三期工程项目"
    figures = project_dashboard(data_manager, project)
    assert figures["signed"] == 4 and len(figures["curve"]) == 4
    assert figures["paid"] == Household.objects.get(status="paid").signed_total > 0
    kinds = set(SchemeDeadline.objects.values_list("kind", flat=True))
    assert kinds == {"publicity", "review"}  # 三期 states no dated signing period
