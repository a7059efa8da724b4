"""Selection by lot on the site: reproducible from the published seed, within
the quotas, infeasible quotas refused with a message naming them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faelles.committees import services
from faelles.committees.factories import ApplicationFactory, TaskCommitteeFactory
from faelles.committees.models import (
    Application,
    ApplicationStatus,
    CommitteeMember,
    DrawStatus,
)
from faelles.sortition import draw, meets_quotas

pytestmark = pytest.mark.django_db

AGES = ["15-24", "25-39", "40-59", "60-74"]


def _closed_call(municipality, n=12, seats=4, **kwargs):
    committee = TaskCommitteeFactory(municipality=municipality, seats=seats, **kwargs)
    for i in range(n):
        ApplicationFactory(
            committee=committee,
            age_band=AGES[i % 4],
            gender="kvinde" if i % 3 else "mand",
        )
    committee.call_closes = timezone.now() - timedelta(minutes=1)
    committee.call_opens = timezone.now() - timedelta(days=10)
    committee.save()
    return committee


def test_a_draw_meets_the_quotas_and_can_be_checked_from_the_seed(
    municipality, municipal_admin, django_capture_on_commit_callbacks
):
    committee = _closed_call(municipality)
    with django_capture_on_commit_callbacks(execute=True):
        job = services.draw_start(committee=committee, actor=municipal_admin, seed=42)
    job.refresh_from_db()
    assert job.status == DrawStatus.DONE, job.error
    assert len(job.selected) == 4
    quotas = {f: {v: tuple(b) for v, b in vs.items()} for f, vs in job.quotas.items()}
    assert meets_quotas(job.pool, job.selected, quotas)
    # Anyone with the pool, the quotas and the published seed gets the same panel.
    assert list(draw(job.pool, 4, quotas, 42).selected) == job.selected
    # Each applicant's chance is published; they add up to the seats.
    assert sum(job.probabilities.values()) == pytest.approx(4, abs=1e-3)
    # The drawn applicants hold seats, the others are told.
    chosen = {job.tickets[t] for t in job.selected}
    assert (
        set(
            Application.objects.filter(status=ApplicationStatus.SELECTED).values_list(
                "pk", flat=True
            )
        )
        == chosen
    )
    assert (
        Application.objects.filter(status=ApplicationStatus.NOT_SELECTED).count() == 8
    )
    assert CommitteeMember.objects.filter(committee=committee, by_lot=True).count() == 4


def test_the_same_seed_and_pool_give_the_same_panel_another_seed_may_not(
    municipality, municipal_admin, django_capture_on_commit_callbacks
):
    panels = []
    for seed in (7, 7, 8):
        committee = _closed_call(municipality)
        with django_capture_on_commit_callbacks(execute=True):
            job = services.draw_start(
                committee=committee, actor=municipal_admin, seed=seed
            )
        job.refresh_from_db()
        panels.append(job.selected)  # lottery numbers, same order of applications
    assert panels[0] == panels[1]
    pool = job.pool
    quotas = {f: {v: tuple(b) for v, b in vs.items()} for f, vs in job.quotas.items()}
    assert list(draw(pool, 4, quotas, 7).selected) == panels[0]


def test_infeasible_quotas_are_refused_naming_which(municipality, municipal_admin):
    committee = _closed_call(
        municipality, quotas={"gender": {"kvinde": [4, 4], "mand": [1, 4]}}
    )
    with pytest.raises(ValidationError) as caught:
        services.draw_start(committee=committee, actor=municipal_admin, seed=3)
    text = " ".join(caught.value.messages)
    assert "Kvoterne kan ikke opfyldes" in text
    assert "køn: mindstetallene giver 5 i alt, flere end de 4 pladser" in text
    assert not committee.draws.exists()


def test_a_draw_needs_the_call_to_be_closed_and_enough_applicants(
    municipality, municipal_admin
):
    committee = TaskCommitteeFactory(municipality=municipality, seats=4)
    ApplicationFactory(committee=committee)
    with pytest.raises(ValidationError, match="ansøgningsfristen"):
        services.draw_start(committee=committee, actor=municipal_admin, seed=1)
    committee.call_closes = timezone.now() - timedelta(seconds=1)
    committee.call_opens = timezone.now() - timedelta(days=1)
    committee.save()
    with pytest.raises(ValidationError, match="1 ansøgere til 4 pladser"):
        services.draw_start(committee=committee, actor=municipal_admin, seed=1)


def test_the_published_files_give_the_same_panel_on_the_command_line(
    client,
    municipality,
    municipal_admin,
    django_capture_on_commit_callbacks,
    tmp_path,
    capfd,
):
    import json

    from django.urls import reverse

    from faelles.sortition.cli import main

    committee = _closed_call(municipality, n=10, seats=3)
    with django_capture_on_commit_callbacks(execute=True):
        job = services.draw_start(committee=committee, actor=municipal_admin, seed=99)
    job.refresh_from_db()
    client.force_login(municipal_admin)
    files = {}
    for name in ("draw_pool", "draw_quotas"):
        url = reverse(
            f"committees:{name}", kwargs={"municipality_slug": "odense", "pk": job.pk}
        )
        files[name] = tmp_path / f"{name}.csv"
        files[name].write_bytes(client.get(url).content)
    capfd.readouterr()
    status = main(
        [
            "--pool",
            str(files["draw_pool"]),
            "--quotas",
            str(files["draw_quotas"]),
            "--seats",
            "3",
            "--seed",
            "99",
            "--json",
        ]
    )
    assert status == 0
    printed = json.loads(capfd.readouterr().out)
    assert printed["selected"] == job.selected


@pytest.mark.parametrize(
    ("engine", "shown"),
    [
        (
            "gender/kvinde: min 9 but only 8 applicant(s) have it",
            "køn/kvinde: mindst 9, men kun 8 ansøgere har det",
        ),
        (
            "age_band: the minimums add up to 12, more than the 10 seats",
            "aldersgruppe: mindstetallene giver 12 i alt, flere end de 10 pladser",
        ),
        (
            "area: at most 7 of the 10 seats can be filled "
            "(maximums, or applicants, too few)",
            "område: højst 7 af de 10 pladser kan fyldes",
        ),
        (
            "gender/kvinde: min 3 cannot be met together with the other quotas "
            "(lower it to 1)",
            "køn/kvinde: mindst 3 kan ikke opfyldes sammen med de andre kvoter "
            "(sænk det til 1)",
        ),
        (
            "gender/mand: max 0 cannot be met together with the other quotas "
            "(raise it to 2)",
            "køn/mand: højst 0 kan ikke opfyldes sammen med de andre kvoter "
            "(hæv det til 2)",
        ),
        ("something new", "something new"),
    ],
)
def test_the_engines_problems_are_said_in_the_interfaces_language(engine, shown):
    assert services.problem_text(engine).startswith(shown)
