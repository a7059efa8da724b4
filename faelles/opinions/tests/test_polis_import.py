"""Importing a Polis conversation into a new opinion map through the site: a real
conversation, import → export → import gives the same map and result, bad files
change nothing and say which file and line, and who may import."""

import csv
import io
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from django.urls import reverse

from faelles.core.models import AuditEntry
from faelles.opinions import polis_import, services
from faelles.opinions.models import (
    OpinionMap,
    Participant,
    PolisImport,
    Result,
    Statement,
    StatementStatus,
    Vote,
)
from faelles.opinions.phases import Phase
from faelles.opinions.selectors import polis_export

pytestmark = pytest.mark.django_db

COMMENTS = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    "1500000000000,x,0,0,0,0,1,Byen skal have flere træer langs gaderne\n"
    "1500000001000,x,1,1,0,0,-1,Et udsagn som moderatoren afviste her\n"
    "1500000002000,x,2,,0,0,0,Et udsagn der stadig venter på moderation\n"
)
VOTES = (
    "timestamp,datetime,comment-id,voter-id,vote\n"
    "1500000010000,x,0,0,1\n"
    "1500000011000,x,0,2,-1\n"
    "1500000012000,x,1,2,1\n"
    "1500000020000,x,0,2,1\n"  # voter 2 changes their mind on comment 0
)


FILES = {"comments.csv": COMMENTS.encode(), "votes.csv": VOTES.encode()}


def url(name, municipality, **kwargs):
    return reverse(
        f"opinions:{name}", kwargs={"municipality_slug": municipality.slug, **kwargs}
    )


