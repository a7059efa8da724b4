"""Properties every text must have, whatever it says (hypothesis)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faelles.languagecheck import Checker

pytestmark = pytest.mark.engine

CHECKER = Checker()

# Lexicon words, their look-alikes, names, context words and punctuation.
WORDS = [
    "kunde",
    "kunderne",
    "Kundeservice",
    "service",
    "serviceniveauet",
    "Borgerservice",
    "serviceloven",
    "bruger",
    "brugerne",
    "brugernavn",
    "levere",
    "leverer",
    "ydelser",
    "produkt",
    "myndighed",
    "over",
    "for",
    "borgeren",
    "som",
    "bevilget",
    "bevilling",
    "påbud",
    "bedes",
    "indkaldes",
    "du",
    "dig",
    "den",
    "enkelte",
    "hvis",
    "af",
    "public",
    "butikken",
    "loven",
    "sekunder",
    "lever",
    "hjælp",
    "sammen",
    "Vi",
    "og",
    "i",
    "æble",
]
PUNCT = [" ", " ", " ", ", ", ". ", "! ", "\n", "\n\n", '"', "»", "«", " - ", "§ 83 "]
token = st.sampled_from(WORDS) | st.sampled_from(PUNCT) | st.text(max_size=3)
texts = st.lists(token, max_size=60).map("".join)

NEUTRAL = ["Solen", "skinner", "over", "byen", "og", "børnene", "leger", "i", "parken"]
# An unrelated sentence: capitalised and ended, as sentences are.
neutral_sentence = st.lists(st.sampled_from(NEUTRAL), min_size=1, max_size=8).map(
    lambda ws: " ".join(ws).capitalize() + "."
)


def spans(text):
    return [(f.start, f.end, f.term) for f in CHECKER.check(text).findings]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_slice_back_to_the_text(text):
    for f in CHECKER.check(text).findings:
        assert text[f.start : f.end] == f.text
        assert f.text.strip() == f.text and f.text


@settings(max_examples=300, deadline=None)
@given(texts)
def test_findings_are_in_order_and_never_overlap(text):
    found = spans(text)
    for (s1, e1, _), (s2, _e2, _) in zip(found, found[1:], strict=False):
        assert s1 < e1 <= s2


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5), st.data(), neutral_sentence)
def test_an_unrelated_paragraph_does_not_change_the_other_findings(
    paragraphs, data, sentence
):
    sep = "\n\n"  # a blank line: a new paragraph
    at = data.draw(st.integers(min_value=0, max_value=len(paragraphs)))
    text = sep.join(paragraphs)
    new_text = sep.join(paragraphs[:at] + [sentence] + paragraphs[at:])
    cut = len(sep.join(paragraphs[:at])) if at else 0
    shift = len(sentence) + len(sep)
    moved = [
        (s + shift, e + shift, t) if s >= cut else (s, e, t) for s, e, t in spans(text)
    ]
    assert spans(new_text) == moved
