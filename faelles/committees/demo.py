"""Demo content for task committees: Skanderborg's four committees.

``load_demo`` plays each committee through the services with the clock moved
back: the mandate, the call and the applications, the selection (by lot from
40 applicants with a published seed, or by the council), meetings with
minutes, recommendations handed to the council as a bundle, the council's
decisions and the follow-up with owners, milestones and progress — one action
overdue. The fourth committee's call is open, so the citizen login can apply.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import Membership, ProfileVisibility, User
from faelles.demo.content.foundation import DEMO_PASSWORD
from faelles.municipalities.models import Theme
from faelles.organisations.models import Organisation, OrganisationMember
from faelles.participation.models import ParticipationAct

from . import services
from .demo_content import (
    AREAS,
    COMMITTEES,
    FIRST_NAMES,
    LAST_NAMES,
    MOTIVATIONS,
    POLITICIANS,
)
from .models import AGE_BANDS, GENDERS, FollowUpAction, TaskCommittee
from .phases import Phase

MUNICIPALITY = "skanderborg"
# Youth committee applicants lean young; the others are spread out.
YOUNG = ["15-24"] * 5 + ["25-39"] * 3 + ["40-59"] * 3 + ["60-74"] * 2 + ["75+"]
OLDER = ["40-59"] + ["60-74"] * 4 + ["75+"] * 2


def load_demo(*, municipalities, stdout) -> None:
    municipality = municipalities.get(MUNICIPALITY)
    if municipality is None:
        return
    password = make_password(DEMO_PASSWORD)
    with transaction.atomic():
        _clear(municipality)
        people = _people(municipality)
        people.update(_politicians(municipality, password))
        rng = random.Random(14)  # the same demo every time
        for spec in COMMITTEES:
            committee = _committee(municipality, spec, people, rng, password)
            stdout.write(
                f"  task committee in {municipality.slug}: {committee.title} "
                f"({committee.get_phase_display()})"
            )


def _people(municipality) -> dict:
    domain = f"@{municipality.slug}.faelles.example"
    return {
        u.email.removesuffix(domain): u
        for u in User.objects.filter(email__endswith=domain).order_by("email")
    }


def _clear(municipality) -> None:
    """Remove an earlier load of the demo committees, so loading again refreshes."""
    old = TaskCommittee.objects.filter(
        municipality=municipality, title__in=[c["title"] for c in COMMITTEES]
    )
    ParticipationAct.objects.filter(
        source_type="committees.taskcommittee",
        source_id__in=[str(pk) for pk in old.values_list("pk", flat=True)],
    ).delete()
    old.delete()


def _person(municipality, email, name, postcode, password, **roles) -> User:
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={
            "display_name": name,
            "postcode": postcode,
            "password": password,
            "profile_visibility": ProfileVisibility.MEMBERS
            if roles.get("is_politician")
            else ProfileVisibility.PRIVATE,
        },
    )
    Membership.objects.update_or_create(
        user=user,
        municipality=municipality,
        defaults={"is_citizen": True, **roles},
    )
    return user


def _politicians(municipality, password) -> dict:
    return {
        p["key"]: _person(
            municipality,
            f"{p['key']}.byraad@{municipality.slug}.faelles.example",
            p["display_name"],
            p["postcode"],
            password,
            is_politician=True,
            party=p["party"],
        )
        for p in POLITICIANS
    }


def _applicants(municipality, spec, rng, password) -> list[User]:
    users = []
    for i in range(spec["applicants"]):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        users.append(
            _person(
                municipality,
                f"ansoeger.{spec['key']}.{i + 1:02d}@{municipality.slug}.faelles.example",
                name,
                "8660",
                password,
            )
        )
    return users


def _organisation_of(user) -> Organisation | None:
    link = (
        OrganisationMember.objects.filter(user=user, is_admin=True)
        .select_related("organisation")
        .first()
    )
    return link.organisation if link else None


def _committee(municipality, spec, people, rng, password) -> TaskCommittee:
    now = timezone.now()
    today = timezone.localdate()
    days = spec["days"]
    admin = people["admin"]
    chair = people[spec["chair"]]
    call_opens = now - timedelta(days=days["call"])
    committee = services.committee_create(
        municipality=municipality,
        actor=admin,
        title=spec["title"],
        theme=spec["theme"],
        focus_area=spec["focus_area"],
        summary=spec["summary"],
        mandate=spec["mandate"],
        questions=spec["questions"],
        period_start=today - timedelta(days=spec["period"][0]),
        period_end=today - timedelta(days=spec["period"][1]),
        chair=chair,
        selection_method=spec["selection_method"],
        call_text=spec["call_text"],
        call_opens=call_opens,
        call_closes=now - timedelta(days=days["closes"]),
        seats=spec["seats"],
        strata=spec["strata"],
        areas="\n".join(AREAS),
        quotas={},
    )
    committee = services.committee_set_phase(
        committee=committee, actor=admin, phase=Phase.CALL, now=call_opens
    )
    if spec["secretariat"]:
        services.member_add(
            committee=committee,
            actor=admin,
            user=people[spec["secretariat"]],
            role="secretariat",
        )
    _apply(committee, spec, people, rng, password, call_opens)
    if spec["phase"] == Phase.CALL:
        return committee
    _select(committee, spec, admin)
    committee = services.committee_set_phase(
        committee=committee,
        actor=admin,
        phase=Phase.WORK,
        now=now - timedelta(days=days["work"]),
    )
    _meetings(committee, spec, people)
    recommendations = [
        services.recommendation_create(
            committee=committee,
            actor=chair,
            title=r["title"],
            rationale=r["rationale"],
            expected_cost=r["cost"] or None,
            theme=r.get("theme"),  # none: the committee's theme
        )
        for r in spec["recommendations"]
    ]
    if spec["phase"] == Phase.WORK:
        return committee
    handed_over = spec.get("handed_over", spec.get("decided", 0) + 10)
    committee = services.committee_set_phase(
        committee=committee,
        actor=chair,
        phase=Phase.RECOMMENDATION,
        now=now - timedelta(days=handed_over),
    )
    if spec["phase"] == Phase.RECOMMENDATION:
        return committee
    decided = []
    for recommendation, r in zip(recommendations, spec["recommendations"], strict=True):
        decided.append(
            services.recommendation_decide(
                recommendation=recommendation,
                actor=admin,
                decision=r["decision"],
                reason=r["reason"],
                decided_on=today - timedelta(days=spec["decided"]),
            )
        )
    committee = services.committee_set_phase(
        committee=committee,
        actor=admin,
        phase=Phase.FOLLOW_UP,
        now=now - timedelta(days=spec["follow_up"]),
    )
    for recommendation, r in zip(decided, spec["recommendations"], strict=True):
        for a in r["actions"]:
            _action(municipality, recommendation, a, people, admin)
    return committee


def _apply(committee, spec, people, rng, password, call_opens) -> None:
    municipality = committee.municipality
    applicants = _applicants(municipality, spec, rng, password)
    if spec["key"] == "unge":
        applicants[0] = people["borger"]  # the citizen login has a lottery number
    ages = YOUNG if spec["key"] == "unge" else OLDER
    for i, user in enumerate(applicants):
        services.application_submit(
            committee=committee,
            user=user,
            motivation=rng.choice(MOTIVATIONS),
            age_band=rng.choice(ages),
            gender=rng.choice(GENDERS[:2] * 6 + GENDERS[2:]),
            area=rng.choice(AREAS),
            now=call_opens + timedelta(hours=3 * i + 1),
        )
    for key, applies_as in spec["organisations"]:
        user = people[key]
        services.application_submit(
            committee=committee,
            user=user,
            motivation=(
                "Vi vil gerne bidrage med vores erfaringer og vores netværk i "
                "lokalsamfundet."
            ),
            applies_as=applies_as,
            organisation=_organisation_of(user),
            age_band=AGE_BANDS[2],
            gender=GENDERS[1],
            area=AREAS[0],
            now=call_opens + timedelta(days=2),
        )


def _select(committee, spec, admin) -> None:
    if spec["selection_method"] == "lot":
        job = services.draw_start(committee=committee, actor=admin, seed=spec["seed"])
        services.draw_run(draw_id=job.pk)
        return
    pending = list(
        committee.applications.order_by("-applies_as", "id").values_list(
            "pk", flat=True
        )
    )
    services.applications_select(
        committee=committee, actor=admin, application_ids=pending[: spec["seats"]]
    )


def _meetings(committee, spec, people) -> None:
    now = timezone.now()
    secretary = people[spec["secretariat"]] if spec["secretariat"] else people["admin"]
    for i, (days, title, place, agenda, minutes) in enumerate(spec["meetings"]):
        starts_at = (now - timedelta(days=days)).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
        meeting = services.meeting_create(
            committee=committee,
            actor=secretary,
            title=title,
            starts_at=starts_at,
            place=place,
            agenda=agenda,
        )
        if i == 0:
            services.document_upload(
                meeting=meeting,
                actor=secretary,
                title="Kommissorium",
                upload=SimpleUploadedFile(
                    "kommissorium.txt",
                    committee.mandate.encode(),
                    content_type="text/plain",
                ),
            )
        if minutes and starts_at < now:
            services.minutes_publish(
                meeting=meeting,
                actor=secretary,
                minutes=minutes,
                now=starts_at + timedelta(days=2),
            )


def _action(municipality, recommendation, spec, people, admin) -> FollowUpAction:
    today = timezone.localdate()
    owner = Organisation.objects.departments().get(
        municipality=municipality, slug=spec["owner"]
    )
    initiative = None
    if spec.get("initiative"):
        model = FollowUpAction._meta.get_field("initiative").related_model
        initiative = (
            model._default_manager.filter(municipality=municipality)
            .order_by("id")
            .first()
        )
    action = services.action_create(
        recommendation=recommendation,
        actor=admin,
        title=spec["title"],
        owner=owner,
        responsible=people[spec["responsible"]] if spec["responsible"] else None,
        start_date=today - timedelta(days=spec["start"]),
        due_date=today - timedelta(days=spec["due"]),
        initiative=initiative,
    )
    for title, due, done in spec["milestones"]:
        milestone = services.milestone_add(
            action=action,
            actor=admin,
            title=title,
            due_date=today - timedelta(days=due),
        )
        if done is not None:
            services.milestone_reach(
                milestone=milestone,
                actor=admin,
                done_on=today - timedelta(days=done),
            )
    services.action_update_post(
        action=action,
        actor=admin,
        status=spec["status"],
        progress=spec["progress"],
        text=spec["update"],
        now=timezone.now() - timedelta(days=21),
    )
    return action


# --- scale data -------------------------------------------------------------------

SIZES = {
    "small": {"committees": 10, "recommendations": 250, "actions": 1_000},
    "large": {"committees": 200, "recommendations": 5_000, "actions": 20_000},
}
SEED_PHASES = ([Phase.CALL] * 2 + [Phase.WORK] * 3 + [Phase.RECOMMENDATION] * 3) + [
    Phase.FOLLOW_UP
] * 12


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Committees, recommendations and follow-up actions in bulk, for the status
    pages' benchmarks: most committees in follow-up, a share of actions overdue."""
    from faelles.core.bulk import copy_rows

    from .models import Recommendation

    size = SIZES[scale]
    departments = list(
        Organisation.objects.departments()
        .filter(municipality=municipality)
        .values_list("pk", flat=True)
    )
    politicians = list(
        Membership.objects.filter(municipality=municipality, is_politician=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    if not departments:
        progress(0, f"committees in {municipality.slug}: no departments").close()
        return
    chairs: list[int | None] = list(politicians) or [None]  # a small seed: none
    # Filed under the municipality's own themes (one query; none: no theme).
    themes: list[tuple[int | None, str]] = list(
        Theme.objects.filter(municipality=municipality, is_active=True)
        .order_by("position", "id")
        .values_list("id", "name")
    ) or [(None, "Opgaveudvalg")]
    now = timezone.now().replace(microsecond=0)
    today = timezone.localdate()
    n = size["committees"]
    bar = progress(n + size["recommendations"] + size["actions"], "committees")
    last = TaskCommittee.objects.order_by("-id").values_list("id", flat=True)[:1]
    start = last[0] if last else 0
    phases = [SEED_PHASES[i % len(SEED_PHASES)] for i in range(n)]
    rows: list[tuple[Any, ...]] = []
    for i, phase in enumerate(phases):
        begun = today - timedelta(days=rng.randint(30, 900))
        theme_id, theme_name = themes[i % len(themes)]
        rows.append(
            (
                municipality.pk,
                f"Opgaveudvalg {i + 1}: {theme_name}",
                theme_id,
                "Skaleringsdata.",
                "Udvalget skal komme med anbefalinger til byrådet.",
                "Hvad skal der til?",
                begun,
                begun + timedelta(days=365),
                rng.choice(chairs),
                phase,
                rng.choice(["council", "lot"]),
                "",
                now - timedelta(days=rng.randint(40, 60)),
                now - timedelta(days=rng.randint(1, 30))
                if phase != Phase.CALL
                else now + timedelta(days=14),
                8,
                ["age_band"],
                "",
                {},
                now - timedelta(days=rng.randint(1, 200))
                if phase in (Phase.RECOMMENDATION, Phase.FOLLOW_UP)
                else None,
                now,
                None,
                now - timedelta(days=i),
            )
        )
    copy_rows(
        TaskCommittee,
        [
            "municipality_id",
            "title",
            "theme_id",
            "summary",
            "mandate",
            "questions",
            "period_start",
            "period_end",
            "chair_id",
            "phase",
            "selection_method",
            "call_text",
            "call_opens",
            "call_closes",
            "seats",
            "strata",
            "areas",
            "quotas",
            "handed_over_at",
            "phase_changed_at",
            "created_by_id",
            "created_at",
        ],
        rows,
    )
    bar.update(n)
    committees = list(
        TaskCommittee.objects.filter(municipality=municipality, id__gt=start)
        .order_by("id")
        .values_list("id", "phase", "theme_id")
    )
    # Recommendations spread over the committees that have written them.
    writing = [c for c in committees if c[1] != Phase.CALL]
    decisions = ["adopted"] * 3 + ["adopted_in_part", "rejected"]
    rec_rows: list[tuple[Any, ...]] = []
    numbers: dict[int, int] = {}
    for j in range(size["recommendations"]):
        committee_id, committee_phase, theme = writing[j % len(writing)]
        numbers[committee_id] = numbers.get(committee_id, 0) + 1
        decision = (
            rng.choice(decisions) if committee_phase == Phase.FOLLOW_UP else "pending"
        )
        rec_rows.append(
            (
                municipality.pk,
                committee_id,
                numbers[committee_id],
                f"Anbefaling {numbers[committee_id]}",
                "Skaleringsdata.",
                rng.choice([None, 50_000, 250_000, 1_000_000]),
                theme,
                decision,
                ""
                if decision in ("pending", "adopted")
                else "Delvis af økonomiske grunde.",
                None if decision == "pending" else today - timedelta(days=100),
                None,
                now,
            )
        )
    copy_rows(
        Recommendation,
        [
            "municipality_id",
            "committee_id",
            "number",
            "title",
            "rationale",
            "expected_cost",
            "theme_id",
            "decision",
            "decision_reason",
            "decided_at",
            "decided_by_id",
            "created_at",
        ],
        rec_rows,
    )
    bar.update(len(rec_rows))
    adopted = list(
        Recommendation.objects.filter(
            committee_id__in=[c[0] for c in committees],
            decision__in=["adopted", "adopted_in_part"],
        )
        .order_by("id")
        .values_list("id", flat=True)
    )
    statuses = ["planned", "in_progress", "in_progress", "done", "stopped"]
    action_rows: list[tuple[Any, ...]] = []
    for k in range(size["actions"] if adopted else 0):
        status = rng.choice(statuses)
        due = today + timedelta(days=rng.randint(-200, 400))
        action_rows.append(
            (
                municipality.pk,
                adopted[k % len(adopted)],
                f"Handling {k + 1}",
                "",
                rng.choice(departments),
                rng.choice(chairs) if rng.random() < 0.2 else None,
                status,
                100 if status == "done" else rng.randint(0, 90),
                due - timedelta(days=180),
                due,
                due if status == "done" else None,
                None,
                None,
                now,
                now - timedelta(days=rng.randint(0, 120)),
            )
        )
    copy_rows(
        FollowUpAction,
        [
            "municipality_id",
            "recommendation_id",
            "title",
            "description",
            "owner_id",
            "responsible_id",
            "status",
            "progress",
            "start_date",
            "due_date",
            "completed_on",
            "initiative_id",
            "budget_project_id",
            "created_at",
            "updated_at",
        ],
        action_rows,
    )
    bar.update(len(action_rows))
    bar.close()
