"""A server worker exempts what it has loaded from the garbage collector's full
collections (faelles/core/startup.py), without keeping garbage alive."""

import gc
import subprocess
import sys
import weakref

import pytest

from faelles.core.startup import freeze_loaded_objects

from .test_settings_selection import _env


class _Node:
    def __init__(self):
        self.other = self


@pytest.mark.engine  # no database
def test_freezing_collects_the_garbage_first_and_keeps_what_lives():
    garbage = _Node()  # a cycle: only the collector can free it
    gone = weakref.ref(garbage)
    del garbage
    alive = _Node()
    kept = weakref.ref(alive)
    try:
        frozen = freeze_loaded_objects()
        assert gone() is None
        assert kept() is alive
        assert frozen == gc.get_freeze_count() > 0
        # A later call adds what was loaded since.
        more = [_Node() for _ in range(100)]
        assert freeze_loaded_objects() >= frozen + len(more)
    finally:
        gc.unfreeze()


@pytest.mark.engine  # a subprocess, no test database
def test_the_web_server_freezes_the_loaded_app(tmp_path):
    code = (
        "import gc, faelles.wsgi; from django.urls import get_resolver; "
        "print(gc.get_freeze_count(), get_resolver()._populated)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(FAELLES_VAR_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    count, populated = done.stdout.split()
    # Django, the apps and their URL patterns: well over 100,000 objects.
    assert int(count) > 100_000
    assert populated == "True"
