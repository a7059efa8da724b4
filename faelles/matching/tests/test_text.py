from types import SimpleNamespace
from typing import cast

import pytest

from faelles.matching import MatchIndex, store, text, vocabulary
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


def _terms(text: str) -> set[str]:
    return set(Analyzer().analyse(text).terms)


def test_cannot_afford_is_not_advice():
    # "råd" is advice, but "har (ikke) råd" is (not) being able to afford.
    terms = _terms("Jeg har ikke råd til tandlægen")
    assert "c:økonomi" in terms
    assert "c:vejledning" not in terms
    assert "w:råd" not in terms
    assert "c:vejledning" not in _terms("hvis man ikke har råd")
    assert "c:vejledning" not in _terms("vi havde råd til ferie")
    # Advice is still advice, and a phrase that goes beyond the word counts.
    assert {"c:vejledning", "w:råd"} <= _terms("Jeg søger gode råd om min pension")
    assert "c:økonomi" in _terms("råd til julegaver")


def test_a_form_of_a_word_is_not_a_compound_of_its_start():
    # "danskere" (stem "dansk") is not "dans" + "kere"; "enkelte" is not a widow.
    for word in ("danskere", "dansker", "danskerne", "danskeren"):
        assert "c:dans" not in _terms(word), word
    assert "c:sorg" not in _terms("enkelte")
    assert "c:natur" not in _terms("markedet")
    assert "c:kræft" not in _terms("kræfterne")  # a word with its own stem
    # Forms of the known word and real compounds are still found.
    assert "c:dans" in _terms("dansede")
    assert "c:økonomi" in _terms("økonomiske")
    assert "c:diabetes" in _terms("diabetesforeningen")
    assert "c:skole" in _terms("skoleven")  # stem "skolev", but "ven" is a word


def test_inflections_that_snowball_keeps_apart_or_puts_together():
    a = Analyzer()
    # To go together is not to follow; the past of "følge" meets the present.
    assert "c:ledsager" in _terms("vi kan følges ad")
    assert "c:ledsager" not in _terms("han følger godt med")
    assert "c:ledsager" not in _terms("følgende")
    assert a.stem("fulgte") == a.stem("fulgt") == a.stem("følge")
    assert "c:ledsager" in _terms("hun fulgte mig til lægen")
    # Hearing: "hørte" meets "høre", and the common verb is not the disability.
    assert a.stem("hørte") == a.stem("hørt") == a.stem("høre")
    assert "c:hørelse" not in _terms("jeg vil gerne høre mere")
    assert "c:hørelse" in _terms("jeg har svært ved at høre")
    # Trusting is not chairs; bills are money, not arithmetic.
    assert "c:telt" not in _terms("en voksen han stoler på")
    assert "c:telt" in _terms("vi mangler stole")
    assert "c:økonomi" in _terms("regningerne hober sig op")
    assert "c:matematik" not in _terms("regningerne hober sig op")
    assert "c:matematik" in _terms("hjælp til regning")
    # "jeg synes" (I think) is not "syn" (sight).
    assert a.stem("synes") != a.stem("syn")


def test_words_that_snowball_cuts_to_another_words_stem():
    a = Analyzer()
    # "dans" was "dan" (to form) while "dansen" was "dans".
    assert a.stem("dans") == a.stem("dansen") == a.stem("danser")
    assert "c:dans" not in _terms("dannelse og uddannelse")
    assert "c:læge" not in _terms("han lægger sig tidligt")
    assert "c:læge" in _terms("besøg hos lægen")
    assert "c:økonomi" in _terms("fattige familier")
    assert a.stem("fattig") != a.stem("fat")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    ("word", "concept"),
    [
        # A known word at the start of a word of its own.
        ("fuldstændig", "misbrug"),
        ("fuldtidsjob", "misbrug"),
        ("naturligvis", "natur"),
        ("markant", "natur"),
        ("markedsplads", "natur"),
        ("præstation", "kirke"),
        ("elevator", "skole"),
        ("eventuelt", "arrangement"),
        ("hundrede", "dyr"),
        ("hundredvis", "dyr"),
        ("fødselsdagen", "graviditet"),
        ("enkeltvis", "sorg"),
        ("tyskland", "tysk"),
        ("druknede", "misbrug"),
        ("spildevand", "spil"),
        ("transaktioner", "lgbt"),
        # ... and at its end.
        ("undskylder", "økonomi"),
        ("kristoffer", "misbrug"),
        ("afskaffe", "caf"),
        ("samarbejde", "arbejde"),
        ("signatur", "natur"),
        ("tyngdekraften", "aften"),
        ("indvandring", "gåtur"),
        ("giftstoffer", "misbrug"),
        ("grafiske", "fiskeri"),
        ("flyselskab", "besøgsven"),
        ("programmer", "nybagte_forældre"),
        ("kunstige", "boremaskine"),
        ("eftermiddag", "madlavning"),
        ("strømforsyning", "syning"),
        ("aminosyrer", "integration"),
    ],
)
def test_words_that_begin_or_end_with_a_known_word_are_not_its_compounds(
    analyzer, word, concept
):
    assert "c:" + concept not in analyzer.analyse(word).terms


