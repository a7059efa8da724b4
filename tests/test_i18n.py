"""English is complete: the committed catalogue is current, fully translated, and an
English page shows no Danish interface text.

The catalogue is built by ``scripts/i18n.py`` from the code and the translators'
TSV files; the tests that rebuild it need GNU gettext (``apt-get install gettext``)
and are skipped, saying so, when it is missing. The others read only the committed
files.
"""

import html
import importlib.util
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory, PrincipleFactory
from faelles.organisations.factories import OrganisationFactory

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts/i18n.py")
i18n = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n)


@pytest.fixture(autouse=True)
def _back_to_danish():
    """Requests in English leave the thread's language English; later tests
    expect the default."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


HOW_TO_FIX = (
    "run `.venv/bin/python scripts/i18n.py` (after adding the English to the app's "
    "locale_en.tsv) and commit faelles/locale/en/LC_MESSAGES/django.po and .mo"
)


def _key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def _english(entry: polib.POEntry):
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return entry.msgstr


def _show(entries, limit=40) -> str:
    lines = []
    for entry in list(entries)[:limit]:
        files = sorted({path for path, _line in entry.occurrences})[:2]
        lines.append(f"  {entry.msgid!r}  [{', '.join(files)}]")
    more = len(entries) - limit
    return "\n".join(lines) + (f"\n  … and {more} more" if more > 0 else "")


@pytest.fixture(scope="module")
def committed() -> polib.POFile:
    assert i18n.PO.exists(), f"no English catalogue: {HOW_TO_FIX}"
    return polib.pofile(str(i18n.PO))


@pytest.fixture(scope="module")
def rebuilt():
    if not i18n.gettext_available():
        pytest.skip(
            "GNU gettext (xgettext, msguniq, msgmerge) is not installed, so the "
            "catalogue cannot be rebuilt from the code: apt-get install gettext"
        )
    table, _origin, conflicts = i18n.load_tsv()
    po, missing, refused = i18n.build(i18n.extract(), table)
    return po, missing, refused, conflicts


def test_every_string_in_the_code_has_english(rebuilt):
    _po, missing, refused, _conflicts = rebuilt
    assert not refused, "translations refused:\n" + "\n".join(refused)
    assert not missing, (
        f"{len(missing)} strings have no English in any locale_en.tsv:\n"
        + _show(missing)
    )


def test_translators_agree(rebuilt):
    """One msgid has one English; two apps translating it differently would show
    one of them the other's wording."""
    conflicts = rebuilt[3]
    assert not conflicts, "\n".join(conflicts)


def test_committed_catalogue_is_current(rebuilt, committed):
    po = rebuilt[0]
    fresh = {_key(e): e for e in po}
    old = {_key(e): e for e in committed if not e.obsolete}
    added = [fresh[k] for k in fresh.keys() - old.keys()]
    removed = [old[k] for k in old.keys() - fresh.keys()]
    changed = [
        fresh[k]
        for k in fresh.keys() & old.keys()
        if _english(fresh[k]) != _english(old[k])
        or (fresh[k].msgid_plural or "") != (old[k].msgid_plural or "")
    ]
    problems = []
    if added:
        problems.append(f"new in the code, not in django.po:\n{_show(added)}")
    if removed:
        problems.append(f"in django.po, no longer in the code:\n{_show(removed)}")
    if changed:
        problems.append(f"English differs from the TSV files:\n{_show(changed)}")
    assert not problems, "\n".join(problems) + f"\n→ {HOW_TO_FIX}"


def test_committed_catalogue_is_complete(committed):
    fuzzy = [e for e in committed if "fuzzy" in e.flags and e.msgid]
    untranslated = [e for e in committed if not e.translated() and not e.obsolete]
    broken = [
        f"  {e.msgid!r}: {problem}"
        for e in committed
        if e.translated()
        and (
            problem := i18n.format_problem(
                e, list(_english(e)) if e.msgid_plural else [e.msgstr]
            )
        )
    ]
    assert not fuzzy, f"fuzzy entries:\n{_show(fuzzy)}"
    assert not untranslated, f"untranslated entries:\n{_show(untranslated)}"
    assert not broken, "placeholders do not match:\n" + "\n".join(broken)
    assert committed.metadata.get("Plural-Forms", "").startswith("nplurals=2;")


