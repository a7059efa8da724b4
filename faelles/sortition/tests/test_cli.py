"""``faelles sortition``: JSON out, and bad files named with their line."""

import json

import pytest

from faelles.sortition.cli import main

pytestmark = pytest.mark.engine

POOL = "id,alder,køn,område\n" + "".join(
    f"a{i},{age},{sex},{area}\n"
    for i, (age, sex, area) in enumerate(
        [("18-34", "k", "Nord"), ("35-64", "m", "Syd"), ("65+", "k", "Syd")] * 4
    )
)


@pytest.fixture
def files(tmp_path):
    def write(name, content):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        return str(path)

    return write


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_strata_give_proportional_quotas(files, capsys):
    pool = files("pool.csv", POOL)
    args = ("--pool", pool, "--seats", "6", "--strata", "alder,område", "--seed", "3")
    code, out, _ = _run(capsys, *args, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["quotas"] == {
        "alder": {"18-34": [2, 2], "35-64": [2, 2], "65+": [2, 2]},
        "område": {"Nord": [2, 2], "Syd": [4, 4]},
    }
    assert len(result["selected"]) == 6 and result["seed"] == 3
    assert result["probabilities"]["a0"] == pytest.approx(0.5, abs=1e-4)
    # Same input and seed, same panel; without --json, one id per line.
    code, plain, _ = _run(capsys, *args)
    assert plain.split() == result["selected"]


def test_quotas_file_with_semicolons(files, capsys):
    pool = files("pool.csv", POOL.replace(",", ";"))
    quotas = files("q.csv", "feature;value;min;max\nkøn;k;3;3\nkøn;m;1;1\n")
    code, out, _ = _run(
        capsys,
        "--pool",
        pool,
        "--seats",
        "4",
        "--quotas",
        quotas,
        "--seed",
        "1",
        "--json",
    )
    assert code == 0
    result = json.loads(out)
    assert result["quotas"] == {"køn": {"k": [3, 3], "m": [1, 1]}}
    women = [i for i in result["selected"] if int(i[1:]) % 3 != 1]
    assert len(women) == 3


def test_infeasible_quotas_exit_1_naming_the_value(files, capsys):
    pool = files("pool.csv", POOL)
    quotas = files("q.csv", "feature,value,min,max\nkøn,k,9,9\nkøn,m,0,4\n")
    code, out, err = _run(
        capsys, "--pool", pool, "--seats", "9", "--quotas", quotas, "--seed", "1"
    )
    assert code == 1 and out == ""
    assert "køn/k: min 9 but only 8" in err


@pytest.mark.parametrize(
    ("pool", "quotas", "message"),
    [
        ("", None, "pool.csv: empty file"),
        ("navn,køn\nx,k\n", None, "pool.csv:1: the header has no 'id' column"),
        ("id,køn\nx,k\ny\n", None, "pool.csv:3: 1 fields, the header has 2"),
        ("id,køn\nx,k\nx,m\n", None, "pool.csv:3: duplicate id 'x'"),
        ("id,køn\nx,k\ny,\n", None, "pool.csv:3: empty 'køn'"),
        ("id,køn,køn\nx,k,k\n", None, "pool.csv:1: column 'køn' appears twice"),
        ('id,køn\nx,"k\n', None, "pool.csv:2: not valid CSV"),
        (POOL, "feature,value,min\n", "q.csv:1: the header lacks max"),
        (POOL, "feature,value,min,max\nkøn,k,1,x\n", "q.csv:2: max 'x' is not"),
        (POOL, "feature,value,min,max\nkøn,k,-1,2\n", "q.csv:2: min -1 is negative"),
        (POOL, "feature,value,min,max\nkøn,k,3,1\n", "q.csv:2: køn/k: max 1 < min 3"),
        (
            POOL,
            "feature,value,min,max\nkøn,k,1,2\nkøn,k,1,2\n",
            "q.csv:3: køn/k given twice",
        ),
        (POOL, "feature,value,min,max\nbydel,Ø,1,2\n", "pool.csv:1: no column 'bydel'"),
    ],
)
def test_malformed_files_are_named_with_the_line(files, capsys, pool, quotas, message):
    args = ["--pool", files("pool.csv", pool), "--seats", "2", "--seed", "1"]
    if quotas is None:
        args += ["--strata", "køn"]
    else:
        args += ["--quotas", files("q.csv", quotas)]
    code, out, err = _run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err


def test_bad_arguments(files, capsys):
    pool = files("pool.csv", POOL)
    code, _, err = _run(
        capsys, "--pool", pool, "--seats", "2", "--strata", "by", "--seed", "1"
    )
    assert code == 2 and "no column 'by' (--strata)" in err
    code, _, err = _run(
        capsys, "--pool", pool, "--seats", "2", "--strata", "køn", "--seed", "0"
    )
    assert code == 2 and "seed" in err
    code, _, err = _run(capsys, "--pool", pool, "--seats", "2", "--seed", "1")
    assert code == 2 and "--strata" in err
    code, _, err = _run(
        capsys,
        "--pool",
        str(pool) + ".missing",
        "--seats",
        "2",
        "--strata",
        "køn",
        "--seed",
        "1",
    )
    assert code == 2 and "cannot read" in err


def test_faelles_command_runs_it_without_django(tmp_path):
    """``faelles sortition`` is dispatched before Django is loaded."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\nfrom faelles.cli import main\n"
        "try:\n    main(['faelles', 'sortition', '--pool', sys.argv[1], '--seats', '2',"
        " '--strata', 'køn', '--seed', '1'])\n"
        "except SystemExit as exc:\n    print(exc.code, 'django' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "missing.csv")],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[3]), "PATH": ""},
        check=True,
    )
    assert done.stdout.split() == ["2", "False"]
    assert "cannot read" in done.stderr
