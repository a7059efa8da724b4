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


def test_rel_lines_link_concepts_both_ways():
    vocab = parse(
        "syn\tensomhed\talene\nsyn\tbesøgsven\tkaffe og snak\n"
        "rel\tensomhed\tbesøgsven\t0.8\n"
    )
    assert vocab.related == {
        "ensomhed": {"besøgsven": 0.8},
        "besøgsven": {"ensomhed": 0.8},
    }


def test_rel_lines_report_mistakes():
    with pytest.raises(VocabularyError, match="voc:2.*'besøgsven' is not a 'syn' head"):
        parse("syn\tensomhed\talene\nrel\tensomhed\tbesøgsven\n", "voc")
    with pytest.raises(VocabularyError, match="strength"):
        parse("syn\ta\tx\nsyn\tb\ty\nrel\ta\tb\t1.5\n")
    with pytest.raises(VocabularyError, match="strength must be a number"):
        parse("syn\ta\tx\nsyn\tb\ty\nrel\ta\tb\tmeget\n")


def test_shipped_relations_name_known_concepts():
    vocab = load()
    assert vocab.related
    for a, related in vocab.related.items():
        assert a in vocab.concepts
        assert all(b in vocab.concepts and 0 < s <= 1 for b, s in related.items())


def test_respellings_lead_from_unknown_words_to_known_ones():
    # A listed spelling is no word the analysis knows (it would change a real
    # word), and it leads to one it knows; no listed exception is a spelling.
    from faelles.matching import text

    analyzer = Analyzer()
    for wrong, right in text.SPELLINGS.items():
        assert wrong not in analyzer._known_words, wrong
        assert wrong not in text.NOT_RESPELLED, wrong
        assert analyzer.known(right), (wrong, right)
        assert analyzer.words(wrong) == [right], wrong