def test_compiled_catalogue_matches(committed):
    """django.mo is what Django reads; it must hold exactly what django.po says."""
    mo = polib.mofile(str(i18n.PO.with_suffix(".mo")))
    in_mo = {_key(e): _english(e) for e in mo if e.msgid}
    in_po = {
        _key(e): _english(e)
        for e in committed
        if e.msgid and e.translated() and not e.obsolete
    }
    assert in_mo == in_po, f"django.mo is stale: {HOW_TO_FIX}"


# --- pages rendered in English --------------------------------------------------


def _visible_text(page: str) -> str:
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return " ".join(html.unescape(page).split())


NUMBERS = {"n", "count", "number", "num"}


def _join(regex: list) -> str:
    """Literal parts joined by "anything"; number placeholders kept as digits,
    leading and trailing free placeholders dropped."""
    while regex and regex[0] is None:
        regex.pop(0)
    while regex and regex[-1] is None:
        regex.pop()
    out = []
    for part in regex:
        if part is None:
            out.append(r".{1,80}?")
        else:
            if out and not out[-1].endswith("?"):
                out.append(r"\s*")
            out.append(part)
    return "".join(out)


def _danish_phrases(committed) -> list[re.Pattern]:
    """Interface strings whose English differs from the Danish, as whole-word
    patterns; placeholders stand for anything."""
    patterns = []
    for entry in committed:
        english = _english(entry)
        english = english[0] if isinstance(english, tuple) else english
        if not entry.msgid or entry.msgid == english or len(entry.msgid) < 4:
            continue
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", entry.msgid)).split())
        pieces = re.split(r"(%\((\w+)\)[#0\- +]*\d*(?:\.\d+)?[a-zA-Z]|%[sd])", text)
        literal = "".join(pieces[0::3]).strip()
        regex = []
        for index in range(0, len(pieces), 3):
            if pieces[index].strip():
                regex.append(re.escape(pieces[index].strip()))
            if index + 1 < len(pieces):
                # A number placeholder ("%(n)s time") stands for digits, so the
                # English "any time" is not taken for it; others for anything.
                numeric = pieces[index + 1] == "%d" or pieces[index + 2] in NUMBERS
                regex.append(r"\d[\d.,]*" if numeric else None)
        body = _join(regex)
        if len(literal) >= 4 and body:
            patterns.append((entry.msgid, re.compile(rf"(?<!\w){body}(?!\w)")))
    return patterns


@pytest.fixture
def english_site(db, client):
    odense = MunicipalityFactory(
        slug="odense",
        name="Odense Kommune",
        programme_name="Sammen om udvikling",
        programme_name_en="Together for development",
        programme_text="Vi skaber gode liv sammen.",
        programme_text_en="We make good lives together.",
    )
    PrincipleFactory(
        municipality=odense, title="Mod", title_en="Courage", text_en="We dare."
    )
    club = OrganisationFactory(
        municipality=odense, name="Kajak Odense", description="Paddling on the river."
    )
    admin = MembershipFactory(
        municipality=odense, is_employee=True, is_administrator=True
    ).user
    admin.display_name = "Karin Holm"
    admin.preferred_language = "en"
    admin.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return {"client": client, "admin": admin, "club": club, "odense": odense}


ANONYMOUS_PAGES = [
    "/",
    "/odense/",
    "/odense/organisationer/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/om/privatliv/",
    "/odense/findes-ikke/",
]
ADMIN_PAGES = [
    "/me/",
    "/me/rediger/",
    "/me/slet-konto/",
    "/odense/organisationer/ny/",
    "/odense/organisationer/{club}/",
    "/odense/organisationer/{club}/rediger/",
    "/odense/administration/",
    "/odense/administration/personer/",
    "/odense/administration/afdelinger/",
    "/odense/administration/log/",
    "/odense/personer/{admin}/",
    "/accounts/password/change/",
    "/accounts/logout/",
]


