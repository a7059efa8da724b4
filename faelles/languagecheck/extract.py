"""Text out of an uploaded or given file: .txt, .docx or .pdf.

The same bytes always give the same text (offsets in findings point into it).
Every failure is an ``ExtractError`` with a sentence a person can act on; the
parsers' own exceptions never escape.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # an uploaded letter or report, with room for images
MAX_CHARS = 1_000_000  # about 400 pages of text
MAX_UNZIPPED = 200 * 1024 * 1024  # a .docx that inflates beyond this is a zip bomb
SUFFIXES = (".txt", ".docx", ".pdf")


class ExtractError(ValueError):
    """The file cannot be checked; the message says why."""


def text_from_bytes(data: bytes, suffix: str) -> str:
    """Text of a file's bytes; ``suffix`` is ".txt", ".docx" or ".pdf"."""
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        raise ExtractError(
            f"unsupported file type {suffix or '(none)'}: use .txt, .docx or .pdf"
        )
    if not data:
        raise ExtractError("the file is empty")
    if len(data) > MAX_BYTES:
        raise ExtractError(
            f"the file is too big ({len(data) // (1024 * 1024)} MB; "
            f"at most {MAX_BYTES // (1024 * 1024)} MB)"
        )
    if suffix == ".txt":
        text = _txt(data)
    elif suffix == ".docx":
        text = _docx(data)
    else:
        text = _pdf(data)
    if not text.strip():
        raise ExtractError("the file has no text to check")
    if len(text) > MAX_CHARS:
        raise ExtractError(
            f"the text is too long ({len(text):,} characters; at most {MAX_CHARS:,})"
        )
    return text


def text_from_path(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ExtractError(
                f"the file is too big ({size // (1024 * 1024)} MB; "
                f"at most {MAX_BYTES // (1024 * 1024)} MB)"
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise ExtractError("is a directory, not a file") from None
    except OSError as exc:
        raise ExtractError(f"cannot read the file: {exc.strerror}") from None
    return text_from_bytes(data, path.suffix)


def _txt(data: bytes) -> str:
    """UTF-8, with or without a byte-order mark; no newline translation, so
    offsets match the file as a program reads its bytes."""
    if b"\x00" in data:
        raise ExtractError("the file is binary, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExtractError(
            f"the file is not UTF-8 text (undecodable byte at position {exc.start}); "
            "save it as UTF-8 and try again"
        ) from None


def _docx(data: bytes) -> str:
    """Body paragraphs and table cells in document order, one per line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNZIPPED:
                raise ExtractError("the .docx file unpacks to too much data")
            if "word/document.xml" not in archive.namelist():
                raise ExtractError("the file is not a Word document (.docx)")
    except (zipfile.BadZipFile, EOFError):
        raise ExtractError(
            "the file is not a valid .docx (damaged, or another format renamed)"
        ) from None
    import docx  # python-docx; imported here so plain-text checks never load lxml
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        lines.extend(p.text for p in cell.paragraphs)
            else:
                lines.append(block.text)
    except ExtractError:
        raise
    except Exception:  # a damaged package can fail anywhere inside python-docx/lxml
        raise ExtractError("the .docx file is damaged and cannot be read") from None
    return "\n".join(lines)


def _pdf(data: bytes) -> str:
    """The text layer of every page, pages separated by a blank line."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ExtractError("the PDF is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractError:
        raise
    except Exception:  # pypdf raises many types on damaged files
        raise ExtractError("the PDF file is damaged and cannot be read") from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise ExtractError(
            "the PDF has no text layer (a scanned image?); it cannot be checked"
        )
    return text
