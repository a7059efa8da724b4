"""``faelles pb-count FILE.pb --rule RULE [--json]`` prints the selected project ids."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from faelles.budgeting.engine.cli import main
from faelles.budgeting.engine.pabulib import read_pabulib
from faelles.budgeting.engine.rules import RULES, count

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[3]


def assen(shared_data: Path) -> Path:
    return shared_data / "pabulib" / "Netherlands_Assen_2024.pb"


@pytest.mark.parametrize("rule", [*RULES, "official"])
def test_prints_the_selected_ids_one_per_line(shared_data, capsys, rule):
    path = assen(shared_data)
    assert main([str(path), "--rule", rule]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == count(read_pabulib(path), rule).selected
    assert printed


def test_official_assen_is_the_official_result(shared_data, capsys):
    path = assen(shared_data)
    main([str(path), "--rule", "official"])
    assert sorted(capsys.readouterr().out.split()) == sorted(
        read_pabulib(path).selected_column()
    )


def test_json_output(shared_data, capsys):
    assert main([str(assen(shared_data)), "--rule", "mes-add1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rule"] == "mes-add1"
    assert data["budget"] == 100_000
    assert data["total_cost"] <= 100_000
    assert "explanation" not in data
    main([str(assen(shared_data)), "--rule", "official", "--json"])
    official = json.loads(capsys.readouterr().out)
    assert (official["rule"], official["official_rule"]) == (
        "mes-add1",
        "equalshares/add1",
    )
    main([str(assen(shared_data)), "--rule", "mes", "--json", "--explain"])
    explained = json.loads(capsys.readouterr().out)
    statuses = {p["status"] for p in explained["explanation"]["projects"].values()}
    assert "selected" in statuses


def test_exclusive_groups(shared_data, capsys):
    path = shared_data / "pabulib" / "Poland_Warszawa_2024_Praga-Polnoc.pb"
    main([str(path), "--rule", "greedy-exclusive", "--exclusive", "476,491"])
    selected = capsys.readouterr().out.split()
    assert "476" in selected and "491" not in selected
    assert main([str(path), "--rule", "greedy", "--exclusive", "476,491"]) == 2
    assert "only apply to greedy-exclusive" in capsys.readouterr().err
    assert main([str(path), "--rule", "greedy-exclusive", "--exclusive", "1,x"]) == 2
    assert "unknown project" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rule", "random"], "unknown rule"),
        (["--rule", "greedy", "/nonexistent/file.pb"], "no such file"),
    ],
)
def test_bad_arguments(shared_data, capsys, args, message):
    argv = args if len(args) == 3 else [str(assen(shared_data)), *args]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_not_a_pabulib_file(tmp_path, capsys):
    bad = tmp_path / "bad.pb"
    bad.write_text("META\nkey;value\nvote_type;approval\n")
    assert main([str(bad), "--rule", "greedy"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_unknown_official_rule(tmp_path, capsys):
    text = "META\nkey;value\nbudget;10\nrule;lottery\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n"
    path = tmp_path / "lottery.pb"
    path.write_text(text)
    assert main([str(path), "--rule", "official"]) == 2
    assert "'lottery' is not supported" in capsys.readouterr().err


def test_the_faelles_command(shared_data):
    """The installed ``faelles pb-count`` (through Django's command) behaves the same."""
    path = assen(shared_data)
    done = subprocess.run(
        [sys.executable, "-m", "faelles", "pb-count", str(path), "--rule", "official"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.split()) == sorted(read_pabulib(path).selected_column())
    bad = subprocess.run(
        [sys.executable, "-m", "faelles", "pb-count", str(path), "--rule", "nope"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert bad.returncode == 2 and "unknown rule" in bad.stderr


def _file_with_drops(tmp_path: Path) -> Path:
    """The hand example of test_engine_drops.py, written as Fælles exports it."""
    from faelles.budgeting.engine import build_election, write_pabulib
    from faelles.budgeting.engine.drops import attach_drops

    election = build_election(
        budget=100,
        costs={"a": 60, "b": 50, "c": 40, "d": 30},
        ballots=[["a", "b"], ["a"], ["b", "c"], ["c"], ["d"]],
    )
    election.meta["rule"] = "greedy"
    attach_drops(election, [["c"], ["b"], [], ["a"], ["a"]])
    path = tmp_path / "drops.pb"
    write_pabulib(election, path)
    return path


@pytest.mark.parametrize(
    ("rule", "selected"),
    [("greedy", ["b", "c"]), ("official", ["b", "c"]), ("mes-greedy", ["c", "b"])],
)
def test_a_file_with_drops_is_counted_with_them(tmp_path, capsys, rule, selected):
    # Without the drops greedy funds a and c; a is vetoed by its two drops.
    path = _file_with_drops(tmp_path)
    assert main([str(path), "--rule", rule, "--json", "--explain"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["selected"] == selected
    assert data["drops_counted"] is True
    assert data["explanation"]["projects"]["a"]["status"] == "dropped"


def test_a_rule_that_cannot_count_drops_is_refused_not_run_on_approvals(
    tmp_path, capsys
):
    path = _file_with_drops(tmp_path)
    assert main([str(path), "--rule", "phragmen"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "cannot count drops" in captured.err
    assert "--ignore-drops" in captured.err


def test_ignore_drops_counts_the_approvals_alone_and_says_so(tmp_path, capsys):
    path = _file_with_drops(tmp_path)
    assert main([str(path), "--rule", "greedy", "--ignore-drops", "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["selected"] == ["a", "c"]
    assert data["drops_counted"] is False
    assert "drops of 4 voter(s) are ignored" in captured.err


def test_drops_that_break_the_rules_are_a_clear_error(tmp_path, capsys):
    path = _file_with_drops(tmp_path)
    text = path.read_text().replace("0;a,b;c", "0;a,b;a")
    path.write_text(text)
    assert main([str(path), "--rule", "greedy"]) == 2
    assert "both approves and drops project a" in capsys.readouterr().err
