"""Validation of uploaded images: right type, right size, really an image."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


def validate_image_upload(upload, *, max_bytes: int = 5 * 1024 * 1024) -> None:
    if upload.size > max_bytes:
        raise ValidationError(
            _("Billedet fylder %(size).1f MB; højst %(max).0f MB er tilladt."),
            params={"size": upload.size / 1_048_576, "max": max_bytes / 1_048_576},
        )
    position = upload.tell()
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError(_("Filen er ikke et billede, der kan læses.")) from exc
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(_("Brug et billede i formatet JPEG, PNG eller WebP."))
