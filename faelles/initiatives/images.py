"""Uploaded photos: validated by the shared validator, then resized and re-encoded.

Re-encoding drops EXIF (including GPS positions) and anything hidden in the file.
"""

import io
import uuid

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from faelles.core.images import validate_image_upload

MAX_SIDE = 1600


def prepare_image(upload, *, max_side: int = MAX_SIDE) -> ContentFile:
    validate_image_upload(upload)
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original)
        image.thumbnail((max_side, max_side))
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=85, optimize=True)
    upload.seek(0)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
