"""config/gunicorn.conf.py: each web worker collects garbage less often, and freezes what it holds once its first
requests have loaded what every page uses."""

import gc
import runpy
import weakref
from pathlib import Path
from types import SimpleNamespace

import pytest

CONFIG = runpy.run_path(str(Path(__file__).resolve().parent.parent / "config" / "gunicorn.conf.py"))


@pytest.fixture
def collector():
    """The test process's own collector, as it was, afterwards."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_a_forked_worker_collects_less_often_than_pythons_default(collector):
    CONFIG["post_fork"](server=None, worker=SimpleNamespace(nr=0))
    assert gc.get_threshold() == CONFIG["GC_THRESHOLD"]
    assert gc.get_threshold()[0] > 700


def test_a_worker_freezes_what_it_holds_after_its_first_requests_and_only_then(collector, monkeypatch):
    gc.unfreeze()
    freezes, freeze = [], gc.freeze
    # Counted by call: a frozen object freed later leaves the frozen count, which therefore cannot tell a second
    # freeze from none.
    monkeypatch.setattr(gc, "freeze", lambda: (freezes.append(True), freeze()))
    for served in range(1, CONFIG["FREEZE_AFTER"]):
        CONFIG["post_request"](SimpleNamespace(nr=served), None, {}, None)
        assert (freezes, gc.get_freeze_count()) == ([], 0), served
    kept = [object(), {}]  # alive when the worker freezes
    CONFIG["post_request"](SimpleNamespace(nr=CONFIG["FREEZE_AFTER"]), None, {}, None)
    assert len(freezes) == 1 and gc.get_freeze_count() > 0 and kept
    for served in range(CONFIG["FREEZE_AFTER"] + 1, CONFIG["FREEZE_AFTER"] + 5):
        CONFIG["post_request"](SimpleNamespace(nr=served), None, {}, None)
    assert len(freezes) == 1


class _Node:
    pass


def test_garbage_in_cycles_is_collected_before_the_freeze_not_kept_for_good(collector):
    gc.unfreeze()
    gc.disable()
    try:
        node = _Node()
        node.itself = node
        alive = weakref.ref(node)
        del node
        CONFIG["post_request"](SimpleNamespace(nr=CONFIG["FREEZE_AFTER"]), None, {}, None)
        assert alive() is None
    finally:
        gc.enable()
