"""The lexicon is data: validated on load, extendable by a municipality."""

import pytest

from faelles.languagecheck import Checker, LexiconError, builtin
from faelles.languagecheck.lexicon import load_file, parse

pytestmark = pytest.mark.engine

OWN = {
    "term": "sagsbunke",
    "paradigm": "1.0",
    "words": ["sagsbunke"],
    "reason_da": "Borgere er ikke bunker.",
    "reason_en": "Citizens are not piles.",
    "suggestions": ["de borgere, vi venter på at hjælpe"],
}


def test_builtin_entries_are_complete():
    lexicon = builtin()
    assert len(lexicon.entries) >= 15
    for entry in lexicon.entries:
        assert entry.paradigm in ("1.0", "2.0")
        assert entry.reason_da and entry.reason_en and entry.suggestions
    assert {"kunde", "service", "bruger", "produkt", "levere ydelser"} <= {
        e.term for e in lexicon.entries
    }


def test_a_municipality_adds_its_own_entry_and_name():
    lexicon = builtin().extended({"entry": [OWN], "names": ["kundecent*"]})
    checker = Checker(lexicon)
    text = "Sagsbunken vokser. Ring til Kundecentret."
    assert [(f.text, f.term) for f in checker.check(text).findings] == [
        ("Sagsbunken", "sagsbunke")
    ]
    # The built-in lexicon itself is unchanged.
    assert "sagsbunke" not in {e.term for e in builtin().entries}


def test_an_own_entry_replaces_a_builtin_one_with_the_same_term():
    own = dict(OWN, term="kunde", words=["kunde"], paradigm="2.0")
    lexicon = builtin().extended([own])
    (finding,) = Checker(lexicon).check("Kære kunde").findings
    assert finding.reason == "Borgere er ikke bunker."
    assert sum(e.term == "kunde" for e in lexicon.entries) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"paradigm": "3.0"}, "paradigm"),
        ({"reason_en": ""}, "reason_en"),
        ({"suggestions": []}, "suggestion"),
        ({"words": [], "phrase": [["a"]]}, "two slots"),
        ({"phrase": [["a"], ["b"]]}, "not both"),
        ({"colour": "red"}, "unknown key"),
        ({"gap": 99}, "gap"),
        ({"unless": [{"near": ["x"], "scope": "page"}]}, "scope"),
        ({"unless": [{"forms": ["x"]}]}, "needs before, after or near"),
        # A glob with a hyphen or a space could never match a word.
        ({"unless": [{"near": ["it-*"]}]}, "not one word"),
        ({"forms": ["levere ydelser"]}, "not one word"),
    ],
)
def test_bad_entries_are_refused_with_the_field_named(change, message):
    with pytest.raises(LexiconError, match=message):
        parse([dict(OWN, **change)], source="own.toml")


def test_a_term_given_twice_is_refused():
    with pytest.raises(LexiconError, match="twice"):
        parse([OWN, OWN], source="own.toml")


def test_bad_toml_file(tmp_path):
    path = tmp_path / "own.toml"
    path.write_text("[[entry]\nterm=", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid TOML"):
        load_file(path)
