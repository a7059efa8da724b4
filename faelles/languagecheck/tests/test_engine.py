"""What the check flags, and what it must leave alone, sentence by sentence."""

import pytest

from faelles.languagecheck import Checker, builtin, check

pytestmark = pytest.mark.engine


def flagged(text):
    return [(f.text, f.term) for f in check(text).findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Inflections through the Danish stemmer.
        ("Kunden ringede.", [("Kunden", "kunde")]),
        ("Vi hjælper kunderne.", [("kunderne", "kunde")]),
        ("Kundernes ønsker er vigtige.", [("Kundernes", "kunde")]),
        # Compounds: first part and last part.
        ("Ring til vores kundeservice.", [("kundeservice", "kunde")]),
        ("Book et servicetjek af din bolig.", [("servicetjek", "service")]),
        ("Vi styrker brugerinddragelsen.", [("brugerinddragelsen", "bruger")]),
        ("Hun er stamkunde hos kommunen.", [("stamkunde", "kunde")]),
        # A hyphenated compound is one word, even when its first part alone is not.
        ("Fokus på bruger-inddragelse.", [("bruger-inddragelse", "bruger")]),
        ("Vi kortlægger kunde-rejsen.", [("kunde-rejsen", "kunde")]),
        ("Bruger og pårørende inviteres.", [("Bruger", "bruger")]),
        ("Du er tildelt en plads i dagplejen.", [("tildelt", "bevilge")]),
        ("Udebliver du, sender vi sagen videre.", [("Udebliver", "udeblive")]),
        # A specific entry wins over the compound it also is.
        ("Vi hæver serviceniveauet.", [("serviceniveauet", "serviceniveau")]),
        # Phrases with a gap, in either order.
        ("Vi leverer ydelser.", [("leverer ydelser", "levere ydelser")]),
        (
            "Vi leverer gode og hurtige ydelser.",
            [("leverer gode og hurtige ydelser", "levere ydelser")],
        ),
        (
            "De ydelser, vi leverer, er gode.",
            [("ydelser, vi leverer", "levere ydelser")],
        ),
        # 1.0 wording.
        ("Du er hermed bevilget hjemmehjælp.", [("bevilget", "bevilge")]),
        ("Du bedes ringe til os.", [("bedes", "bedes")]),
        ("Vi skal som myndighed sikre det.", [("som myndighed", "som myndighed")]),
    ],
)
def test_flags_wording_in_context(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Established names and laws.
        "Kontakt Borgerservice på telefon.",
        "Borgerservices åbningstider er ændret.",
        "Hjælpen gives efter serviceloven § 83.",
        "DR har en public service-kontrakt.",
        "Public Service er vigtigt for demokratiet.",
        # "bruger" the verb.
        "Hvis du bruger MitID, kan du logge ind.",
        "Kommunen bruger 3 mio. kr. på veje.",
        "Bruger du Aula?",
        # Customers of a shop or a company are customers.
        "Købmanden siger, at kunderne er glade.",
        "Butikkerne har færre kunder. Projektet skal give flere kunder.",
        # Quoted words are mentions or names.
        'Vi siger ikke "kunde" om borgerne.',
        "Læs folderen »Kultur & Service«.",
        "Vi kalder ikke borgerne ‘kunder’.",
        # Public transport, a shuttle bus's name, goods in a shop, a utility.
        "Bybusserne kører med nedsat service i ferien.",
        "Servicebussen kører gratis hele aftenen.",
        "Museet sælger produkter i museumsbutikken.",
        "Som kunde hos Solbakke Forsyning betaler du for vandet.",
        "Brugeren logger ind med MitID.",
        "Kultur- og Fritidsudvalget har tildelt klubben 20.000 kr.",
        # Budget appropriations are not favours.
        "Byrådet har bevilget 2 mio. kr. til skolen.",
        # A legal order under an act.
        "Vi giver påbud efter miljøbeskyttelsesloven. Du kan klage.",
        # Not the word at all.
        "Det tager få sekunder.",
        "Den lever af ydelser fra staten.",
        "Brugernavn og adgangskode sendes i et brev.",
    ],
)
def test_leaves_alone(text):
    assert flagged(text) == []


