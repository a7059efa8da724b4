"""``faelles opinion-map``: output shape, and clear errors for malformed folders."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from faelles.opinionmap.cli import main

pytestmark = pytest.mark.engine

COMMENTS = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    + "".join(f"1,x,{c},0,0,0,{-1 if c == 7 else 1},statement {c}\n" for c in range(8))
)


def votes_csv(rows):
    return "timestamp,datetime,comment-id,voter-id,vote\n" + "".join(
        f"{t},x,{c},{p},{v}\n" for t, c, p, v in rows
    )


def two_camps():
    rows, t = [], 0
    for p in range(30):
        for c in range(8):
            t += 1
            rows.append((t, c, p, (1 if p % 2 else -1) * (1 if c % 2 else -1)))
    # Participant 0 changed their mind on statement 0: only the latest vote counts.
    rows.append((0, 0, 0, -1))  # older than the vote above (t = 1)
    return rows


@pytest.fixture
def folder(tmp_path):
    def make(comments=COMMENTS, votes=None):
        (tmp_path / "comments.csv").write_text(comments, encoding="utf-8")
        (tmp_path / "votes.csv").write_text(
            votes if votes is not None else votes_csv(two_camps()), encoding="utf-8"
        )
        return tmp_path

    return make


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_the_map_as_one_json_object(folder, capsys):
    code, out, err = run(capsys, "--polis", str(folder()), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["participants_in"] == 30
    assert len(data["groups"]) == 2
    members = [set(g["members"]) for g in data["groups"]]
    assert {p for p in range(30) if p % 2} in members
    assert set(data["participant_groups"]) == {str(p) for p in range(30)}
    for g in data["groups"]:
        assert g["representative"]
        for r in g["representative"]:
            assert r["statement"] != 7  # moderated out
            assert set(r) == {"statement", "agree", "repness"}
    assert 7 not in data["consensus"]


@pytest.mark.parametrize(
    ("comments", "votes", "message"),
    [
        (COMMENTS, votes_csv([(1, 0, 0, 1), (2, 1, 0, 5)]), "votes.csv:3: vote '5'"),
        (COMMENTS, votes_csv([(1, "x", 0, 1)]), "votes.csv:2: comment-id 'x'"),
        (COMMENTS, "timestamp,comment-id,vote\n1,2,1\n", "votes.csv:1: missing column"),
        (COMMENTS, votes_csv([(1, 0, 0, 1)]) + "1,x,2\n", "votes.csv:3: wrong number"),
        (
            COMMENTS.replace(",1,statement 3", ",maybe,statement 3"),
            None,
            "comments.csv:5",
        ),
    ],
)
def test_a_malformed_export_names_the_file_and_line(
    folder, capsys, comments, votes, message
):
    code, out, err = run(capsys, "--polis", str(folder(comments, votes)), "--json")
    assert code == 2 and out == ""
    assert message in err


def test_a_missing_file_or_folder_is_named(tmp_path, capsys):
    code, _, err = run(capsys, "--polis", str(tmp_path / "nope"))
    assert code == 2 and "not a folder" in err
    code, _, err = run(capsys, "--polis", str(tmp_path))
    assert code == 2 and "comments.csv: file is missing" in err


def test_malformed_server_output_names_the_file_and_line(tmp_path, capsys):
    (tmp_path / "comments.json").write_text(
        '[\n  {"statement_id": 1, "moderated": 1, "is_meta": false}\n]\n'
    )
    votes = [
        {"participant_id": 1, "statement_id": 1, "vote": 1, "modified": 5},
        {"participant_id": 2, "statement_id": 1, "vote": "yes", "modified": 6},
    ]
    (tmp_path / "votes.json").write_text(json.dumps(votes, indent=2))
    code, _, err = run(capsys, "--server-output", str(tmp_path))
    assert code == 2 and "votes.json:8: vote 'yes'" in err
    (tmp_path / "votes.json").write_text('[\n {"participant_id": 1,\n oops}\n]')
    code, _, err = run(capsys, "--server-output", str(tmp_path))
    assert code == 2 and "votes.json:3: not valid JSON" in err


def test_needs_exactly_one_source(capsys):
    code, _, err = run(capsys, "--json")
    assert code == 2 and "--polis" in err


def test_the_faelles_command_runs_it_without_django(folder):
    root = Path(__file__).resolve().parents[3]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "faelles",
            "opinion-map",
            "--polis",
            str(folder()),
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["participants_in"] == 30


def test_continue_from_a_polis_state_gives_polis_groups(shared_data, capsys):
    folder = shared_data / "polis" / "server-output" / "above-100-ptpts"
    code, out, err = run(
        capsys,
        "--server-output",
        str(folder),
        "--continue-from",
        str(folder / "math-pca2.json"),
        "--json",
    )
    assert code == 0, err
    data = json.loads(out)
    math = json.loads((folder / "math-pca2.json").read_text(encoding="utf-8"))
    assert data["participants_in"] == len(math["in-conv"])
    assert [g["id"] for g in data["groups"]] == [
        g["id"] for g in math["group-clusters"]
    ]


def test_a_broken_polis_state_is_reported(folder, tmp_path, capsys):
    bad = tmp_path / "math.json"
    bad.write_text('{"pca": {}}')
    code, _, err = run(capsys, "--polis", str(folder()), "--continue-from", str(bad))
    assert code == 2 and "not a Polis math result" in err


def test_the_engine_imports_no_django():
    root = Path(__file__).resolve().parents[3]
    code = (
        "import sys, faelles.opinionmap, faelles.opinionmap.cli, "
        "faelles.opinionmap.polis_io, faelles.opinionmap.compare; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
