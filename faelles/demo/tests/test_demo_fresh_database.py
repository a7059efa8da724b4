"""``python -m faelles demo`` on a brand-new SQLite file, as `make demo` runs it."""

import os
import subprocess
import sys

import pytest

# Runs in a subprocess against its own SQLite file, never the test database, so
# (like the engine tests) it runs once, in the SQLite pass.
pytestmark = pytest.mark.engine


def test_demo_command_on_a_fresh_sqlite_database(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["FAELLES_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "faelles", "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "faelles.sqlite3").exists()
    out = result.stdout
    assert "password for all: faelles-demo" in out
    for slug in ["kerteminde", "odense", "faxe", "skanderborg", "rodovre"]:
        assert f"admin@{slug}.faelles.example" in out
        assert f"borger@{slug}.faelles.example" in out