def test_bruger_as_a_noun_after_a_determiner():
    assert flagged("Den enkelte bruger skal høres.") == [("bruger", "bruger")]
    assert flagged("Som bruger af tilbuddet har du ret.") == [("bruger", "bruger")]
    assert flagged("Kære bruger") == [("bruger", "bruger")]


def test_a_phrase_wins_over_the_words_inside_it():
    findings = check("Vi leverer service til alle.").findings
    assert [(f.text, f.term) for f in findings] == [
        ("leverer service", "levere ydelser")
    ]


def test_phrases_do_not_cross_sentences():
    assert flagged("Vi leverer. Ydelser er vigtige.") == []
    assert flagged("Vi leverer\nYdelser er vigtige.") == []  # a heading line


def test_a_wrapped_line_is_not_a_sentence_break():
    text = "Sådan leverer vi hjælpen og\nydelserne i dit hjem."
    assert flagged(text) == [("leverer vi hjælpen og\nydelserne", "levere ydelser")]
    assert flagged("Fokus på bruger-\ninddragelse.") == [
        ("bruger-\ninddragelse", "bruger")
    ]


def test_a_summons_in_a_letter_but_not_a_council_meeting():
    assert flagged("Indkaldelse\n\nDu skal komme til samtale.") == [
        ("Indkaldelse", "indkalde")
    ]
    assert flagged("Rådet indkaldes til ekstraordinært møde.") == []


def test_finding_carries_reason_paradigm_and_suggestions():
    (finding,) = check("Kære kunde").findings
    assert finding.paradigm == "2.0"
    assert "kunder" in finding.reason
    assert "borger" in finding.suggestions
    (english,) = check("Kære kunde", lang="en").findings
    assert "customers" in english.reason
    assert finding.as_dict()["suggestions"] == list(finding.suggestions)


def test_words_counts_words_not_numbers():
    assert check("Ring 70 11 22 33 i dag.").words == 3
    assert check("").words == 0
    assert check("").findings == ()


def test_every_builtin_entry_finds_its_own_example():
    """Each entry's first word or phrase, as written, is found: no dead entries."""
    checker = Checker()
    for entry in builtin().entries:
        if entry.phrase:
            sample = " ".join(slot[0].rstrip("*") for slot in entry.phrase)
        else:
            sample = (entry.words or entry.forms or entry.prefix)[0].rstrip("*")
            if entry.prefix and not (entry.words or entry.forms):
                sample += "samtale"
        context = {
            "bruger": "den enkelte bruger",
            "bevilge": "du er bevilget",
            "pålægge": "du pålægges",
            "indkalde": "du indkaldes",
            "visitere": "du er visiteret",
            "forbruger af velfærd": "forbrugere af velfærd",
            "udeblive": "udebliver du",
        }.get(entry.term, sample)
        terms = [f.term for f in checker.check(context).findings]
        assert entry.term in terms, (entry.term, context, terms)


def test_check_keeps_one_checker_per_thread():
    """Snowball's stemmer is not thread-safe, so threads must not share one."""
    import threading

    from faelles.languagecheck import engine

    check("Kære kunde")
    mine = engine._LOCAL.checker
    seen = []
    thread = threading.Thread(
        target=lambda: (check("Kære kunde"), seen.append(engine._LOCAL.checker))
    )
    thread.start()
    thread.join()
    assert seen and seen[0] is not mine
    assert engine._LOCAL.checker is mine


def test_the_engine_imports_no_django():
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, faelles.languagecheck as lc; lc.check('Kære kunde'); "
        "print('django' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[3]  # the repository: faelles importable
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    assert out.stdout.strip() == "False"
