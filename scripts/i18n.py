"""Refresh the English catalogue from the code and the translators' TSV files.

    .venv/bin/python scripts/i18n.py

1. `faelles makemessages -l en` collects every Danish source string;
2. translations are filled in from `faelles/locale/*_en.tsv` and
   `faelles/<app>/locale_en.tsv` (msgid<TAB>english[<TAB>english plural]);
   (``--app APP`` lists only the untranslated strings used in faelles/APP/);
3. the catalogue is compiled to `django.mo` (committed, so running Fælles needs no
   gettext tools). Prints how many strings are still untranslated.
"""

import argparse
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "faelles" / "locale" / "en" / "LC_MESSAGES" / "django.po"
IGNORE = [
    "node_modules/*",
    ".venv/*",
    "tests/*",
    "bench/*",
    "var/*",
    "*/tests/*",
    "*/demo_content.py",
    "faelles/demo/content/*",
]


def load_tsv() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    files = sorted((ROOT / "faelles" / "locale").glob("*_en.tsv")) + sorted(
        (ROOT / "faelles").glob("*/locale_en.tsv")
    )
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or "\t" not in line:
                continue
            msgid, *english = line.split("\t")
            table[msgid.replace("\\n", "\n")] = [
                e.replace("\\n", "\n") for e in english
            ]
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--app",
        action="append",
        default=[],
        help="list only the untranslated strings used in faelles/APP/ (repeatable)",
    )
    args = parser.parse_args()
    cmd = [sys.executable, "-m", "faelles", "makemessages", "-l", "en", "--no-obsolete"]
    for pattern in IGNORE:
        cmd += ["-i", pattern]
    subprocess.run(cmd, cwd=ROOT, check=True)
    table = load_tsv()
    po = polib.pofile(str(PO))
    missing = []
    for entry in po:
        english = table.get(entry.msgid)
        if entry.msgid_plural:
            if english and len(english) >= 2:
                entry.msgstr_plural = {0: english[0], 1: english[1]}
            elif not any(entry.msgstr_plural.values()):
                missing.append(entry)
        elif english:
            entry.msgstr = english[0]
        elif not entry.msgstr:
            missing.append(entry)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata["Language"] = "en"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.save()
    po.save_as_mofile(str(PO.with_suffix(".mo")))
    print(f"{len(po)} strings, {len(missing)} untranslated")
    prefixes = tuple(f"faelles/{app}/" for app in args.app)
    for entry in missing:
        files = sorted({path for path, _line in entry.occurrences})
        if prefixes and not any(f.startswith(prefixes) for f in files):
            continue
        msgid = entry.msgid.replace("\n", "\\n")
        print(f"  untranslated: {msgid}    [{', '.join(files[:3])}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
