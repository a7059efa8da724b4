"""Documents people upload (a community's shared files, a hearing's attachments):
an allow-list of types checked by extension and by the first bytes, and a size
limit. Stored in the private storage (``core/storage.py``) and served only by
views that check permission."""

import os
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils.translation import gettext as _

MAX_FILE_BYTES = 10 * 1024 * 1024
ALLOWED_FILES = {
    ".pdf": ("application/pdf", [b"%PDF-"]),
    ".png": ("image/png", [b"\x89PNG\r\n\x1a\n"]),
    ".jpg": ("image/jpeg", [b"\xff\xd8\xff"]),
    ".jpeg": ("image/jpeg", [b"\xff\xd8\xff"]),
    ".txt": ("text/plain", []),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [b"PK\x03\x04"],
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", [b"PK\x03\x04"]),
}


def document_content_type(upload: Any, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The content type to store for ``upload``, or ValidationError."""
    ext = os.path.splitext(upload.name or "")[1].lower()
    if ext not in ALLOWED_FILES:
        raise ValidationError(
            _(
                "Filtypen er ikke tilladt. Brug PDF, Word (docx), ODT, tekst, PNG eller JPEG."
            )
        )
    size: int = upload.size or 0
    if size > max_bytes:
        raise ValidationError(
            _("Filen fylder %(size).1f MB; højst %(max).0f MB er tilladt."),
            params={"size": size / 1_048_576, "max": max_bytes / 1_048_576},
        )
    content_type, signatures = ALLOWED_FILES[ext]
    position = upload.tell()
    head = upload.read(16)
    upload.seek(position)
    if signatures and not any(head.startswith(sig) for sig in signatures):
        raise ValidationError(_("Filens indhold passer ikke til filtypen."))
    if ext == ".txt" and b"\x00" in head:
        raise ValidationError(_("Filens indhold passer ikke til filtypen."))
    return content_type


def document_response(file: FieldFile, *, content_type: str) -> FileResponse:
    """A stored document as a download under its own name, with the content type
    checked at upload; the browser may not guess another (no sniffing)."""
    assert file.name is not None  # a document is stored with its file
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=file.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
