"""Build the English catalogue from the code and the translators' TSV files.

    .venv/bin/python scripts/i18n.py              # rewrite django.po and django.mo
    .venv/bin/python scripts/i18n.py --app events # ... and list what events lacks
    .venv/bin/python scripts/i18n.py --check      # only report; exit 1 if not done

1. Django's ``makemessages`` collects every Danish source string into a fresh,
   temporary catalogue (needs GNU gettext: ``apt-get install gettext``);
2. the English comes *only* from ``faelles/locale/*_en.tsv`` and
   ``faelles/<app>/locale_en.tsv``: one line per string,
   ``msgid<TAB>english`` or ``msgid<TAB>english singular<TAB>english plural``,
   a newline inside a string written as ``\\n``. Nothing is carried over from an
   earlier catalogue, so there are never fuzzy or stale translations;
3. translations whose ``%(name)s`` placeholders do not match the Danish are refused
   (they would crash or lose information at run time);
4. ``faelles/locale/en/LC_MESSAGES/django.po`` is written without dates and with
   file-only locations (so it changes only when strings change) and compiled to
   ``django.mo`` (both committed: running Fælles needs no gettext tools).

``tests/test_i18n.py`` uses the same functions to check that the committed catalogue
is current and complete.
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# This tree's own code, whichever checkout the virtual environment was installed from.
sys.path.insert(0, str(ROOT))
LOCALE = ROOT / "faelles" / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
IGNORE = [
    "node_modules/*",
    ".venv/*",
    "tests/*",
    "bench/*",
    "scripts/*",
    "var/*",
    "*.egg-info/*",
    "*/tests/*",
    "*/demo_content.py",
    # Not scanned (nothing to translate there) and, above all, not taken by
    # makemessages as the place to write: the catalogue goes to a temporary folder.
    "*/locale",
    "faelles/demo/content/*",
]
METADATA = {
    "Project-Id-Version": "Fælles",
    "Language": "en",
    "Language-Team": "English (faelles/*/locale_en.tsv)",
    "Last-Translator": "Fælles translators",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}
NAMED = re.compile(r"%\((\w+)\)[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
POSITIONAL = re.compile(r"%[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def gettext_available() -> bool:
    return all(shutil.which(tool) for tool in ("xgettext", "msguniq", "msgmerge"))


def tsv_files() -> list[Path]:
    return sorted(LOCALE.glob("*_en.tsv")) + sorted(
        (ROOT / "faelles").glob("*/locale_en.tsv")
    )


def load_tsv() -> tuple[dict[str, list[str]], dict[str, Path], list[str]]:
    """(msgid → English forms, msgid → file it came from, conflict messages)."""
    table: dict[str, list[str]] = {}
    origin: dict[str, Path] = {}
    conflicts = []
    for path in tsv_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or "\t" not in line:
                continue
            msgid, *english = (part.replace("\\n", "\n") for part in line.split("\t"))
            if msgid in table and table[msgid] != english:
                conflicts.append(
                    f"{path.relative_to(ROOT)}:{number}: {msgid!r} is also translated "
                    f"differently in {origin[msgid].relative_to(ROOT)}"
                )
            table[msgid] = english
            origin[msgid] = path
    return table, origin, conflicts


def extract() -> polib.POFile:
    """A fresh catalogue of every translatable string in the code (msgstr empty)."""
    import django
    from django.apps import apps
    from django.core.management import call_command
    from django.test.utils import override_settings

    from faelles.settings import choose

    choose()
    if not apps.ready:
        django.setup()
    with tempfile.TemporaryDirectory() as tmp:
        previous = Path.cwd()
        os.chdir(ROOT)
        try:
            with override_settings(LOCALE_PATHS=[tmp]):
                call_command(
                    "makemessages",
                    locale=["en"],
                    ignore_patterns=IGNORE,
                    add_location="file",
                    no_obsolete=True,
                    verbosity=0,
                )
        finally:
            os.chdir(previous)
        return polib.pofile(str(Path(tmp) / "en" / "LC_MESSAGES" / "django.po"))


def placeholders(text: str) -> tuple[list[str], int]:
    return sorted(NAMED.findall(text)), len(POSITIONAL.findall(text))


def format_problem(entry: polib.POEntry, forms: list[str]) -> str | None:
    """Why a translation cannot stand in for the Danish at run time, or None."""
    if "python-format" not in entry.flags:
        return None
    source = placeholders(entry.msgid)
    names = set(source[0]) | set(placeholders(entry.msgid_plural or "")[0])
    for i, english in enumerate(forms):
        found = placeholders(english)
        if entry.msgid_plural:
            # The singular may say "one" instead of %(counter)s.
            if not set(found[0]) <= names or (i == 1 and set(found[0]) != names):
                return f"placeholders {sorted(set(found[0]))} ≠ {sorted(names)}"
        elif found != source:
            return f"placeholders {found} ≠ {source}"
        try:
            english % (dict.fromkeys(names, 1) if names else (1,) * source[1])
        except (KeyError, ValueError, TypeError) as exc:
            return f"not a valid format string ({exc})"
    return None


def build(
    fresh: polib.POFile, table: dict[str, list[str]]
) -> tuple[polib.POFile, list[polib.POEntry], list[str]]:
    """Fill ``fresh`` from the TSV table: (catalogue, untranslated, refused)."""
    missing, refused = [], []
    fresh.header = (
        "English catalogue of Fælles. Generated by scripts/i18n.py from the code and\n"
        "the locale_en.tsv files: edit those, not this file."
    )
    fresh.metadata = dict(METADATA)
    fresh.metadata_is_fuzzy = False
    for entry in fresh:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        english = table.get(entry.msgid)
        forms = (english or [])[: 2 if entry.msgid_plural else 1]
        if not english or len(forms) < (2 if entry.msgid_plural else 1):
            missing.append(entry)
            continue
        problem = format_problem(entry, forms)
        if problem:
            refused.append(f"{entry.msgid!r}: {problem}")
            missing.append(entry)
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: forms[0], 1: forms[1]}
        else:
            entry.msgstr = forms[0]
    return fresh, missing, refused


def tsv_owner(path: Path) -> str:
    """The folder a TSV file translates: the app, or 'templates' for templates_en.tsv."""
    return path.parent.name if path.name == "locale_en.tsv" else path.stem[:-3]


def app_of(entry: polib.POEntry) -> set[str]:
    return {path.split("/")[1] for path, _line in entry.occurrences if "/" in path}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--app",
        action="append",
        default=[],
        help="list the untranslated strings used in faelles/APP/ (repeatable; "
        "'templates' and 'settings' name the shared folders)",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 unless complete"
    )
    args = parser.parse_args()
    if not gettext_available():
        print("GNU gettext is needed: apt-get install gettext", file=sys.stderr)
        return 2
    table, origin, conflicts = load_tsv()
    po, missing, refused = build(extract(), table)
    used = {entry.msgid for entry in po}
    stale = sorted(msgid for msgid in table if msgid not in used)
    if not args.check:
        PO.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(PO))
        po.save_as_mofile(str(PO.with_suffix(".mo")))
    print(f"{len(po)} strings, {len(missing)} untranslated")
    for line in conflicts:
        print(f"  conflict: {line}")
    for line in refused:
        print(f"  refused: {line}")
    wanted = set(args.app)
    for entry in missing:
        if wanted and not app_of(entry) & wanted:
            continue
        files = sorted({path for path, _line in entry.occurrences})
        msgid = entry.msgid.replace("\n", "\\n")
        plural = " (needs singular and plural)" if entry.msgid_plural else ""
        print(f"  untranslated{plural}: {msgid}    [{', '.join(files[:3])}]")
    for msgid in stale:
        if wanted and tsv_owner(origin[msgid]) not in wanted:
            continue
        print(f"  unused: {msgid!r} in {origin[msgid].relative_to(ROOT)}")
    return 1 if args.check and (missing or refused) else 0


if __name__ == "__main__":
    sys.exit(main())