def _assert_english(response, committed, path):
    assert response.status_code in {200, 403, 404}, (path, response.status_code)
    page = response.content.decode()
    assert '<html class="no-js" lang="en">' in page, path
    text = _visible_text(page)
    danish = [
        msgid for msgid, pattern in _danish_phrases(committed) if pattern.search(text)
    ]
    assert not danish, f"Danish interface text on {path} in English: {danish[:15]}"


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_pages_for_visitors_are_english(english_site, committed, path):
    response = english_site["client"].get(path)
    _assert_english(response, committed, path)


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_pages_for_members_are_english(english_site, committed, path):
    client = english_site["client"]
    client.force_login(english_site["admin"])
    path = path.format(club=english_site["club"].slug, admin=english_site["admin"].pk)
    _assert_english(client.get(path), committed, path)


def test_forbidden_page_is_english(english_site, committed):
    outsider = MembershipFactory(
        municipality=english_site["odense"], user__display_name="Ali Yilmaz"
    ).user
    client = english_site["client"]
    client.force_login(outsider)
    response = client.get("/odense/administration/")
    assert response.status_code == 403
    _assert_english(response, committed, "403")


def test_concrete_english_wording(english_site):
    client = english_site["client"]
    front = client.get("/").content.decode()
    assert "Choose your municipality" in front and "Skip to main content" in front
    home = client.get("/odense/").content.decode()
    assert "Together for development" in home and "Courage" in home
    assert "What we stand for together" in home
    login = client.get("/accounts/login/").content.decode()
    assert "Sign In" in login or "Sign in" in login


# --- the build itself --------------------------------------------------------------


@pytest.mark.engine
def test_build_handles_plurals_newlines_and_placeholders(tmp_path, monkeypatch):
    tsv = tmp_path / "locale" / "x_en.tsv"
    tsv.parent.mkdir()
    tsv.write_text(
        "Første linje\\nanden linje\tFirst line\\nsecond line\n"
        "%(counter)s medlem\tone member\t%(counter)s members\n"
        "Hej %(name)s\tHello %(name)s\n"
        "Farvel %(name)s\tGoodbye %(navn)s\n"
        "Kun ental\tOnly singular\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE", tsv.parent)
    monkeypatch.setattr(i18n, "ROOT", tmp_path)
    table, _origin, conflicts = i18n.load_tsv()
    assert not conflicts
    fresh = polib.POFile()
    fresh.append(polib.POEntry(msgid="Første linje\nanden linje", msgstr=""))
    fresh.append(
        polib.POEntry(
            msgid="%(counter)s medlem",
            msgid_plural="%(counter)s medlemmer",
            msgstr_plural={0: "", 1: ""},
            flags=["python-format"],
        )
    )
    fresh.append(polib.POEntry(msgid="Hej %(name)s", flags=["python-format"]))
    fresh.append(polib.POEntry(msgid="Farvel %(name)s", flags=["python-format"]))
    fresh.append(
        polib.POEntry(
            msgid="Kun ental",
            msgid_plural="Kun ental, flere",
            msgstr_plural={0: "", 1: ""},
        )
    )
    po, missing, refused = i18n.build(fresh, table)
    assert po.find("Første linje\nanden linje").msgstr == "First line\nsecond line"
    plural = po.find("%(counter)s medlem")
    assert plural.msgstr_plural == {0: "one member", 1: "%(counter)s members"}
    assert po.find("Hej %(name)s").msgstr == "Hello %(name)s"
    # A wrong placeholder is refused, and a plural needs both forms.
    assert [e.msgid for e in missing] == ["Farvel %(name)s", "Kun ental"]
    assert len(refused) == 1 and "navn" in refused[0]
    assert not po.metadata_is_fuzzy and po.metadata["Plural-Forms"].startswith(
        "nplurals=2;"
    )
    mo_path = tmp_path / "django.mo"
    po.save_as_mofile(str(mo_path))
    import gettext

    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.ngettext("%(counter)s medlem", "%(counter)s medlemmer", 1) == (
        "one member"
    )
    assert compiled.ngettext("%(counter)s medlem", "%(counter)s medlemmer", 3) == (
        "%(counter)s members"
    )
    assert compiled.gettext("Første linje\nanden linje") == "First line\nsecond line"


def test_plural_in_a_real_page_is_english(english_site):
    from faelles.accounts.factories import MembershipFactory

    for _ in range(6):
        MembershipFactory(municipality=english_site["odense"])
    from django.core.cache import cache

    cache.clear()
    page = english_site["client"].get("/odense/").content.decode()
    assert "7 people take part." in page
