"""The language check's pages in English carry no Danish interface text (the
checked text, the marked words and the suggestions stay Danish: they are the
letter's own language)."""

import re

import polib
import pytest
from django.conf import settings

from faelles.languagecheck import check
from faelles.sprogtjek import services
from faelles.sprogtjek.factories import OwnEntryFactory
from scripts import i18n
from tests.test_i18n import _danish_phrases, _visible_text

DANISH_ON_PURPOSE = re.compile(
    r'(?s)<(span|strong|div|th|td)[^>]*lang="da"[^>]*>.*?</\1>'
)


def _english_text(page: str) -> str:
    """The visible text, without what is marked ``lang="da"``: the checked text,
    the marked words and the suggestions."""
    return _visible_text(DANISH_ON_PURPOSE.sub(" ", page))


PAGES = [
    "/odense/sprogtjek/",
    "/odense/sprogtjek/ordliste/",
    "/odense/sprogtjek/ordliste/{entry}/",
    "/odense/sprogtjek/ordliste/{entry}/slet/",
    "/odense/sprogtjek/statistik/",
]


@pytest.mark.django_db
def test_the_pages_are_english(client, municipality, municipal_admin, employee):
    entry = OwnEntryFactory(
        municipality=municipality,
        term="sagsbunke",
        reason="x",
        reason_en="y",
        suggestions="sagsforløb",
    )
    department = employee.memberships.get().department
    department.name = "Health and Care"  # the municipality's own name for it
    department.save()
    for _ in range(6):
        services.check_record(
            municipality=municipality, department=department, result=check("kunde")
        )
    patterns = _danish_phrases(polib.pofile(str(i18n.PO)))
    client.force_login(municipal_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for path in PAGES:
        response = client.get(path.format(entry=entry.pk))
        assert response.status_code == 200, path
        text = _english_text(response.content.decode())
        danish = [msgid for msgid, pattern in patterns if pattern.search(text)]
        assert not danish, (path, danish[:10])
    response = client.post(PAGES[0], {"text": "Kære kunde"})
    text = _english_text(response.content.decode())
    danish = [msgid for msgid, pattern in patterns if pattern.search(text)]
    assert not danish, danish[:10]
    assert "Citizens are not the municipality's customers" in text