@pytest.mark.parametrize(
    ("word", "concept"),
    [
        ("højskole", "skole"),
        ("fodboldspiller", "fodbold"),
        ("lungekræft", "kræft"),
        ("fraskilt", "skilsmisse"),
        ("naturpark", "natur"),
        ("køreskole", "kørsel"),
        ("hundeluftning", "dyr"),
        ("kræftpatienter", "kræft"),
        ("transkønnede", "lgbt"),
        ("stofmisbrug", "misbrug"),
    ],
)
def test_real_compounds_are_still_found(analyzer, word, concept):
    assert "c:" + concept in analyzer.analyse(word).terms


def test_drug_abuse_is_not_sewing(analyzer):
    assert "c:symaskine" not in analyzer.analyse("stofmisbrug").terms


@pytest.mark.parametrize(
    ("text", "concept", "found"),
    [
        # Drugs are not cloth; a daughter is not a date; trusting is not chairs.
        ("han tager stoffer", "misbrug", True),
        ("han tager stoffer", "symaskine", False),
        ("stof til en kjole", "misbrug", False),
        ("en date", "børn", False),
        ("min datter", "børn", True),
        ("mine døtre", "børn", True),
        ("jeg kan ikke stole på nogen", "telt", False),
        ("en voksen at stole på", "telt", False),
        ("borde og stole på terrassen", "telt", True),
        # Common words cut to a vocabulary word's stem.
        ("reglerne gælder alle", "økonomi", False),
        ("jeg har gæld", "økonomi", True),
        ("det skyldes stress", "økonomi", False),
        ("jeg skylder penge", "økonomi", True),
        ("det er ikke farligt", "forældre", False),
        ("min far", "forældre", True),
        ("haven bag huset", "madlavning", False),
        ("vi vil bage", "madlavning", True),
        ("både unge og gamle", "kano", False),
        ("en tur i båd", "kano", True),
        ("det koster 50 kr", "kost", False),
        ("det koster ikke noget", "gratis", True),
        ("sund kost", "kost", True),
        ("lokalet står til rådighed", "vejledning", False),
        ("gode råd", "vejledning", True),
        ("i løbet af ugen", "løb", False),
        ("jeg løber hver dag", "løb", True),
        ("i hvert fald om sommeren", "balance", False),
        ("bange for at falde", "balance", True),
        ("i forbindelse med flytningen", "netværk", False),
        ("nye forbindelser", "netværk", True),
        ("en intern uddannelse", "it_hjælp", False),
        ("internettet", "it_hjælp", True),
        ("det afhænger af vejret", "misbrug", False),
        ("læg mærke til", "læge", False),
        ("en billet", "kørsel", False),
        ("suppe", "kano", False),
        ("boller", "bolig", False),
        ("banden", "musik", False),
        ("jamen", "musik", False),
        ("løbende optag", "løb", False),
        ("det er helt naturligt", "natur", False),
        ("et godt team", "videoopkald", False),
        ("markeret med rødt", "natur", False),
        ("vi sparer penge", "vejledning", False),
        ("et tegn på", "kreativitet", False),
    ],
)
def test_words_keep_their_own_stems(analyzer, text, concept, found):
    assert ("c:" + concept in analyzer.analyse(text).terms) is found


def test_verbs_in_es_do_not_meet_a_noun(analyzer):
    stem = analyzer.stem
    assert stem("længes") != stem("længe")
    assert stem("lykkes") != stem("lykke")
    assert stem("lykkedes") == stem("lykkes")
    assert stem("datter") != stem("date")
    assert stem("stoffer") != stem("stof")


def test_the_stored_index_fingerprint_covers_the_lists_of_words(monkeypatch):
    index = cast(MatchIndex, SimpleNamespace(weights=None, use_vocabulary=True))
    before = store.fingerprint(index)
    starts = text.NOT_COMPOUND_STARTS | {"nyord"}
    monkeypatch.setattr(text, "NOT_COMPOUND_STARTS", starts)
    assert store.fingerprint(index) != before
    monkeypatch.undo()
    monkeypatch.setattr(text, "NOT_COMPOUND_ENDS", text.NOT_COMPOUND_ENDS | {"nyord"})
    assert store.fingerprint(index) != before
