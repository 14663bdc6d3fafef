"""Without ../shared/gazettes/ the demo imports the small sample gazette kept in the repository."""

import pytest

from demo import data as demo_data
from demo import xingxian as demo
from groups.models import LeadingGroup

pytestmark = pytest.mark.django_db


def test_without_the_shared_gazettes_the_demo_imports_the_sample(settings, tmp_path):
    settings.SHARED_GAZETTES_DIR = tmp_path / "absent"
    assert demo.demo_gazette_files() == [demo.SAMPLE_GAZETTE]
    result = demo.load_demo()
    assert result["issues"] == 1
    assert LeadingGroup.objects.count() == len(demo_data.ROSTERS)
