"""The population table: Statistics Denmark's layout, tolerant of BOM, Latin-1
and Danish number formats; clear Danish messages; nothing changed on error;
administrators only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from faelles.insight.models import PopulationFigure, PopulationImport
from faelles.insight.population import PopulationError, parse

URL = "/odense/indsigt/befolkning/"

GOOD = (
    "område;alder;antal\n"
    "5300 Kerteminde;0 år;61\n"
    "5300 Kerteminde;1 år;58\n"
    "5300 Kerteminde;30-34 år;1.204\n"
    "5330 Munkebo;85 år og derover;312,0\n"
)


def test_single_years_add_up_into_bands():
    cells = {(c.postcode, c.age_band): c.count for c in parse(GOOD.encode())}
    assert cells == {
        ("5300", "u18"): 119,
        ("5300", "30-49"): 1204,
        ("5330", "65+"): 312,
    }


def test_bom_and_latin_1_are_read():
    assert parse(b"\xef\xbb\xbf" + GOOD.encode())[0].area_name == "Kerteminde"
    latin = GOOD.replace("Kerteminde", "Ærø").encode("latin-1")
    assert parse(latin)[0].area_name == "Ærø"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Filen er tom"),
        ("a,b,c\n1,2,3\n", "Første linje skal navngive kolonnerne"),
        ("område;alder;antal\nKerteminde;3 år;5\n", "Linje 2: området skal begynde"),
        ("område;alder;antal\n5300;gammel;5\n", "alderen \u201cgammel\u201d"),
        ("område;alder;antal\n5300;15-19 år;5\n", "går på tværs"),
        ("område;alder;antal\n5300;3 år;12,5\n", "ikke et helt tal"),
        ("område;alder;antal\n5300;3 år\n", "mangler kolonner"),
        ("område;alder;antal\n", "ingen rækker"),
    ],
)
def test_bad_files_are_explained_in_danish(text, message):
    with pytest.raises(PopulationError) as error:
        parse(text.encode())
    assert message in " ".join(error.value.messages)


def _upload(text: str, name="folk1a.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


@pytest.mark.django_db
def test_an_administrator_imports_and_a_new_file_replaces(client, municipal_admin):
    client.force_login(municipal_admin)
    assert client.post(URL, {"file": _upload(GOOD)}).status_code == 302
    assert PopulationFigure.objects.count() == 3
    second = "område;alder;antal\n5300 Kerteminde;40 år;100\n"
    client.post(URL, {"file": _upload(second, "ny.csv")})
    assert list(PopulationFigure.objects.values_list("count", flat=True)) == [100]
    assert PopulationImport.objects.get().filename == "ny.csv"


@pytest.mark.django_db
def test_a_bad_file_changes_nothing(client, municipal_admin):
    client.force_login(municipal_admin)
    client.post(URL, {"file": _upload(GOOD)})
    response = client.post(URL, {"file": _upload("område;alder;antal\nx;1;2\n")})
    assert response.status_code == 400
    assert "intet er ændret" in response.content.decode()
    assert PopulationFigure.objects.count() == 3


@pytest.mark.django_db
def test_only_administrators_import(client, citizen, employee, other_admin):
    assert client.get(URL).status_code == 302  # to the login page
    for person in (citizen, employee, other_admin):
        client.force_login(person)
        assert client.post(URL, {"file": _upload(GOOD)}).status_code == 403
    assert not PopulationFigure.objects.exists()
