import json

import pytest

from faelles.matching.cli import main

pytestmark = pytest.mark.engine

OFFERS = [
    {
        "id": "kol",
        "title": "Gåtur for lungesyge",
        "text": "Jeg har KOL",
        "postcode": "5300",
    },
    {"id": "lektie", "title": "Lektiehjælp", "text": "Matematik for 7. klasse"},
]
NEEDS = [
    {"id": "n1", "title": "Hjælp til lektier", "text": "Min søn har brug for hjælp"},
    {"id": "n2", "title": "Gå ture", "text": "Jeg har lungesygdom"},
]


@pytest.fixture
def files(tmp_path):
    def write(name, content):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        return str(path)

    return write


def _jsonl(rows):
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"


def test_need_against_offers(files, capsys):
    need = files("need.json", json.dumps(NEEDS[1]))
    offers = files("offers.jsonl", _jsonl(OFFERS))
    assert main(["--need", need, "--offers", offers, "--top", "10"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines[0]["id"] == "kol"
    assert set(lines[0]) == {"id", "score", "reasons"}
    # The need's own word, and the other side's synonym for it.
    assert any("lungesygdom/lungesyge" in r for r in lines[0]["reasons"])
    assert [x["score"] for x in lines] == sorted(
        (x["score"] for x in lines), reverse=True
    )


def test_offer_against_needs_in_english_with_parts(files, capsys):
    offer = files("offer.json", json.dumps(OFFERS[1]))
    needs = files("needs.jsonl", _jsonl(NEEDS))
    argv = ["match", "--offer", offer, "--needs", needs, "--lang", "en", "--explain"]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["id"] == "n1"
    assert first["reasons"][0].startswith("Both mention")
    assert "text" in first["parts"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--need", "{need}"], "--need goes with --offers"),
        (["--need", "{need}", "--offers", "{missing}"], "cannot read"),
        (["--need", "{bad}", "--offers", "{offers}"], "not valid JSON"),
        (["--need", "{need}", "--offers", "{badline}"], "offers2.jsonl:3"),
        (["--need", "{need}", "--offers", "{dup}"], "duplicate id"),
        (["--need", "{need}", "--offers", "{offers}", "--top", "0"], "--top"),
        (["--need", "{need}", "--offers", "{offers}", "--today", "x"], "--today"),
        (["--offers", "{offers}"], "required"),
        (["--need", "{need}", "--offers", "{offers}", "--bogus"], "unrecognized"),
    ],
)
def test_bad_input_exits_2_with_a_message(files, capsys, args, message):
    paths = {
        "need": files("need.json", json.dumps(NEEDS[0])),
        "offers": files("offers.jsonl", _jsonl(OFFERS)),
        "bad": files("bad.json", "{not json"),
        "badline": files("offers2.jsonl", _jsonl(OFFERS) + '{"id": "x"}\n'),
        "dup": files("dup.jsonl", _jsonl(OFFERS + OFFERS[:1])),
        "missing": "/nonexistent/offers.jsonl",
    }
    argv = [a.format(**paths) for a in args]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "--offers" in capsys.readouterr().out
