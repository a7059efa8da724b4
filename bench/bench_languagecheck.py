"""Benchmark the language check on a 20-page document (and a 200-page one).

    .venv/bin/python bench/bench_languagecheck.py [--pages 20] [--repeat 20]

The document is the labelled municipal texts (tests/data/languagecheck), shuffled
with a fixed seed and repeated to about 500 words a page. Times: the check of
plain text with a fresh checker (cold: lexicon and word caches empty) and with a
warm one (p50/max over --repeat runs), and text extraction from the same document
as .docx (python-docx) and .pdf (pypdf; the PDF is made once by WeasyPrint).
"""

from __future__ import annotations

import argparse
import io
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.languagecheck import Checker  # noqa: E402
from faelles.languagecheck import lexicon as lexicon_module  # noqa: E402
from faelles.languagecheck.evaluation import SPLITS, load  # noqa: E402
from faelles.languagecheck.extract import text_from_bytes  # noqa: E402

WORDS_PER_PAGE = 500


def document(pages: int) -> str:
    texts = [c.text.strip() for split in SPLITS for c in load(split)]
    rng = random.Random(16)
    out: list[str] = []
    words = 0
    while words < pages * WORDS_PER_PAGE:
        rng.shuffle(texts)
        for t in texts:
            out.append(t)
            words += len(t.split())
            if words >= pages * WORDS_PER_PAGE:
                break
    return "\n\n".join(out)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for para in text.split("\n"):
        document.add_paragraph(para)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def as_pdf(text: str) -> bytes:
    import html

    import weasyprint

    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p)
    return weasyprint.HTML(string=body).write_pdf()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print("| document | words | findings | cold check ms | warm p50 ms | warm max ms |")
    print("|---|---|---|---|---|---|")
    for pages in (args.pages, args.pages * 10):
        text = document(pages)
        lexicon_module._BUILTIN = None  # cold: read the TOML files again
        t = time.perf_counter()
        checker = Checker()
        result = checker.check(text)
        cold = time.perf_counter() - t
        warm = timed(lambda c=checker, t=text: c.check(t), args.repeat)
        print(
            f"| {pages} pages | {result.words:,} | {len(result.findings)} | {ms(cold)} "
            f"| {ms(statistics.median(warm))} | {ms(max(warm))} |"
        )
    text = document(args.pages)
    docx_bytes = as_docx(text)
    pdf_bytes = as_pdf(text)
    print()
    print("| extraction, 20-page document | file size | p50 ms | max ms |")
    print("|---|---|---|---|")
    for name, data, suffix in (
        ("plain text", text.encode(), ".txt"),
        (".docx", docx_bytes, ".docx"),
        (".pdf", pdf_bytes, ".pdf"),
    ):
        times = timed(lambda d=data, s=suffix: text_from_bytes(d, s), 5)
        print(
            f"| {name} | {len(data) // 1024} KiB | {ms(statistics.median(times))} "
            f"| {ms(max(times))} |"
        )


if __name__ == "__main__":
    main()
