import pytest

from faelles.matching import taxonomy
from faelles.matching.text import Analyzer
from faelles.matching.vocabulary import VocabularyError, load, parse

pytestmark = pytest.mark.engine


def test_shipped_vocabulary_is_large_and_valid():
    vocab = load()
    assert len(vocab.concepts) + len(vocab.splits) >= 300
    for concept in vocab.concepts.values():
        assert concept.variants
        for slug in concept.categories:
            assert slug in taxonomy.CATEGORIES


def test_parse_reports_the_line_of_a_mistake():
    with pytest.raises(VocabularyError, match="voc:3"):
        parse("# comment\nsyn\tKOL\tlungesygdom\n  syn KOL lungesygdom\n", "voc")
    with pytest.raises(VocabularyError, match="unknown category"):
        parse("syn\tKOL\tlungesygdom\thealth.nope\n")
    with pytest.raises(VocabularyError, match="2\\+ parts"):
        parse("split\tlektiehjælp\tlektiehjælp\n")


def test_same_head_twice_is_merged():
    vocab = parse("syn\tKOL\tlungesygdom\nsyn\tKOL\tcopd\thealth.chronic.copd\tCOPD\n")
    concept = vocab.concepts["kol"]
    assert {"kol", "lungesygdom", "copd"} <= set(concept.variants)
    assert concept.categories == ("health.chronic.copd",)


def _concepts(text: str) -> set[str]:
    return {t for t in Analyzer().analyse(text).terms if t.startswith("c:")}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KOL", "kronisk obstruktiv lungesygdom"),
        ("KOL", "lungesygdom"),
        ("lektiehjælp", "hjælp til lektier"),
        ("bedstemor", "bedsteforælder"),
        ("gåtur", "gå ture"),
        ("mentor", "mentorordning"),
        ("nattevagt", "natteravn"),
        ("sukkersyge", "diabetes"),
        ("sprogven", "øve dansk"),
    ],
)
def test_synonyms_from_the_issue_meet_in_a_concept(a, b):
    assert _concepts(a) & _concepts(b)


def test_unrelated_words_do_not_meet():
    assert not (_concepts("KOL") & _concepts("lektiehjælp"))
    assert "c:sorg" not in _concepts("omsorg")  # a short suffix is not a compound
