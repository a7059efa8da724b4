"""Language check quality on the labelled Danish municipal texts.

    .venv/bin/python bench/eval_languagecheck.py [--errors] [--update]

Prints span-level precision, recall and F1 (exact span, and overlapping span) for
the tuning part (dev) and the held-out part, which was written and labelled before
any tuning. --errors lists every false positive and miss; --update rewrites
tests/data/languagecheck/expected.json, the findings the regression test expects.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.languagecheck.evaluation import (  # noqa: E402
    EVAL_DIR,
    SPLITS,
    SubstringBaseline,
    evaluate,
    load,
    run,
)


def update() -> None:
    snapshot = {
        split: {
            cid: [[f.start, f.end, f.term] for f in found]
            for cid, found in run(load(split)).items()
        }
        for split in SPLITS
    }
    path = EVAL_DIR / "expected.json"
    path.write_text(json.dumps(snapshot, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {path}")


def main() -> None:
    if "--update" in sys.argv:
        update()
    show_errors = "--errors" in sys.argv
    results = {split: evaluate(split) for split in SPLITS}
    results |= {
        f"{split}, substring baseline": evaluate(split, SubstringBaseline())
        for split in SPLITS
    }
    print(
        "| part | texts | words | gold | found | exact P / R / F1 | overlap P / R / F1 |"
    )
    print("|---|---|---|---|---|---|---|")
    for split, r in results.items():
        ex, ov = r["exact"], r["overlap"]
        print(
            f"| {split} | {r['texts']} | {r['words']} | {r['gold']} | {r['found']} "
            f"| {ex['precision']:.2f} / {ex['recall']:.2f} / {ex['f1']:.2f} "
            f"| {ov['precision']:.2f} / {ov['recall']:.2f} / {ov['f1']:.2f} |"
        )
    if show_errors:
        for split, r in results.items():
            if "baseline" in split:
                continue
            print(f"\n{split}:")
            for line in r["errors"]:
                print("  " + line)
    else:
        print(
            json.dumps(
                {
                    s: {k: v for k, v in r.items() if k != "errors"}
                    for s, r in results.items()
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
