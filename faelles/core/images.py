"""Uploaded images, for every upload path: checked, decoded within bounds, re-encoded.

Pillow reads only the header when a file is opened, so the format, the
dimensions and the number of frames are checked before a single pixel is
decoded; a file that declares more pixels than we allow is refused without
using memory for them (Pillow itself would only refuse beyond 179 million
pixels, and decode anything smaller: a 480 KB PNG of 13,000 × 13,000 pixels
took 1.5 GB). JPEGs are decoded straight at a reduced scale (``draft``).
Re-encoding drops EXIF (including GPS positions) and anything hidden in the file.

Every problem becomes a :class:`~django.core.exceptions.ValidationError` with a
message for the person who uploaded the file; :class:`ImageUploadField` puts it
on the form, so a view never sees an unreadable image.
"""

from __future__ import annotations

import contextlib
import io
import uuid
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageFile, ImageOps

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
ACCEPT = "image/jpeg,image/png,image/webp"
MAX_BYTES = 5 * 1024 * 1024
#: JPEGs are decoded at 1/2, 1/4 or 1/8 scale when that still exceeds the
#: target size, so a 50-megapixel photo costs at most ~40 MB of pixels.
MAX_PIXELS_JPEG = 50_000_000
#: PNG and WebP are decoded at full size: 25 megapixels are ~100 MB as RGBA.
#: A real photo that large does not fit in MAX_BYTES as PNG anyway.
MAX_PIXELS_OTHER = 25_000_000
MAX_SIDE = 1600


# ``ContentFile`` is generic only for the type checker (django-stubs); at run time
# it is subscriptable only after ``django_stubs_ext.monkeypatch()``, which another
# library happens to call. This module must not depend on that (the image
# benchmark imports it with nothing else loaded).
if TYPE_CHECKING:
    _BytesFile = ContentFile[bytes]
else:
    _BytesFile = ContentFile


class PreparedImage(_BytesFile):
    """An image that :func:`prepare_image` has already checked and re-encoded."""

    #: Always given: a fresh random file name with the output's extension.
    name: str


def _refuse(message: str, **params: object) -> ValidationError:
    return ValidationError(message % params if params else message, code="image")


def _open(upload: File[Any], max_bytes: int) -> Image.Image:
    """Open ``upload`` lazily and check everything the header tells."""
    if upload.size > max_bytes:
        raise _refuse(
            _("Billedet fylder %(size).1f MB; højst %(max).0f MB er tilladt."),
            size=upload.size / 1_048_576,
            max=max_bytes / 1_048_576,
        )
    upload.seek(0)
    # Pillow closes the file it decoded from; give it a copy (at most max_bytes).
    data = io.BytesIO(upload.read(max_bytes + 1))
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Our own limit (below) is lower and its message names the size.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(data, formats=ALLOWED_FORMATS)
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels(None) from exc
    except Image.UnidentifiedImageError as exc:
        raise _refuse(
            _(
                "Filen er ikke et billede, der kan læses. "
                "Brug et billede i formatet JPEG, PNG eller WebP."
            )
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise _refuse(_("Filen er ikke et billede, der kan læses.")) from exc
    width, height = image.size
    limit = MAX_PIXELS_JPEG if image.format == "JPEG" else MAX_PIXELS_OTHER
    if width < 1 or height < 1:
        image.close()
        raise _refuse(_("Filen er ikke et billede, der kan læses."))
    if width * height > limit:
        image.close()
        raise _too_many_pixels((width, height), limit)
    if getattr(image, "n_frames", 1) > 1:
        image.close()
        raise _refuse(_("Animerede billeder kan ikke bruges; vælg et stillbillede."))
    return image


def _too_many_pixels(
    size: tuple[int, int] | None, limit: int = MAX_PIXELS_OTHER
) -> ValidationError:
    if size is None:
        return _refuse(
            _("Billedet har alt for mange pixels; gør det mindre og prøv igen.")
        )
    return _refuse(
        _(
            "Billedet er %(width)s × %(height)s pixels; højst %(max)s millioner "
            "pixels er tilladt. Gør det mindre og prøv igen."
        ),
        width=size[0],
        height=size[1],
        max=limit // 1_000_000,
    )


def validate_image_upload(upload: File[Any], *, max_bytes: int = MAX_BYTES) -> None:
    """Check size, type, dimensions and frames from the header; decode nothing."""
    position = upload.tell()
    try:
        _open(upload, max_bytes).close()
    finally:
        upload.seek(position)


def prepare_image(
    upload: File[Any],
    *,
    max_side: int = MAX_SIDE,
    max_bytes: int = MAX_BYTES,
    output: str = "JPEG",
) -> PreparedImage:
    """Check, decode within bounds, shrink to ``max_side`` and re-encode.

    ``output`` is ``"JPEG"`` for photos (transparency is laid on white) or
    ``"PNG"`` for logos, which keep their transparency. An already prepared
    image is returned as it is, so a form and a service can both call this.
    """
    if isinstance(upload, PreparedImage):
        return upload
    image = _open(upload, max_bytes)
    try:
        if image.format == "JPEG":
            image.draft("RGB", (max_side, max_side))
        with _truncated_images_refused():
            image.load()
        ImageOps.exif_transpose(image, in_place=True)
        image.thumbnail((max_side, max_side))
        image = _for_output(image, output)
        buffer = io.BytesIO()
        if output == "PNG":
            image.save(buffer, format="PNG", optimize=True)
        else:
            image.save(buffer, format="JPEG", quality=85, optimize=True)
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # Truncated data, a broken chunk, a mode Pillow cannot convert, …
        raise _refuse(
            _("Billedet kunne ikke læses til ende; filen er måske ufuldstændig.")
        ) from exc
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels(None) from exc
    finally:
        image.close()
        upload.seek(0)
    extension = "png" if output == "PNG" else "jpg"
    return PreparedImage(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


@contextlib.contextmanager
def _truncated_images_refused() -> Iterator[None]:
    """Refuse truncated files even though WeasyPrint lets Pillow accept them.

    WeasyPrint (the newspaper PDF) sets the process-wide
    ``ImageFile.LOAD_TRUNCATED_IMAGES = True`` when imported, after which Pillow
    fills a cut-off upload with grey instead of failing. It is switched off while
    an upload is decoded; a PDF drawn in another thread at that moment would at
    worst skip a truncated picture, which WeasyPrint reports and tolerates.
    """
    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _for_output(image: Image.Image, output: str) -> Image.Image:
    """RGB for JPEG (transparent parts on white), RGB or RGBA for PNG."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # 16-bit and float greyscale: scale to 8 bits instead of clipping to white.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if has_alpha:
        image = image.convert("RGBA")
        if output == "PNG":
            return image
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")  # CMYK, YCbCr, palette, 1-bit
    return image


class ImageUploadField(forms.FileField):
    """A file field that returns the checked, re-encoded image (a PreparedImage).

    Decoding happens here, during form validation, so every problem with the
    file is a message on the field.
    """

    default_error_messages = {
        "invalid_image": gettext_lazy("Filen er ikke et billede, der kan læses."),
    }

    def __init__(
        self,
        *,
        max_side: int = MAX_SIDE,
        max_bytes: int = MAX_BYTES,
        output: str = "JPEG",
        **kwargs: Any,
    ) -> None:
        self.max_side, self.max_bytes, self.output = max_side, max_bytes, output
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if not upload or not hasattr(upload, "size") or upload is initial:
            return upload
        return prepare_image(
            upload, max_side=self.max_side, max_bytes=self.max_bytes, output=self.output
        )
