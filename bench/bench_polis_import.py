"""Importing a Polis conversation: how long the request takes, and the background
work after it.

    .venv/bin/python bench/bench_polis_import.py                    # SQLite
    scripts/with-postgres .venv/bin/python bench/bench_polis_import.py

For the largest conversation in ../shared/data/polis/opendata (by votes.csv) and a
synthetic one with 100,000 votes: the upload (a zip) posted through Django's test
client (server time, no network) with the task left unqueued, so the time is the
request's own (reading, checking, making the map); then the task that writes
the rows (``polis_import_finish``) and the map's first result (``result_compute``).
"""

from __future__ import annotations

import io
import os
import random
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from bench.bench_pages import machine  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polis" / "opendata"


def synthetic(votes: int = 100_000, comments: int = 300, people: int = 2_000):
    rnd = random.Random(1)
    c = [
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body"
    ]
    c += [
        f"1500000000000,x,{i},{i % 50},0,0,1,Udsagn nummer {i} om byens fremtid"
        for i in range(comments)
    ]
    v = ["timestamp,datetime,comment-id,voter-id,vote"]
    v += [
        f"{1500000000000 + k},x,{rnd.randrange(comments)},{rnd.randrange(people)},"
        f"{rnd.choice((-1, 0, 1))}"
        for k in range(votes)
    ]
    return "\n".join(c).encode(), "\n".join(v).encode()


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)

    from faelles.accounts.factories import MembershipFactory
    from faelles.municipalities.factories import MunicipalityFactory
    from faelles.opinions import polis_import
    from faelles.opinions.models import OpinionMap, Vote
    from faelles.opinions.polis_import import polis_import_finish
    from faelles.opinions.services import result_compute

    # The test settings' queue runs a task at once; here the task is left for
    # later, as the database queue of production leaves it for the worker.
    polis_import._enqueue = lambda map_id: None  # type: ignore[assignment]
    municipality = MunicipalityFactory(slug="polisbench")
    staff = MembershipFactory(
        municipality=municipality, is_employee=True, is_administrator=True
    ).user
    client = Client()
    client.force_login(staff)
    cases = []
    if DATA.is_dir():
        biggest = max(DATA.iterdir(), key=lambda d: (d / "votes.csv").stat().st_size)
        cases.append(
            (
                f"{biggest.name} (largest shared)",
                (biggest / "comments.csv").read_bytes(),
                (biggest / "votes.csv").read_bytes(),
            )
        )
    cases.append(("synthetic, 100,000 votes", *synthetic()))
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"\n### Polis import\n\nMachine: {machine()}; database: {engine}.\n")
    print(
        "| conversation | votes.csv | request ms | task (rows) s | result s | votes |"
    )
    print("|---|---|---|---|---|---|")
    for label, comments, votes in cases:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("comments.csv", comments)
            archive.writestr("votes.csv", votes)
        upload = io.BytesIO(buffer.getvalue())
        upload.name = "polis.zip"
        start = time.perf_counter()
        response = client.post(
            f"/{municipality.slug}/meningskort/importer/",
            {"title": label[:160], "question": "Hvad mener du?", "archive": upload},
        )
        request_ms = (time.perf_counter() - start) * 1000
        assert response.status_code == 302, response.status_code
        opinion_map = OpinionMap.objects.filter(municipality=municipality).first()
        start = time.perf_counter()
        polis_import_finish(map_id=opinion_map.pk)
        task_s = time.perf_counter() - start
        start = time.perf_counter()
        result_compute(map_id=opinion_map.pk)
        result_s = time.perf_counter() - start
        count = Vote.objects.filter(map=opinion_map).count()
        print(
            f"| {label} | {len(votes) / 1e6:.1f} MB | {request_ms:.0f} | "
            f"{task_s:.1f} | {result_s:.1f} | {count:,} |"
        )


if __name__ == "__main__":
    main()
