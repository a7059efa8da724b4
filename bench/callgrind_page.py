"""Requests one page of the competence directory's benchmark municipality N
times, for counting instructions with valgrind (they do not drift with the
machine's speed as wall-clock time does on a shared VM):

    for n in 0 40; do
      FAELLES_DB=/tmp/dir.sqlite3 valgrind --tool=callgrind \\
        .venv/bin/python bench/callgrind_page.py /bench-competences/kompetencer/ $n
    done

Instructions per request = (total with 40 − total with 0) / 40; both runs make
the same 20 warm-up requests. The first run seeds FAELLES_DB (3,000 employees,
as ``bench_competences.py`` does); later runs reuse it, so run the seeding once
without valgrind (n = 0) first. Not part of ``make bench``.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ["DATABASE_URL"] = (
    f"sqlite:///{os.environ.get('FAELLES_DB', '/tmp/faelles-callgrind.sqlite3')}"
)


def main() -> None:
    path, n = sys.argv[1], int(sys.argv[2])

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from bench.bench_competences import SLUG, _Bar, _employees
    from faelles.accounts.models import Membership
    from faelles.competences import demo as competences_demo
    from faelles.municipalities.models import Municipality
    from faelles.municipalities.services import municipality_create

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    municipality = Municipality.objects.filter(slug=SLUG).first()
    if municipality is None:
        municipality = municipality_create(
            slug=SLUG, name="Bench Kommune", programme_name="Bench"
        )
        rng = random.Random(1)
        _employees(municipality, 3_000, rng)
        competences_demo.seed(
            municipality=municipality, scale="large", rng=rng, progress=_Bar
        )
    client = Client()
    client.force_login(
        Membership.objects.filter(municipality=municipality).order_by("pk")[0].user
    )
    for _ in range(20 + n):
        response = client.get(path)
        assert response.status_code == 200, response.status_code


if __name__ == "__main__":
    main()
