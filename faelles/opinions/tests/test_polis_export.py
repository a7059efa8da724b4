"""The open-data export in Polis' format: import → export → import gives the same
result, nobody's account can be traced, and who may download it when."""

import io
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from faelles.opinionmap import update
from faelles.opinionmap.cli import as_json
from faelles.opinionmap.polis_io import ExportComment, read_export, write_export
from faelles.opinions import services
from faelles.opinions.factories import OpinionMapFactory, StatementFactory
from faelles.opinions.models import ExportAccess, Participant, StatementStatus
from faelles.opinions.phases import Phase

pytestmark = pytest.mark.django_db


def _unzip(data: bytes, folder: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(folder)
    return folder


def _export(opinion_map, folder):
    from faelles.opinions.selectors import polis_export

    return _unzip(polis_export(opinion_map=opinion_map), folder)


def test_export_then_import_gives_the_stored_result(grouped_map, tmp_path, employee):
    opinion_map, statements, _people = grouped_map
    services.statement_moderate(
        statement=statements[3], actor=employee, status=StatementStatus.REJECTED
    )
    StatementFactory(map=opinion_map, status=StatementStatus.PENDING)
    stored = services.result_compute(map_id=opinion_map.pk)
    conv = read_export(_export(opinion_map, tmp_path / "a"))
    assert conv.moderated_out == {statements[3].pk}
    fresh = update(conv.matrix, moderated_out=conv.moderated_out)
    site = {int(k) for k in stored.positions}
    assert set(fresh.in_conv) == site
    by_label = {}
    for number, label in stored.participant_groups.items():
        by_label.setdefault(label, set()).add(int(number))
    fresh_groups = sorted(
        sorted(g.members) for g in fresh.groups if len(g.members) >= 5
    )
    assert fresh_groups == sorted(sorted(m) for m in by_label.values())


def test_import_export_import_of_a_polis_conversation_is_the_same(
    shared_data, tmp_path
):
    source = shared_data / "polis" / "opendata" / "15-per-hour-seattle"
    first = read_export(source)
    # the log's latest votes, exported again as Polis would
    votes = [
        (p, s, int(first.matrix.values[i, j]), 0)
        for i, p in enumerate(first.matrix.participants)
        for j, s in enumerate(first.matrix.statements)
        if first.matrix.values[i, j] == first.matrix.values[i, j]  # not NaN
    ]
    comments = [
        ExportComment(
            comment_id=s,
            author_id=None,
            moderated=-1 if s in first.moderated_out else 1,
            body="",
            timestamp=0,
        )
        for s in first.matrix.statements
    ]
    folder = tmp_path / "again"
    folder.mkdir()
    for name, text in write_export(comments, votes).items():
        (folder / name).write_text(text, encoding="utf-8")
    second = read_export(folder)
    assert second.matrix.participants == first.matrix.participants
    assert second.matrix.statements == first.matrix.statements
    assert (
        (second.matrix.values == first.matrix.values)
        | (
            (second.matrix.values != second.matrix.values)
            & (first.matrix.values != first.matrix.values)
        )
    ).all()
    a = as_json(update(first.matrix, moderated_out=first.moderated_out))
    b = as_json(update(second.matrix, moderated_out=second.moderated_out))
    assert a == b


def test_the_export_names_no_account(grouped_map, citizen, tmp_path):
    opinion_map, statements, _people = grouped_map
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statements[0].pk, value=1
    )
    mine = Participant.objects.get(map=opinion_map, user=citizen)
    folder = _export(opinion_map, tmp_path / "x")
    votes = (folder / "votes.csv").read_text()
    comments = (folder / "comments.csv").read_text()
    ids = {int(line.split(",")[3]) for line in votes.splitlines()[1:]}
    numbers = set(
        Participant.objects.filter(map=opinion_map).values_list("number", flat=True)
    )
    assert ids == numbers
    assert mine.number in ids
    everything = votes + comments
    for secret in (citizen.email, citizen.display_name):
        assert secret not in everything
    # the export's ids are not the database's ids of people or pseudonyms
    pks = set(Participant.objects.values_list("pk", flat=True)) | {citizen.pk}
    assert not ids & pks
    # times are whole days
    assert all(
        int(line.split(",")[0]) % 86_400_000 == 0 for line in votes.splitlines()[1:]
    )


def test_a_pending_or_rejected_statement_is_exported_without_its_text(
    opinion_map, employee, tmp_path
):
    pending = StatementFactory(map=opinion_map, status=StatementStatus.PENDING)
    rejected = StatementFactory(map=opinion_map, status=StatementStatus.REJECTED)
    comments = (_export(opinion_map, tmp_path / "y") / "comments.csv").read_text()
    assert pending.text not in comments and rejected.text not in comments


def _download(client, opinion_map):
    return client.get(
        reverse(
            "opinions:export",
            kwargs={
                "municipality_slug": opinion_map.municipality.slug,
                "pk": opinion_map.pk,
            },
        )
    )


@pytest.mark.parametrize(
    ("phase", "access", "citizen_may"),
    [
        (Phase.OPEN, ExportAccess.AFTER_CLOSE, False),
        (Phase.CLOSED, ExportAccess.AFTER_CLOSE, True),
        (Phase.OPEN, ExportAccess.ALWAYS, True),
        (Phase.CLOSED, ExportAccess.STAFF, False),
    ],
)
def test_who_may_download_the_export(
    client, municipality, citizen, employee, phase, access, citizen_may
):
    opinion_map = OpinionMapFactory(
        municipality=municipality, phase=phase, export_access=access
    )
    client.force_login(citizen)
    assert _download(client, opinion_map).status_code == (200 if citizen_may else 404)
    client.force_login(employee)
    response = _download(client, opinion_map)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