def _zip(files: dict[str, bytes], folder: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(folder + name, data)
    return buffer.getvalue()


def _upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/csv")


def _post(client, municipality, capture=None, **files):
    data = {"title": "Fra Polis", "question": "Hvad skal byen være?"}
    data.update({k: _upload(f"{k}.bin", v) for k, v in files.items()})
    if capture is None:
        return client.post(url("import", municipality), data)
    with capture(execute=True):
        return client.post(url("import", municipality), data)


def _import(client, municipality, capture, folder: Path | None = None, **files):
    if folder is not None:
        files = {
            "archive": _zip(
                {n: (folder / n).read_bytes() for n in ("comments.csv", "votes.csv")}
            )
        }
    response = _post(client, municipality, capture, **files)
    assert response.status_code == 302, response.context["form"].errors
    return OpinionMap.objects.get(
        pk=int(response["Location"].rstrip("/").split("/")[-1])
    )


def test_the_two_files_become_a_map_with_latest_votes_and_pseudonyms(
    client, municipality, employee, django_capture_on_commit_callbacks
):
    client.force_login(employee)
    opinion_map = _import(
        client,
        municipality,
        django_capture_on_commit_callbacks,
        comments=COMMENTS.encode(),
        votes=VOTES.encode(),
    )
    assert opinion_map.municipality == municipality
    assert opinion_map.phase == Phase.DRAFT
    assert not PolisImport.objects.exists()
    statements = list(Statement.objects.filter(map=opinion_map).order_by("id"))
    assert [s.status for s in statements] == [
        StatementStatus.ACCEPTED,
        StatementStatus.REJECTED,
        StatementStatus.PENDING,
    ]
    assert statements[0].text == "Byen skal have flere træer langs gaderne"
    assert statements[0].created_at.timestamp() == 1_500_000_000
    assert statements[2].author is None
    people = Participant.objects.filter(map=opinion_map)
    assert people.count() == 3  # authors 0 and 1, voter 2 (0 both wrote and voted)
    assert not people.filter(user__isnull=False).exists()
    assert not set(people.values_list("number", flat=True)) & {0, 1, 2}
    votes = Vote.objects.filter(map=opinion_map)
    assert votes.count() == 3  # voter 2's first vote on comment 0 is superseded
    assert votes.filter(participant=statements[0].author).count() == 1
    voter2 = votes.get(statement=statements[1]).participant
    latest = votes.get(statement=statements[0], participant=voter2)
    assert latest.value == 1 and latest.updated_at.timestamp() == 1_500_000_020
    # the background update computed the result, as after a vote
    assert Result.objects.get(map=opinion_map).votes_counted == 3
    entry = AuditEntry.objects.get(action="opinions.map_import")
    assert entry.data == {"statements": 3, "votes": 3}


def test_the_map_says_import_in_progress_until_the_task_ran(
    client, municipality, employee
):
    client.force_login(employee)
    response = _post(
        client, municipality, comments=COMMENTS.encode(), votes=VOTES.encode()
    )
    assert response.status_code == 302
    opinion_map = OpinionMap.objects.get()
    assert not Statement.objects.exists()  # the task has not run (no commit here)
    page = client.get(opinion_map.get_absolute_url())
    assert "Import i gang" in page.content.decode()
    with pytest.raises(services.ValidationError):
        services.map_set_phase(
            opinion_map=opinion_map, actor=employee, phase=Phase.OPEN
        )
    assert polis_import.polis_import_finish(map_id=opinion_map.pk)
    assert Statement.objects.filter(map=opinion_map).count() == 3
    page = client.get(opinion_map.get_absolute_url())
    assert "Import i gang" not in page.content.decode()
    assert not polis_import.polis_import_finish(map_id=opinion_map.pk)  # once only


def test_a_shared_polis_conversation_imports_from_a_zip(
    client, municipality, employee, shared_data, django_capture_on_commit_callbacks
):
    folder = shared_data / "polis" / "opendata" / "canadian-electoral-reform"
    client.force_login(employee)
    opinion_map = _import(
        client, municipality, django_capture_on_commit_callbacks, folder
    )
    with open(folder / "comments.csv", encoding="utf-8") as f:
        comments = list(csv.DictReader(f))
    with open(folder / "votes.csv", encoding="utf-8") as f:
        log = list(csv.DictReader(f))
    statements = Statement.objects.filter(map=opinion_map)
    assert statements.count() == len(comments)
    assert Counter(statements.values_list("status", flat=True)) == Counter(
        polis_import.STATUS[int(c["moderated"])] for c in comments
    )
    assert set(statements.values_list("text", flat=True)) == {
        " ".join(c["comment-body"].split()) for c in comments
    }
    assert Vote.objects.filter(map=opinion_map).count() == len(
        {(v["voter-id"], v["comment-id"]) for v in log}
    )
    voters = {v["voter-id"] for v in log} | {c["author-id"] for c in comments}
    assert Participant.objects.filter(map=opinion_map, user=None).count() == len(voters)
    assert (
        Result.objects.get(map=opinion_map).votes_counted
        == Vote.objects.filter(map=opinion_map).count()
    )


def _profiles(opinion_map) -> dict[int, tuple]:
    """Each participant's latest votes by statement position (ids renamed away)."""
    position = {
        pk: i
        for i, pk in enumerate(
            Statement.objects.filter(map=opinion_map)
            .order_by("id")
            .values_list("id", flat=True)
        )
    }
    numbers = dict(
        Participant.objects.filter(map=opinion_map).values_list("id", "number")
    )
    votes: dict[int, list] = {n: [] for n in numbers.values()}
    for p, s, v in Vote.objects.filter(map=opinion_map).values_list(
        "participant_id", "statement_id", "value"
    ):
        votes[numbers[p]].append((position[s], v))
    return {n: tuple(sorted(vs)) for n, vs in votes.items()}


def test_import_export_import_gives_the_same_map_and_result(
    client,
    municipality,
    employee,
    shared_data,
    django_capture_on_commit_callbacks,
    tmp_path,
):
    folder = shared_data / "polis" / "opendata" / "brexit-consensus"
    client.force_login(employee)
    first = _import(client, municipality, django_capture_on_commit_callbacks, folder)
    # a rejected and a pending statement travel too (exported without text)
    a, b = Statement.objects.filter(map=first).order_by("id")[:2]
    Statement.objects.filter(pk=a.pk).update(status=StatementStatus.REJECTED)
    Statement.objects.filter(pk=b.pk).update(status=StatementStatus.PENDING)
    second = _import(
        client,
        municipality,
        django_capture_on_commit_callbacks,
        archive=polis_export(opinion_map=first),
    )
    # both computed afresh (an update starts from the previous result's state)
    Result.objects.all().delete()
    services.result_compute(map_id=first.pk)
    services.result_compute(map_id=second.pk)

    def statements(m):
        return [
            (s.status, s.text if s.status == StatementStatus.ACCEPTED else "")
            for s in Statement.objects.filter(map=m).order_by("id")
        ]

    assert statements(second) == statements(first)
    one, two = _profiles(first), _profiles(second)
    assert sorted(one.values()) == sorted(two.values())
    # the numbers are new, the order of the participants is kept
    assert list(one.values()) == [two[n] for n in sorted(two)]
    assert not set(one) & set(two)
    r1, r2 = Result.objects.get(map=first), Result.objects.get(map=second)

    def groups(result, profiles):
        by_label: dict = {}
        for number, label in result.participant_groups.items():
            by_label.setdefault(label, []).append(profiles[int(number)])
        return sorted(sorted(g) for g in by_label.values())

    assert r1.participant_groups and groups(r1, one) == groups(r2, two)
    assert sorted(profiles for profiles in (one[int(n)] for n in r1.positions)) == (
        sorted(two[int(n)] for n in r2.positions)
    )
    assert r1.votes_counted == r2.votes_counted


def _bad(votes: str = VOTES, comments: str = COMMENTS) -> dict:
    return {"comments": comments.encode(), "votes": votes.encode()}


BAD = {
    "missing file": ({"comments": COMMENTS.encode()}, "votes.csv mangler"),
    "wrong columns": (
        _bad(votes="timestamp,comment-id,vote\n1,0,1\n"),
        "votes.csv:1: kolonnerne voter-id mangler (filen har: timestamp, comment-id, vote).",
    ),
    "a bad line": (
        _bad(votes=VOTES + "1500000030000,x,0,1,2\n"),
        "votes.csv:6: stemmen “2” er hverken 1, 0 eller -1.",
    ),
    "a vote on an unknown statement": (
        _bad(votes=VOTES + "1500000030000,x,7,1,1\n"),
        "votes.csv:6: der stemmes om udsagn nr. 7, som ikke er i comments.csv.",
    ),
    "a comment-id twice": (
        _bad(comments=COMMENTS + "1,x,2,1,0,0,1,Et udsagn med samme nummer igen\n"),
        "comments.csv:5: udsagn nr. 2 står der to gange.",
    ),
    "too long a statement": (
        _bad(comments=COMMENTS + "1,x,3,1,0,0,1," + "a" * 300 + "\n"),
        "comments.csv:5: udsagnet er 300 tegn; højst 280 er tilladt.",
    ),
    "not UTF-8": (
        {
            "comments": COMMENTS.encode()
            + "4,x,9,1,0,0,1,Bl\xe5b\xe6r\n".encode("latin-1"),
            "votes": VOTES.encode(),
        },
        "comments.csv, linje 5: filen er ikke tekst i UTF-8.",
    ),
    "a zip without votes.csv": (
        {"archive": _zip({"comments.csv": COMMENTS.encode()})},
        "Zip-filen mangler votes.csv.",
    ),
    "no files": ({}, "Vælg en zip-fil eller både comments.csv og votes.csv."),
    "not a number": (
        _bad(votes=VOTES + "1500000030000,x,tre,1,1\n"),
        "votes.csv:6: comment-id “tre” er ikke et helt tal.",
    ),
    "a broken line": (
        _bad(votes=VOTES + "1500000030000,x,2\n"),
        "votes.csv:6: linjen har ikke det rigtige antal felter.",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_changes_nothing_and_names_the_file_and_line(
    client, municipality, employee, case, django_capture_on_commit_callbacks
):
    files, message = BAD[case]
    client.force_login(employee)
    response = _post(client, municipality, django_capture_on_commit_callbacks, **files)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not OpinionMap.objects.exists()
    assert not PolisImport.objects.exists()
    assert not Statement.objects.exists() and not Participant.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="opinions.").exists()


def test_too_large_a_file_is_refused_and_the_form_says_the_cap(
    client, municipality, employee, monkeypatch
):
    client.force_login(employee)
    page = client.get(url("import", municipality))
    assert page.status_code == 200
    assert "Højst 10 MB i alt" in page.content.decode()
    monkeypatch.setattr("faelles.opinions.forms.MAX_IMPORT_BYTES", 100)
    response = _post(
        client, municipality, comments=COMMENTS.encode(), votes=VOTES.encode()
    )
    assert response.status_code == 400
    assert "Filen er for stor" in response.content.decode()
    each_fits = max(len(COMMENTS.encode()), len(VOTES.encode())) + 10
    monkeypatch.setattr("faelles.opinions.forms.MAX_IMPORT_BYTES", each_fits)
    response = _post(
        client, municipality, comments=COMMENTS.encode(), votes=VOTES.encode()
    )
    assert "Filerne fylder for meget tilsammen" in response.content.decode()
    # a small zip holding a large file: refused before it is unpacked
    monkeypatch.setattr("faelles.opinions.polis_import.MAX_IMPORT_BYTES", 2000)
    monkeypatch.setattr("faelles.opinions.forms.MAX_IMPORT_BYTES", 2000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("comments.csv", COMMENTS)
        archive.writestr("votes.csv", VOTES + "1500000030000,x,0,1,1\n" * 1000)
    assert len(buffer.getvalue()) < 2000
    response = _post(client, municipality, archive=buffer.getvalue())
    assert "votes.csv er for stor: højst 0 MB" in response.content.decode()
    assert not OpinionMap.objects.exists()


def test_a_zip_with_the_files_in_a_folder_is_read(
    client, municipality, employee, django_capture_on_commit_callbacks
):
    client.force_login(employee)
    opinion_map = _import(
        client,
        municipality,
        django_capture_on_commit_callbacks,
        archive=_zip(FILES, folder="conversation/"),
    )
    assert Statement.objects.filter(map=opinion_map).count() == 3


def test_only_staff_of_the_municipality_may_import(
    client, municipality, other_municipality, citizen, other_admin, municipal_admin
):
    page = client.get(url("import", municipality))
    assert page.status_code == 302 and "login" in page["Location"]
    client.force_login(citizen)
    assert client.get(url("import", municipality)).status_code == 403
    assert _post(client, municipality, **_bad()).status_code == 403
    client.force_login(other_admin)
    assert client.get(url("import", municipality)).status_code == 403
    assert _post(client, municipality, **_bad()).status_code == 403
    assert not OpinionMap.objects.exists()
    client.force_login(municipal_admin)
    assert _post(client, municipality, **_bad()).status_code == 302
    opinion_map = OpinionMap.objects.get()
    # the imported map is another municipality's map to the other admin: 404
    client.force_login(other_admin)
    assert client.get(url("detail", municipality, pk=opinion_map.pk)).status_code == 404
    other = url("detail", other_municipality, pk=opinion_map.pk)
    assert client.get(other).status_code == 404


def test_the_list_and_the_create_form_link_to_the_import(
    client, municipality, employee
):
    client.force_login(employee)
    target = url("import", municipality)
    assert target in client.get(url("list", municipality)).content.decode()
    assert target in client.get(url("create", municipality)).content.decode()


def test_a_task_that_fails_its_checks_keeps_the_reason_not_the_files(
    client, municipality, employee
):
    client.force_login(employee)
    _post(client, municipality, comments=COMMENTS.encode(), votes=VOTES.encode())
    opinion_map = OpinionMap.objects.get()
    # meanwhile the map got a statement (it cannot in the site: phase is locked)
    Statement.objects.create(
        municipality=municipality, map=opinion_map, text="Et udsagn fra før importen"
    )
    assert not polis_import.polis_import_finish(map_id=opinion_map.pk)
    pending = PolisImport.objects.get()
    assert pending.error == "Meningskortet har allerede udsagn."
    assert pending.comments == pending.votes == ""
    assert Statement.objects.filter(map=opinion_map).count() == 1
    page = client.get(opinion_map.get_absolute_url()).content.decode()
    assert "Importen mislykkedes" in page and "allerede udsagn" in page


def test_the_import_form_and_its_messages_in_english(client, municipality, employee):
    client.force_login(employee)
    client.cookies["django_language"] = "en"
    page = client.get(url("import", municipality), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert 'lang="en"' in html and "Import a Polis conversation" in html
    assert "At most 10 MB in total" in html and "Importér en Polis-samtale" not in html
    bad = COMMENTS + "1,x,3,1,0,0,1," + "a" * 300 + "\n"
    response = client.post(
        url("import", municipality),
        {
            "title": "From Polis",
            "question": "What should the town be?",
            "comments": _upload("c.csv", bad.encode()),
            "votes": _upload("v.csv", VOTES.encode()),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "comments.csv:5: the statement is 300 characters; at most 280" in (
        response.content.decode()
    )
