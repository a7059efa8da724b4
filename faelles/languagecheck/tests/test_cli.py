"""``faelles sprogtjek``: files in, JSON out, bad files refused without a traceback."""

import json
import zipfile

import docx
import pytest

from faelles.languagecheck import extract
from faelles.languagecheck.cli import main
from faelles.languagecheck.extract import MAX_BYTES

pytestmark = pytest.mark.engine

LETTER = "Kære kunde\n\nDu er hermed bevilget hjemmehjælp. Kontakt Borgerservice.\n"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_txt_json_offsets_slice_the_file_text(tmp_path, capsys):
    path = tmp_path / "brev.txt"
    path.write_bytes(LETTER.encode("utf-8"))
    code, out, err = run(capsys, path, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["words"] == 9
    assert [(f["text"], f["paradigm"], f["term"]) for f in data["findings"]] == [
        ("kunde", "2.0", "kunde"),
        ("bevilget", "1.0", "bevilge"),
    ]
    for f in data["findings"]:
        assert LETTER[f["start"] : f["end"]] == f["text"]
        assert f["reason"] and f["suggestions"]


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path, capsys):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Kære kunde".encode())
    code, out, _ = run(capsys, path, "--json")
    (finding,) = json.loads(out)["findings"]
    assert (finding["start"], finding["text"]) == (5, "kunde")


def test_crlf_is_kept_so_offsets_match_the_bytes(tmp_path, capsys):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Hej\r\nK\xc3\xa6re kunde\r\n")
    _, out, _ = run(capsys, path, "--json")
    (finding,) = json.loads(out)["findings"]
    assert finding["start"] == len("Hej\r\nKære ")


def test_plain_output_and_english_reasons(tmp_path, capsys):
    path = tmp_path / "brev.txt"
    path.write_text(LETTER, encoding="utf-8")
    code, out, _ = run(capsys, path, "--lang", "en")
    assert code == 0
    assert f"{path}:1:6: 'kunde' [2.0: kunde] Citizens are not" in out
    assert out.rstrip().endswith("2 finding(s) in 9 words")


def test_docx_paragraphs_and_tables(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("Kære kunde")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ydelse"
    table.cell(0, 1).text = "Vi leverer ydelser hver uge."
    document.add_paragraph("Du bedes ringe.")
    path = tmp_path / "brev.docx"
    document.save(path)
    code, out, err = run(capsys, path, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [f["text"] for f in data["findings"]] == [
        "kunde",
        "leverer ydelser",
        "bedes",
    ]


def test_pdf_text_layer(tmp_path, capsys):
    weasyprint = pytest.importorskip("weasyprint")
    path = tmp_path / "brev.pdf"
    html = "<p>Kære kunde</p><p>Du bedes møde op i Borgerservice.</p>"
    weasyprint.HTML(string=html).write_pdf(path)
    code, out, err = run(capsys, path, "--json")
    assert code == 0, err
    assert [f["text"] for f in json.loads(out)["findings"]] == ["kunde", "bedes"]


def test_own_lexicon_file(tmp_path, capsys):
    own = tmp_path / "own.toml"
    own.write_text(
        '[[entry]]\nterm = "sagsbunke"\nparadigm = "1.0"\nwords = ["sagsbunke"]\n'
        'reason_da = "Ikke bunker."\nreason_en = "Not piles."\n'
        'suggestions = ["sager"]\n',
        encoding="utf-8",
    )
    path = tmp_path / "t.txt"
    path.write_text("Sagsbunken vokser.", encoding="utf-8")
    code, out, _ = run(capsys, path, "--json", "--lexicon", own)
    assert code == 0
    assert json.loads(out)["findings"][0]["term"] == "sagsbunke"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("latin1.txt", "Kære kunde".encode("latin-1"), "not UTF-8"),
        ("binary.txt", b"abc\x00\x01\x02", "binary"),
        ("blank.txt", b"  \n\n ", "no text"),
        ("damaged.docx", b"PK\x03\x04 not really a zip", "not a valid .docx"),
        ("renamed.docx", b"Kaere kunde", "not a valid .docx"),
        ("damaged.pdf", b"%PDF-1.7\n garbage", "damaged"),
        ("image.png", b"\x89PNG\r\n", "unsupported file type .png"),
        ("noext", b"Kaere kunde", "unsupported file type"),
    ],
)
def test_bad_files_get_a_clear_error_and_exit_2(
    tmp_path, capsys, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, path, "--json")
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_a_zip_without_a_word_document(tmp_path, capsys):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hej")
    code, _, err = run(capsys, path)
    assert code == 2 and "not a Word document" in err


def test_a_docx_zip_bomb_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(extract, "MAX_UNZIPPED", 10_000)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * 20_000)
    code, _, err = run(capsys, path)
    assert code == 2 and "too much data" in err


def test_too_big_and_missing_files(tmp_path, capsys):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    code, _, err = run(capsys, big)
    assert code == 2 and "too big" in err
    code, _, err = run(capsys, tmp_path / "missing.txt")
    assert code == 2 and "cannot read" in err
    code, _, err = run(capsys, tmp_path)
    assert code == 2 and "directory" in err


def test_bad_arguments(tmp_path, capsys):
    code, _, err = run(capsys)
    assert code == 2 and "file" in err
    path = tmp_path / "t.txt"
    path.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, path, "--lexicon", tmp_path / "nope.toml")
    assert code == 2 and "cannot read" in err


def test_the_faelles_command_skips_django(tmp_path, capsys):
    from faelles.cli import main as faelles

    path = tmp_path / "t.txt"
    path.write_text("Kære kunde", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        faelles(["faelles", "sprogtjek", str(path), "--json"])
    assert exit_.value.code == 0
    assert json.loads(capsys.readouterr().out)["findings"][0]["text"] == "kunde"
