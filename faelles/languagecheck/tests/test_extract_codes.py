"""Every refusal names its reason as a code, so a page can say it in Danish."""

import pytest

from faelles.languagecheck import extract
from faelles.languagecheck.extract import CODES, ExtractError, text_from_bytes

pytestmark = pytest.mark.engine


@pytest.mark.parametrize(
    ("suffix", "content", "code", "params"),
    [
        (".txt", b"", "empty", {}),
        (".txt", "Kære kunde".encode("latin-1"), "not_utf8", {"position": 1}),
        (".txt", b"abc\x00\x01", "binary", {}),
        (".txt", b"  \n ", "no_text", {}),
        (".docx", b"PK\x03\x04 not really a zip", "not_docx", {}),
        (".pdf", b"%PDF-1.7\n garbage", "damaged", {}),
        (".png", b"\x89PNG", "type", {"suffix": ".png"}),
    ],
)
def test_a_refused_file_says_why_as_a_code(suffix, content, code, params):
    with pytest.raises(ExtractError) as caught:
        text_from_bytes(content, suffix)
    assert caught.value.code == code
    assert caught.value.params == params
    assert code in CODES


def test_too_big_and_too_long_give_their_figures(monkeypatch):
    monkeypatch.setattr(extract, "MAX_BYTES", 2 * 1024 * 1024)
    with pytest.raises(ExtractError) as caught:
        text_from_bytes(b"a" * (3 * 1024 * 1024), ".txt")
    assert (caught.value.code, caught.value.params) == (
        "too_big",
        {"mb": 3, "max_mb": 2},
    )
    monkeypatch.setattr(extract, "MAX_CHARS", 10)
    with pytest.raises(ExtractError) as caught:
        text_from_bytes(b"kunde " * 3, ".txt")
    assert (caught.value.code, caught.value.params) == (
        "too_long",
        {"chars": 18, "max_chars": 10},
    )
