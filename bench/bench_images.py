"""Memory and time of preparing uploaded images (faelles/core/images.py).

    .venv/bin/python bench/bench_images.py

Each case runs ``prepare_image`` in a fresh Python process and reports the wall
time of the call and the process's peak resident memory (``VmHWM``), next to
the peak of the same process doing nothing but importing (the baseline). The
cases: the 480 KB PNG of 13,000 × 13,000 black RGB pixels from issue 10 (refused
from its header now), the largest PNG we accept (5,000 × 5,000 RGB noise at
5,000 × 5,000 is too big for 5 MB, so a flat one), and a 50-megapixel JPEG photo.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
def hwm():  # VmHWM: this process's peak (ru_maxrss keeps the parent's across exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
from django.conf import settings
settings.configure(USE_I18N=False)  # nothing else loaded: a small baseline
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from faelles.core.images import prepare_image
path = sys.argv[1]
data = open(path, "rb").read() if path != "-" else b""
base = hwm()
start = time.perf_counter()
outcome = "baseline"
if data:
    try:
        prepare_image(SimpleUploadedFile("x", data, content_type="image/png"))
        outcome = "accepted"
    except ValidationError as exc:
        outcome = "refused: " + exc.messages[0][:60]
seconds = time.perf_counter() - start
peak = hwm()
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "base_mb": base / 1024,
                  "outcome": outcome}))
"""


def rgb_png(width: int, height: int) -> bytes:
    """Black RGB PNG, compressed row by row (never holds the pixels in memory)."""
    row = b"\x00" * (1 + 3 * width)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(height))
    body += compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", body)
        + (chunk(b"IEND", b""))
    )


def photo_jpeg(width: int, height: int) -> bytes:
    from PIL import Image

    small = Image.effect_noise((width // 16, height // 16), 40).convert("RGB")
    buffer = io.BytesIO()
    small.resize((width, height)).save(buffer, format="JPEG", quality=40)
    return buffer.getvalue()


def run(path: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, path],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode:  # show why, not only that it failed
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the measuring process failed for {path}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    cases = {
        "13,000 × 13,000 PNG (issue 10)": rgb_png(13_000, 13_000),
        "5,000 × 5,000 PNG (largest accepted)": rgb_png(5_000, 5_000),
        "8,160 × 6,120 JPEG (50 MP photo)": photo_jpeg(8_160, 6_120),
    }
    print("| file | size | outcome | time | peak memory (baseline) |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, content in cases.items():
            path = Path(tmp) / "image"
            path.write_bytes(content)
            r = run(str(path))
            print(
                f"| {name} | {len(content) / 1024:,.0f} KB | {r['outcome']} | "
                f"{r['seconds']:.2f} s | {r['peak_mb']:,.0f} MB "
                f"({r['base_mb']:,.0f} MB) |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
