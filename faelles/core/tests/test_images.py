"""Every uploaded image goes through core.images: bounded, re-encoded, clear errors."""

from __future__ import annotations

import importlib
import inspect
import io
import struct
import zlib

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from faelles.core.images import (
    ImageUploadField,
    PreparedImage,
    prepare_image,
    validate_image_upload,
)


def png_declaring(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of ``width`` × ``height`` black pixels, built without Pillow.

    1-bit rows of zeros compress ~1000:1, so 15,000 × 15,000 pixels take ~27 KB:
    the decompression bomb of the issue.
    """
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(height))
    body += compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", body)
        + chunk(b"IEND", b"")
    )


def upload(content: bytes, name: str = "x.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/png")


def encoded(mode: str, size=(40, 30), fmt: str = "PNG", colour=None, **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def reopened(prepared: PreparedImage) -> Image.Image:
    image = Image.open(io.BytesIO(prepared.read()))
    image.load()
    return image


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_the_27_kb_bomb_is_refused_from_its_header():
    content = png_declaring(15_000, 15_000)
    assert len(content) < 40_000
    for check in (validate_image_upload, prepare_image):
        with pytest.raises(ValidationError) as caught:
            check(upload(content))
        assert "alt for mange pixels" in message(caught.value)


def test_13000_pixels_square_is_refused_before_decoding():
    """Accepted before (1.5 GB and 4.5 s for the RGB version); now a form error."""
    with pytest.raises(ValidationError) as caught:
        prepare_image(upload(png_declaring(13_000, 13_000)))
    assert "13000 × 13000 pixels" in message(caught.value)
    assert "højst 25 millioner" in message(caught.value)


def test_the_limit_is_well_below_pillows():
    assert 5_000 * 5_000 <= 25_000_000 < Image.MAX_IMAGE_PIXELS / 3
    prepared = prepare_image(upload(png_declaring(5_000, 5_000)))
    assert reopened(prepared).size == (1600, 1600)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<?php echo 1; ?>", "ikke et billede"),
        (encoded("RGB", fmt="GIF"), "JPEG, PNG eller WebP"),
        (encoded("RGB", fmt="BMP"), "JPEG, PNG eller WebP"),
        (encoded("RGB", fmt="TIFF"), "JPEG, PNG eller WebP"),
        (encoded("RGB", (800, 600), "PNG")[:-400], "ufuldstændig"),
        (encoded("RGB", (800, 600), "JPEG")[:-200], "ufuldstændig"),
        (png_declaring(3000, 3000)[:200], "ufuldstændig"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "ikke et billede"),
    ],
)
def test_unreadable_files_are_a_clear_error(content, expected):
    with pytest.raises(ValidationError) as caught:
        prepare_image(upload(content))
    assert expected in message(caught.value)


def test_truncated_images_are_refused_even_after_weasyprint_is_imported(monkeypatch):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(ValidationError, match="ufuldstændig"):
        prepare_image(upload(encoded("RGB", (800, 600), "PNG")[:-400]))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as WeasyPrint wants it


def test_animated_images_are_refused():
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "blue")]
    for fmt in ("PNG", "WEBP"):
        buffer = io.BytesIO()
        frames[0].save(buffer, format=fmt, save_all=True, append_images=frames[1:])
        with pytest.raises(ValidationError, match="Animerede"):
            prepare_image(upload(buffer.getvalue()))


def test_file_size_is_checked_first():
    with pytest.raises(ValidationError, match="højst 0 MB"):
        prepare_image(upload(encoded("RGB", (400, 400))), max_bytes=100)


@pytest.mark.parametrize(
    ("mode", "fmt", "colour"),
    [
        ("CMYK", "JPEG", (0, 255, 255, 0)),
        ("L", "PNG", 128),
        ("I;16", "PNG", 40_000),
        ("P", "PNG", 3),
        ("1", "PNG", 1),
        ("RGB", "WEBP", "teal"),
    ],
)
def test_every_colour_mode_becomes_an_ordinary_jpeg(mode, fmt, colour):
    prepared = prepare_image(upload(encoded(mode, (60, 40), fmt, colour)))
    image = reopened(prepared)
    assert prepared.name.endswith(".jpg")
    assert image.format == "JPEG" and image.mode in ("RGB", "L")
    assert image.size == (60, 40)
    if mode == "I;16":  # scaled to 8 bits, not clipped to white
        assert 150 < image.getpixel((10, 10)) < 160


def test_transparency_lies_on_white_in_a_photo_and_stays_in_a_logo():
    content = encoded("RGBA", (30, 30), "PNG", (255, 0, 0, 0))
    photo = reopened(prepare_image(upload(content)))
    assert photo.getpixel((5, 5)) == (255, 255, 255)
    logo = reopened(prepare_image(upload(content), output="PNG", max_side=600))
    assert logo.format == "PNG" and logo.getpixel((5, 5))[3] == 0


def test_exif_is_dropped_and_orientation_applied():
    image = Image.new("RGB", (40, 20), "white")
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90° when shown
    exif[0x010F] = "Kamerafirma"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    result = reopened(prepare_image(upload(buffer.getvalue(), "x.jpg")))
    assert result.size == (20, 40)
    assert not result.getexif()


def test_a_prepared_image_is_not_prepared_twice():
    prepared = prepare_image(upload(encoded("RGB")))
    assert prepare_image(prepared) is prepared


def test_the_field_puts_problems_on_the_form():
    class Form(forms.Form):
        image = ImageUploadField(required=False)

    form = Form(files={"image": upload(png_declaring(15_000, 15_000))})
    assert not form.is_valid()
    assert "alt for mange pixels" in form.errors["image"][0]
    form = Form(files={"image": upload(encoded("RGB"))})
    assert form.is_valid()
    assert isinstance(form.cleaned_data["image"], PreparedImage)


def _form_classes():
    for config in apps.get_app_configs():
        if not config.name.startswith("faelles."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


def test_every_image_field_of_every_form_is_the_checked_one():
    """A new upload path cannot bypass the checks: an image field must be ours."""
    seen = []
    for cls in _form_classes():
        for name, field in getattr(cls, "base_fields", {}).items():
            accept = field.widget.attrs.get("accept", "")
            if isinstance(field, forms.ImageField) or "image/" in accept:
                assert isinstance(field, ImageUploadField), f"{cls.__name__}.{name}"
                seen.append(f"{cls.__name__}.{name}")
    assert len(seen) >= 6, seen


@pytest.mark.django_db
def test_the_bomb_on_the_initiative_page_is_a_form_error_not_a_500(
    client, municipality, citizen, settings, tmp_path
):
    from faelles.initiatives.factories import InitiativeFactory
    from faelles.initiatives.models import InitiativeImage

    settings.MEDIA_ROOT = tmp_path
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    client.force_login(citizen)
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/billeder/",
        {"image": upload(png_declaring(15_000, 15_000)), "alt_text": "Broen"},
    )
    assert response.status_code == 200
    assert "alt for mange pixels" in response.content.decode()
    assert not InitiativeImage.objects.exists()


@pytest.mark.django_db
def test_a_logo_is_stored_as_a_small_png(client, municipality, municipal_admin):
    from faelles.municipalities.tests.test_manage_settings import _data

    client.force_login(municipal_admin)
    logo = upload(encoded("RGBA", (2000, 1000), "PNG", (0, 74, 124, 255)))
    response = client.post(
        "/odense/administration/", {**_data(municipality), "logo": logo}
    )
    assert response.status_code == 302
    municipality.refresh_from_db()
    with municipality.logo.open("rb") as fh, Image.open(fh) as stored:
        assert (stored.format, stored.size, stored.mode) == ("PNG", (600, 300), "RGBA")
    bomb = upload(png_declaring(13_000, 13_000))
    response = client.post(
        "/odense/administration/", {**_data(municipality), "logo": bomb}
    )
    assert response.status_code == 200
    assert "13000 × 13000" in response.content.decode()


def test_the_module_imports_in_a_bare_process():
    """``bench/bench_images.py`` measures ``prepare_image`` in a process with nothing
    but minimal settings loaded. The module once subscripted ``ContentFile[bytes]``
    at import, which works only after another library has called
    ``django_stubs_ext.monkeypatch()``; the benchmark then failed."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    code = (
        "from django.conf import settings\n"
        "settings.configure(USE_I18N=False)\n"
        "import faelles.core.images\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
