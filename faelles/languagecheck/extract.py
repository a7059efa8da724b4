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
    """The file cannot be checked; the message says why.

    ``code`` names the reason in a word (see ``CODES``) so that a page can say it
    in the reader's language; ``params`` holds the figures the message gives.
    """

    def __init__(self, message: str, code: str, **params: int | str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


# Every reason a file is refused, by code.
CODES = (
    "type",  # not .txt, .docx or .pdf (params: suffix)
    "empty",  # no bytes at all
    "too_big",  # more than MAX_BYTES (params: mb, max_mb)
    "no_text",  # only white space
    "too_long",  # more than MAX_CHARS characters (params: chars, max_chars)
    "binary",  # a .txt with NUL bytes
    "not_utf8",  # a .txt in another encoding (params: position)
    "not_docx",  # a zip without a Word document, or no zip at all
    "zip_bomb",  # a .docx that unpacks to more than MAX_UNZIPPED
    "damaged",  # a .docx or .pdf the parser cannot read
    "encrypted",  # a password-protected PDF
    "no_text_layer",  # a scanned PDF
    "unreadable",  # the file cannot be opened (command line only)
)


def text_from_bytes(data: bytes, suffix: str) -> str:
    """Text of a file's bytes; ``suffix`` is ".txt", ".docx" or ".pdf"."""
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        raise ExtractError(
            f"unsupported file type {suffix or '(none)'}: use .txt, .docx or .pdf",
            "type",
            suffix=suffix,
        )
    if not data:
        raise ExtractError("the file is empty", "empty")
    if len(data) > MAX_BYTES:
        raise _too_big(len(data))
    if suffix == ".txt":
        text = _txt(data)
    elif suffix == ".docx":
        text = _docx(data)
    else:
        text = _pdf(data)
    if not text.strip():
        raise ExtractError("the file has no text to check", "no_text")
    if len(text) > MAX_CHARS:
        raise ExtractError(
            f"the text is too long ({len(text):,} characters; at most {MAX_CHARS:,})",
            "too_long",
            chars=len(text),
            max_chars=MAX_CHARS,
        )
    return text


def _too_big(size: int) -> ExtractError:
    mb, max_mb = size // (1024 * 1024), MAX_BYTES // (1024 * 1024)
    return ExtractError(
        f"the file is too big ({mb} MB; at most {max_mb} MB)",
        "too_big",
        mb=mb,
        max_mb=max_mb,
    )


def text_from_path(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(size)
        data = path.read_bytes()
    except IsADirectoryError:
        raise ExtractError("is a directory, not a file", "unreadable") from None
    except OSError as exc:
        raise ExtractError(
            f"cannot read the file: {exc.strerror}", "unreadable"
        ) from None
    return text_from_bytes(data, path.suffix)


def _txt(data: bytes) -> str:
    """UTF-8, with or without a byte-order mark; no newline translation, so
    offsets match the file as a program reads its bytes."""
    if b"\x00" in data:
        raise ExtractError(
            "the file is binary, not text (it contains NUL bytes)", "binary"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExtractError(
            f"the file is not UTF-8 text (undecodable byte at position {exc.start}); "
            "save it as UTF-8 and try again",
            "not_utf8",
            position=exc.start,
        ) from None


def _docx(data: bytes) -> str:
    """Body paragraphs and table cells in document order, one per line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNZIPPED:
                raise ExtractError(
                    "the .docx file unpacks to too much data", "zip_bomb"
                )
            if "word/document.xml" not in archive.namelist():
                raise ExtractError(
                    "the file is not a Word document (.docx)", "not_docx"
                )
    except (zipfile.BadZipFile, EOFError):
        raise ExtractError(
            "the file is not a valid .docx (damaged, or another format renamed)",
            "not_docx",
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
        raise ExtractError(
            "the .docx file is damaged and cannot be read", "damaged"
        ) from None
    return "\n".join(lines)


def _pdf(data: bytes) -> str:
    """The text layer of every page, pages separated by a blank line."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ExtractError("the PDF is password-protected", "encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractError:
        raise
    except Exception:  # pypdf raises many types on damaged files
        raise ExtractError(
            "the PDF file is damaged and cannot be read", "damaged"
        ) from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise ExtractError(
            "the PDF has no text layer (a scanned image?); it cannot be checked",
            "no_text_layer",
        )
    return text
