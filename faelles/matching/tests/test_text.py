import pytest

from faelles.matching import vocabulary
from faelles.matching.text import STOPWORDS, Analyzer

pytestmark = pytest.mark.engine


def test_stems_join_inflections():
    a = Analyzer()
    assert a.analyse("lektier").terms.keys() & a.analyse("lektie").terms.keys()
    assert a.stem("gåture") == a.stem("gåturene") or a.stem("ture") == a.stem("turen")


def test_stopwords_are_not_terms():
    terms = Analyzer().analyse("jeg vil gerne have det").terms
    assert not any(t.startswith("w:") for t in terms)
    assert "og" in STOPWORDS


def test_split_compound_keeps_whole_word_and_parts():
    terms = Analyzer().analyse("lektiehjælp").terms
    a = Analyzer()
    assert "w:" + a.stem("lektiehjælp") in terms
    assert "w:" + a.stem("lektie") in terms
    assert "w:" + a.stem("hjælp") not in terms  # filler: in every kind of post


def test_unknown_compound_found_by_known_prefix():
    terms = Analyzer().analyse("diabetesforeningen").terms
    assert "c:diabetes" in terms


def test_inferred_categories_come_from_concepts():
    cats = Analyzer().analyse("Jeg har KOL og vil gerne gå ture").categories
    assert "health.chronic.copd" in cats
    assert "sport.walking" in cats


def test_surface_forms_for_reasons():
    # The words the text used, with the head's spelling when they are the head.
    assert Analyzer().analyse("Min far har rygerlunger").surface["c:kol"] == (
        "rygerlunger"
    )
    assert Analyzer().analyse("Jeg har kol").surface["c:kol"] == "KOL"
    assert Analyzer().analyse("kronisk obstruktiv lungesygdom").surface["c:kol"] == (
        "kronisk obstruktiv lungesygdom"
    )


def test_the_analysis_does_not_depend_on_the_order_of_the_vocabulary():
    # Building the analyzer once remembered unknown compounds while the
    # vocabulary's prefixes were half read, so a word's concepts depended on
    # which line came first.
    text = vocabulary.DEFAULT_PATH.read_text()
    lines = text.splitlines()
    entries = [line for line in lines if line.startswith(("syn\t", "split\t"))]
    rest = [line for line in lines if not line.startswith(("syn\t", "split\t"))]
    forwards = Analyzer(vocabulary.parse(text))
    backwards = Analyzer(vocabulary.parse("\n".join(entries[::-1] + rest)))
    words = (
        "foreningslivet diabetesforening lektiehjælpen strikkecafé sorgrådgivning "
        "kræftforeningen seniorklubben hjertesygdommen it-hjælpen demenskoordinator"
    )
    for word in words.split():
        assert forwards.analyse(word).terms == backwards.analyse(word).terms, word
