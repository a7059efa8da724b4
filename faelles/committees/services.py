"""Every write about task committees: mandate, call, selection, meetings,
recommendations, the council's decisions and follow-up."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.selectors import membership_for
from faelles.core.audit import audit
from faelles.core.files import document_content_type
from faelles.core.services import check_fields, model_update
from faelles.municipalities.themes import (
    check_theme,
    resolve_focus_area,
    resolve_themes,
)
from faelles.notifications.services import notify
from faelles.organisations.models import Organisation, OrganisationMember
from faelles.participation.models import Rung
from faelles.participation.services import record_participation
from faelles.sortition import (
    MAX_SEED,
    InfeasibleQuotas,
    SortitionError,
    check_quotas,
    draw,
    proportional_quotas,
)

from .models import (
    ADOPTED,
    ActionStatus,
    ActionUpdate,
    Application,
    ApplicationStatus,
    AppliesAs,
    CommitteeMember,
    Decision,
    Draw,
    DrawStatus,
    FollowUpAction,
    Meeting,
    MeetingDocument,
    MemberRole,
    Milestone,
    Recommendation,
    Stratum,
    TaskCommittee,
)
from .phases import COMMITTEE_PHASES, Phase

# What a committee's form edits, in the order the form shows it.
COMMITTEE_FIELDS = (
    "title",
    "theme",
    "focus_area",
    "summary",
    "mandate",
    "questions",
    "period_start",
    "period_end",
    "chair",
    "selection_method",
    "call_text",
    "call_opens",
    "call_closes",
    "seats",
    "strata",
    "areas",
    "quotas",
)
MEETING_FIELDS = ("title", "starts_at", "place", "agenda")
# The seat an applicant gets, by what they applied as.
ROLE_OF: dict[str, str] = {
    AppliesAs.BUSINESS: MemberRole.BUSINESS,
    AppliesAs.ASSOCIATION: MemberRole.ASSOCIATION,
}
RECOMMENDATION_FIELDS = ("title", "rationale", "expected_cost", "theme", "focus_area")


def _resolve_themes(municipality, fields: dict[str, Any]) -> None:
    """A theme and focus area given as objects or keys become the municipality's
    own (docs/themes.md); another municipality's, or an unknown key, is refused."""
    if "theme" in fields:
        value = fields["theme"]
        fields["theme"] = (
            None if value in (None, "") else resolve_themes(municipality, [value])[0]
        )
    if "focus_area" in fields:
        fields["focus_area"] = resolve_focus_area(municipality, fields["focus_area"])


def _check_theme(municipality, filed: TaskCommittee | Recommendation) -> None:
    """A focus area without a theme files the object under the area's theme;
    the area must belong to the theme, and both to the municipality."""
    if filed.focus_area is not None and filed.theme is None:
        check_theme(municipality, None, filed.focus_area)
        filed.theme = filed.focus_area.theme
    check_theme(municipality, filed.theme, filed.focus_area)


def _committee_problems(committee: TaskCommittee) -> None:
    """What the model's own validation cannot see: the chair, strata, quotas."""
    errors: dict[str, list[str]] = {}
    if committee.chair_id is not None:
        membership = membership_for(committee.chair, committee.municipality)
        if membership is None or not membership.is_politician:
            errors["chair"] = [
                _("Formanden skal være politiker i kommunen."),
            ]
    strata = committee.strata or []
    known = set(Stratum.values)
    if not isinstance(strata, list) or not set(strata) <= known:
        errors["strata"] = [_("Vælg blandt aldersgruppe, køn og område.")]
    elif len(set(strata)) != len(strata):
        errors["strata"] = [_("Et kriterium er valgt to gange.")]
    elif Stratum.AREA in strata and not committee.area_list:
        errors["areas"] = [_("Skriv de områder, ansøgerne kan vælge imellem.")]
    if committee.quotas:
        problems = _quota_problems(committee)
        if problems:
            errors["quotas"] = problems
    if errors:
        raise ValidationError(errors)


def _quota_problems(committee: TaskCommittee) -> list[str]:
    problems = []
    strata = committee.strata or []
    if not isinstance(committee.quotas, dict):
        return [_("Kvoterne kunne ikke læses.")]
    for stratum, values in committee.quotas.items():
        if stratum not in strata:
            problems.append(
                _("Der er kvoter for %(stratum)s, som indkaldelsen ikke spørger om.")
                % {"stratum": stratum}
            )
            continue
        allowed = committee.values_of(stratum)
        for value, bounds in values.items():
            if value not in allowed:
                problems.append(
                    _("%(stratum)s/%(value)s er ikke en af indkaldelsens værdier.")
                    % {"stratum": stratum, "value": value}
                )
            lo, hi = bounds
            if lo > hi:
                problems.append(
                    _("%(stratum)s/%(value)s: mindst %(lo)s er mere end højst %(hi)s.")
                    % {"stratum": stratum, "value": value, "lo": lo, "hi": hi}
                )
    return problems


# --- committees -----------------------------------------------------------------


@transaction.atomic
def committee_create(*, municipality, actor, **fields: Any) -> TaskCommittee:
    check_fields(fields, COMMITTEE_FIELDS)
    _resolve_themes(municipality, fields)
    committee = TaskCommittee(municipality=municipality, created_by=actor, **fields)
    _check_theme(municipality, committee)
    committee.full_clean()
    _committee_problems(committee)
    committee.save()
    if committee.chair_id is not None:
        _add_member(committee, committee.chair, MemberRole.POLITICIAN)
    audit(
        action="committees.committee_create",
        actor=actor,
        municipality=municipality,
        target=committee,
        data={"title": committee.title},
    )
    return committee


@transaction.atomic
def committee_update(
    *, committee: TaskCommittee, actor, **fields: Any
) -> TaskCommittee:
    check_fields(fields, COMMITTEE_FIELDS)
    if not COMMITTEE_PHASES.permits(committee, "edit_mandate"):
        raise ValidationError(
            _("Kommissorium og indkaldelse kan ikke ændres, når udvalget er i gang.")
        )
    municipality = committee.municipality
    _resolve_themes(municipality, fields)

    def problems(locked: TaskCommittee, old: dict) -> None:
        _check_theme(municipality, locked)
        _committee_problems(locked)

    updated = model_update(
        committee,
        fields=fields,
        actor=actor,
        action="committees.committee_update",
        before_save=problems,
    )
    if updated.chair_id is not None:
        _add_member(updated, updated.chair, MemberRole.POLITICIAN)
    return updated


def phase_change_problems(
    committee: TaskCommittee, phase: str, *, now: datetime | None = None
) -> list[str]:
    """Why the committee cannot move to ``phase`` now (empty when it can)."""
    now = now or timezone.now()
    if phase not in COMMITTEE_PHASES:
        return [_("Ukendt fase.")]
    following = COMMITTEE_PHASES.next(committee, now=now)
    if following is None or phase != following.key:
        return [_("Et opgaveudvalg går én fase frem ad gangen.")]
    problems = []
    if phase == Phase.CALL:
        if committee.chair_id is None:
            problems.append(_("Udvalget skal have en formand."))
        if committee.call_opens is None or committee.call_closes is None:
            problems.append(_("Angiv, hvornår man kan søge om en plads."))
        elif committee.call_closes <= now:
            problems.append(_("Ansøgningsfristen er allerede passeret."))
        if committee.selection_method == "lot" and not committee.strata:
            problems.append(
                _("Vælg, hvad lodtrækningen skal sikre spredning på (fx alder).")
            )
    elif phase == Phase.WORK:
        if not committee.call_closed(now):
            problems.append(_("Ansøgningsfristen er ikke udløbet endnu."))
        if committee.draws.filter(status=DrawStatus.QUEUED).exists():
            problems.append(_("Vent, til lodtrækningen er færdig."))
    elif phase == Phase.RECOMMENDATION:
        if not committee.recommendations.exists():
            problems.append(
                _("Udvalget har ingen anbefalinger at aflevere til byrådet.")
            )
    elif (
        phase == Phase.FOLLOW_UP
        and committee.recommendations.filter(decision=Decision.PENDING).exists()
    ):
        problems.append(
            _("Byrådet har ikke besluttet noget om alle anbefalingerne endnu.")
        )
    return problems


@transaction.atomic
def committee_set_phase(
    *, committee: TaskCommittee, actor, phase: str, now: datetime | None = None
) -> TaskCommittee:
    """Move the committee one phase on. Moving to *recommendation* hands the
    recommendations to the council as one bundle; moving to *work* closes the
    selection (applicants not chosen are told)."""
    now = now or timezone.now()
    committee = TaskCommittee.objects.select_for_update().get(pk=committee.pk)
    problems = phase_change_problems(committee, phase, now=now)
    if problems:
        raise ValidationError(problems)
    committee.phase = phase
    committee.phase_changed_at = now
    fields = ["phase", "phase_changed_at"]
    if phase == Phase.RECOMMENDATION:
        committee.handed_over_at = now
        fields.append("handed_over_at")
    committee.save(update_fields=fields)
    if phase == Phase.WORK:
        _close_selection(committee)
    audit(
        action="committees.committee_phase",
        actor=actor,
        municipality=committee.municipality,
        target=committee,
        data={"phase": phase},
        now=now,
    )
    if phase == Phase.RECOMMENDATION:
        _notify_members(
            committee,
            kind="committees.handed_over",
            title=lambda: (
                _("Anbefalingerne er afleveret til byrådet: %(title)s")
                % {"title": committee.title}
            ),
        )
    return committee


def _close_selection(committee: TaskCommittee) -> None:
    passed = list(
        committee.applications.filter(status=ApplicationStatus.PENDING).select_related(
            "user"
        )
    )
    committee.applications.filter(status=ApplicationStatus.PENDING).update(
        status=ApplicationStatus.NOT_SELECTED
    )
    for application in passed:
        _tell_applicant(application, selected=False)


def _notify_members(committee: TaskCommittee, **kwargs) -> None:
    members = [m.user for m in committee.members.select_related("user")]
    url = committee.get_absolute_url()

    def send():
        for user in members:
            notify(
                recipient=user, municipality=committee.municipality, url=url, **kwargs
            )

    transaction.on_commit(send)


# --- members --------------------------------------------------------------------


def _role_allowed(committee: TaskCommittee, user, role: str) -> None:
    membership = membership_for(user, committee.municipality)
    if membership is None:
        raise ValidationError(_("Personen er ikke med i kommunen på Fælles."))
    if role == MemberRole.POLITICIAN and not membership.is_politician:
        raise ValidationError(_("Kun politikere kan sidde i udvalget som politiker."))
    if role == MemberRole.SECRETARIAT and not membership.is_employee:
        raise ValidationError(_("Sekretariatet består af kommunens medarbejdere."))


def _add_member(
    committee: TaskCommittee,
    user,
    role: str,
    *,
    organisation: Organisation | None = None,
    by_lot: bool = False,
) -> CommitteeMember:
    member, created = CommitteeMember.objects.get_or_create(
        committee=committee,
        user=user,
        defaults={
            "municipality": committee.municipality,
            "role": role,
            "organisation": organisation,
            "by_lot": by_lot,
        },
    )
    if created and role not in (MemberRole.SECRETARIAT, MemberRole.POLITICIAN):
        # A citizen's, business's or association's seat in the municipality's
        # leadership (docs/activity-ladder.md); staff and politicians are at work.
        record_participation(
            municipality=committee.municipality,
            user=user,
            action="committees.member",
            rung=Rung.LEADERSHIP,
            source=committee,
        )
    return member


@transaction.atomic
def member_add(
    *,
    committee: TaskCommittee,
    actor,
    user,
    role: str,
    organisation: Organisation | None = None,
) -> CommitteeMember:
    if role not in MemberRole.values:
        raise ValidationError(_("Ukendt rolle."))
    _role_allowed(committee, user, role)
    if committee.members.filter(user=user).exists():
        raise ValidationError(_("Personen sidder allerede i udvalget."))
    _check_organisation(committee, user, role, organisation)
    member = _add_member(committee, user, role, organisation=organisation)
    audit(
        action="committees.member_add",
        actor=actor,
        municipality=committee.municipality,
        target=committee,
        data={"role": role},
    )
    transaction.on_commit(
        lambda: notify(
            recipient=user,
            municipality=committee.municipality,
            kind="committees.member",
            title=lambda: (
                _("Du er med i opgaveudvalget %(title)s") % {"title": committee.title}
            ),
            url=committee.get_absolute_url(),
        )
    )
    return member


def _check_organisation(committee, user, role, organisation) -> None:
    if organisation is None:
        return
    if organisation.municipality_id != committee.municipality_id:
        raise ValidationError(_("Organisationen hører ikke til kommunen."))
    if role not in (MemberRole.BUSINESS, MemberRole.ASSOCIATION):
        raise ValidationError(
            _("Kun virksomheder og foreninger sidder for en organisation.")
        )
    if not OrganisationMember.objects.filter(
        organisation=organisation, user=user
    ).exists():
        raise ValidationError(_("Personen er ikke med i organisationen."))


@transaction.atomic
def member_remove(*, member: CommitteeMember, actor) -> None:
    committee = member.committee
    if member.user_id == committee.chair_id:
        raise ValidationError(
            _("Formanden kan ikke fjernes; vælg først en anden formand.")
        )
    audit(
        action="committees.member_remove",
        actor=actor,
        municipality=committee.municipality,
        target=committee,
        data={"role": member.role},
    )
    member.delete()


# --- the call and applications ----------------------------------------------------


@transaction.atomic
def application_submit(
    *,
    committee: TaskCommittee,
    user,
    motivation: str,
    applies_as: str = AppliesAs.CITIZEN,
    organisation: Organisation | None = None,
    age_band: str = "",
    gender: str = "",
    area: str = "",
    now: datetime | None = None,
) -> Application:
    """Apply for a seat. Only the strata the call asks for are kept."""
    now = now or timezone.now()
    if not committee.call_open(now=now):
        raise ValidationError(_("Der er ikke åbent for ansøgninger til udvalget."))
    if membership_for(user, committee.municipality) is None:
        raise ValidationError(_("Du skal være med i kommunen på Fælles for at søge."))
    if committee.members.filter(user=user).exists():
        raise ValidationError(_("Du sidder allerede i udvalget."))
    if committee.applications.filter(user=user).exists():
        raise ValidationError(_("Du har allerede søgt om en plads i udvalget."))
    given = {"age_band": age_band, "gender": gender, "area": area}
    asked = set(committee.strata)
    errors: dict[str, list[str]] = {}
    for stratum, value in given.items():
        if stratum not in asked:
            given[stratum] = ""  # not asked: not kept
        elif not value:
            errors[stratum] = [_("Indkaldelsen beder om dette.")]
        elif value not in committee.values_of(stratum):
            errors[stratum] = [_("Vælg en af mulighederne.")]
    if errors:
        raise ValidationError(errors)
    role = ROLE_OF.get(applies_as, MemberRole.CITIZEN)
    _check_organisation(committee, user, role, organisation)
    application = Application(
        municipality=committee.municipality,
        committee=committee,
        user=user,
        motivation=motivation.strip(),
        applies_as=applies_as,
        organisation=organisation,
        created_at=now,
        **given,
    )
    application.full_clean()
    application.save()
    record_participation(
        municipality=committee.municipality,
        user=user,
        action="committees.apply",
        rung=Rung.LEADERSHIP,
        source=committee,
        occurred_at=now,
    )
    audit(
        action="committees.application_submit",
        actor=user,
        municipality=committee.municipality,
        target=committee,
    )
    return application


@transaction.atomic
def application_withdraw(*, application: Application, user) -> None:
    if application.user_id != user.pk:
        raise ValidationError(_("Du kan kun trække din egen ansøgning tilbage."))
    if application.status != ApplicationStatus.PENDING:
        raise ValidationError(_("Udvælgelsen er sket; ansøgningen kan ikke trækkes."))
    if application.committee.draws.filter(status=DrawStatus.QUEUED).exists():
        raise ValidationError(_("Lodtrækningen er i gang."))
    audit(
        action="committees.application_withdraw",
        actor=user,
        municipality=application.municipality,
        target=application.committee,
    )
    application.delete()


def _member_role(application: Application) -> str:
    return ROLE_OF.get(application.applies_as, MemberRole.CITIZEN)


def _tell_applicant(application: Application, *, selected: bool) -> None:
    committee = application.committee
    user = application.user
    if selected:

        def title():
            return _("Du har fået en plads i opgaveudvalget %(title)s") % {
                "title": committee.title
            }

    else:

        def title():
            return _("Du fik ikke en plads i opgaveudvalget %(title)s denne gang") % {
                "title": committee.title
            }

    transaction.on_commit(
        lambda: notify(
            recipient=user,
            municipality=committee.municipality,
            kind="committees.selection",
            title=title,
            url=committee.get_absolute_url(),
            dedupe_key=f"committees.selection.{application.pk}",
        )
    )


@transaction.atomic
def applications_select(
    *, committee: TaskCommittee, actor, application_ids: list[int]
) -> list[CommitteeMember]:
    """The council picks members among the applicants (selection by the council)."""
    if not COMMITTEE_PHASES.permits(committee, "select"):
        raise ValidationError(_("Udvælgelsen er slut."))
    if not committee.call_closed():
        raise ValidationError(_("Vent, til ansøgningsfristen er udløbet."))
    chosen = list(
        committee.applications.filter(
            pk__in=application_ids, status=ApplicationStatus.PENDING
        ).select_related("user", "organisation")
    )
    if not chosen or len(chosen) != len(set(application_ids)):
        raise ValidationError(_("Vælg blandt de ansøgere, der venter på svar."))
    members = []
    for application in chosen:
        application.status = ApplicationStatus.SELECTED
        application.save(update_fields=["status"])
        members.append(
            _add_member(
                committee,
                application.user,
                _member_role(application),
                organisation=application.organisation,
            )
        )
        _tell_applicant(application, selected=True)
    audit(
        action="committees.applications_select",
        actor=actor,
        municipality=committee.municipality,
        target=committee,
        data={"count": len(chosen)},
    )
    return members


# --- selection by lot -------------------------------------------------------------


def draw_pool(
    committee: TaskCommittee,
) -> tuple[dict[str, dict[str, str]], dict[str, int]]:
    """The pending applicants as lottery numbers with their strata, and the
    number → application map. Numbers follow the order of application."""
    applications = list(
        committee.applications.filter(status=ApplicationStatus.PENDING).order_by("id")
    )
    width = max(3, len(str(len(applications))))
    pool, tickets = {}, {}
    for i, application in enumerate(applications, start=1):
        ticket = f"{i:0{width}d}"
        pool[ticket] = {s: application.stratum(s) for s in committee.strata}
        tickets[ticket] = application.pk
    return pool, tickets


def _quotas_for(committee: TaskCommittee, pool, seats: int):
    if committee.quotas:
        return {
            stratum: {value: (int(lo), int(hi)) for value, (lo, hi) in values.items()}
            for stratum, values in committee.quotas.items()
        }, False
    return proportional_quotas(pool, committee.strata, seats), True


# The engine names each problem in English (docs/sortition.md); these are the
# ones a call can run into, said in the interface's language.
PROBLEMS: list[tuple[re.Pattern[str], Callable[[], str]]] = [
    (
        re.compile(
            r"^(?P<w>.+): min (?P<lo>\d+) but only (?P<n>\d+) applicant\(s\) have it$"
        ),
        lambda: _("%(w)s: mindst %(lo)s, men kun %(n)s ansøgere har det"),
    ),
    (
        re.compile(
            r"^(?P<w>.+): the minimums add up to (?P<lo>\d+), more than the (?P<n>\d+) seats$"
        ),
        lambda: _(
            "%(w)s: mindstetallene giver %(lo)s i alt, flere end de %(n)s pladser"
        ),
    ),
    (
        re.compile(
            r"^(?P<w>.+): at most (?P<hi>\d+) of the (?P<n>\d+) seats can be filled"
        ),
        lambda: _(
            "%(w)s: højst %(hi)s af de %(n)s pladser kan fyldes (for lave højstetal "
            "eller for få ansøgere)"
        ),
    ),
    (
        re.compile(
            r"^(?P<w>.+): min (?P<lo>\d+) cannot be met together with the other quotas \(lower it to (?P<n>\d+)\)$"
        ),
        lambda: _(
            "%(w)s: mindst %(lo)s kan ikke opfyldes sammen med de andre kvoter "
            "(sænk det til %(n)s)"
        ),
    ),
    (
        re.compile(
            r"^(?P<w>.+): max (?P<hi>\d+) cannot be met together with the other quotas \(raise it to (?P<n>\d+)\)$"
        ),
        lambda: _(
            "%(w)s: højst %(hi)s kan ikke opfyldes sammen med de andre kvoter "
            "(hæv det til %(n)s)"
        ),
    ),
    (
        re.compile(r"^the quotas cannot all be met together$"),
        lambda: _("kvoterne kan ikke opfyldes på samme tid"),
    ),
]


def _where(text: str) -> str:
    """``gender/kvinde`` → ``køn/kvinde``: the stratum by its name."""
    stratum, _slash, value = text.partition("/")
    if stratum in Stratum.values:
        stratum = str(Stratum(stratum).label).lower()
    return f"{stratum}/{value}" if value else stratum


def problem_text(problem: str) -> str:
    for pattern, sentence in PROBLEMS:
        match = pattern.match(problem)
        if match:
            values = match.groupdict()
            if "w" in values:
                values["w"] = _where(values["w"])
            return sentence() % values
    return problem


def _infeasible(error: InfeasibleQuotas) -> ValidationError:
    return ValidationError(
        [_("Kvoterne kan ikke opfyldes:")] + [problem_text(p) for p in error.problems]
    )


@transaction.atomic
def draw_start(
    *, committee: TaskCommittee, actor, seed: int, now: datetime | None = None
) -> Draw:
    """Check the draw can be made and leave it to a background task."""
    from .tasks import run_draw

    now = now or timezone.now()
    committee = TaskCommittee.objects.select_for_update().get(pk=committee.pk)
    if not COMMITTEE_PHASES.permits(committee, "select", now=now):
        raise ValidationError(_("Udvælgelsen er slut."))
    if not committee.call_closed(now):
        raise ValidationError(_("Vent, til ansøgningsfristen er udløbet."))
    if not committee.strata:
        raise ValidationError(_("Indkaldelsen spørger ikke om noget at trække efter."))
    if committee.draws.exclude(status=DrawStatus.FAILED).exists():
        raise ValidationError(_("Der er allerede trukket lod til udvalget."))
    if isinstance(seed, bool) or not 1 <= seed <= MAX_SEED:
        raise ValidationError(
            {
                "seed": _("Frøet skal være et helt tal fra 1 til %(max)s.")
                % {"max": MAX_SEED}
            }
        )
    pool, tickets = draw_pool(committee)
    seats = committee.seats
    if len(pool) < seats:
        raise ValidationError(
            _("Der er %(n)s ansøgere til %(seats)s pladser; der skal ikke trækkes lod.")
            % {"n": len(pool), "seats": seats}
        )
    try:
        quotas, proportional = _quotas_for(committee, pool, seats)
        check_quotas(pool, seats, quotas)
    except InfeasibleQuotas as error:
        raise _infeasible(error) from None
    except SortitionError as error:
        raise ValidationError(str(error)) from None
    job = Draw(
        municipality=committee.municipality,
        committee=committee,
        seed=seed,
        seats=seats,
        proportional=proportional,
        quotas={f: {v: list(b) for v, b in vs.items()} for f, vs in quotas.items()},
        pool=pool,
        tickets=tickets,
        created_by=actor,
        created_at=now,
    )
    job.full_clean()
    job.save()
    audit(
        action="committees.draw_start",
        actor=actor,
        municipality=committee.municipality,
        target=committee,
        data={"seed": seed, "seats": seats, "pool": len(pool)},
        now=now,
    )
    transaction.on_commit(lambda: run_draw.enqueue(job.pk))
    return job


def draw_run(*, draw_id: int) -> Draw:
    """Run one draw (in the worker): the fair algorithm, then the seats."""
    job = Draw.objects.select_related("committee", "municipality").get(pk=draw_id)
    if job.status != DrawStatus.QUEUED:
        return job  # already run (a task delivered twice)
    quotas = {f: {v: tuple(b) for v, b in vs.items()} for f, vs in job.quotas.items()}
    try:
        panel = draw(job.pool, job.seats, quotas, job.seed)
    except InfeasibleQuotas as error:
        _draw_failed(job, " ".join(_infeasible(error).messages))
        return job
    except SortitionError as error:
        _draw_failed(job, str(error))
        return job
    return _draw_seat(job, panel.selected, panel.probabilities, panel.method)


def _draw_failed(job: Draw, message: str) -> None:
    job.status = DrawStatus.FAILED
    job.error = message
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])


@transaction.atomic
def _draw_seat(job: Draw, selected, probabilities, method: str) -> Draw:
    job.status = DrawStatus.DONE
    job.selected = list(selected)
    job.probabilities = probabilities
    job.method = method
    job.finished_at = timezone.now()
    job.save(
        update_fields=["status", "selected", "probabilities", "method", "finished_at"]
    )
    committee = job.committee
    chosen = {job.tickets[t] for t in selected}
    for application in committee.applications.filter(
        pk__in=list(job.tickets.values()), status=ApplicationStatus.PENDING
    ).select_related("user", "organisation"):
        is_chosen = application.pk in chosen
        application.status = (
            ApplicationStatus.SELECTED if is_chosen else ApplicationStatus.NOT_SELECTED
        )
        application.save(update_fields=["status"])
        if is_chosen:
            _add_member(
                committee,
                application.user,
                _member_role(application),
                organisation=application.organisation,
                by_lot=True,
            )
        _tell_applicant(application, selected=is_chosen)
    audit(
        action="committees.draw_done",
        actor=job.created_by,
        municipality=job.municipality,
        target=job,
        data={"seed": job.seed, "selected": job.selected},
    )
    return job


# --- meetings ---------------------------------------------------------------------


def _current(committee_id: int) -> TaskCommittee:
    """The committee as stored now: a related object may have been loaded
    before the phase moved on."""
    return TaskCommittee.objects.get(pk=committee_id)


def _meetings_allowed(committee_id: int) -> None:
    if not COMMITTEE_PHASES.permits(_current(committee_id), "meetings"):
        raise ValidationError(_("Udvalget holder ikke møder i denne fase."))


@transaction.atomic
def meeting_create(*, committee: TaskCommittee, actor, **fields: Any) -> Meeting:
    check_fields(fields, MEETING_FIELDS)
    _meetings_allowed(committee.pk)
    meeting = Meeting(
        municipality=committee.municipality, committee=committee, **fields
    )
    meeting.full_clean()
    meeting.save()
    audit(
        action="committees.meeting_create",
        actor=actor,
        municipality=committee.municipality,
        target=meeting,
    )
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor, **fields: Any) -> Meeting:
    check_fields(fields, MEETING_FIELDS)
    _meetings_allowed(meeting.committee_id)
    return model_update(
        meeting, fields=fields, actor=actor, action="committees.meeting_update"
    )


@transaction.atomic
def minutes_publish(
    *, meeting: Meeting, actor, minutes: str, now: datetime | None = None
) -> Meeting:
    """Publish (or correct) the minutes of a meeting that has been held."""
    now = now or timezone.now()
    _meetings_allowed(meeting.committee_id)
    if meeting.starts_at > now:
        raise ValidationError(_("Der kan først skrives referat, når mødet er holdt."))
    if not minutes.strip():
        raise ValidationError({"minutes": _("Skriv referatet.")})
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.minutes = minutes.strip()
    if meeting.minutes_published_at is None:
        meeting.minutes_published_at = now
    meeting.full_clean()
    meeting.save(update_fields=["minutes", "minutes_published_at"])
    audit(
        action="committees.minutes_publish",
        actor=actor,
        municipality=meeting.municipality,
        target=meeting,
        now=now,
    )
    return meeting


@transaction.atomic
def document_upload(*, meeting: Meeting, actor, title: str, upload) -> MeetingDocument:
    _meetings_allowed(meeting.committee_id)
    content_type = document_content_type(upload)
    document = MeetingDocument(
        municipality=meeting.municipality,
        meeting=meeting,
        title=title.strip() or upload.name,
        file=upload,
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    document.full_clean()
    document.save()
    audit(
        action="committees.document_upload",
        actor=actor,
        municipality=meeting.municipality,
        target=meeting,
    )
    return document


# --- recommendations and the council's decision -----------------------------------


@transaction.atomic
def recommendation_create(
    *, committee: TaskCommittee, actor, **fields: Any
) -> Recommendation:
    check_fields(fields, RECOMMENDATION_FIELDS)
    if not COMMITTEE_PHASES.permits(committee, "recommend"):
        raise ValidationError(
            _("Anbefalinger skrives, mens udvalget arbejder, før de afleveres.")
        )
    committee = TaskCommittee.objects.select_for_update().get(pk=committee.pk)
    municipality = committee.municipality
    _resolve_themes(municipality, fields)
    last = committee.recommendations.aggregate(n=Max("number"))["n"] or 0
    recommendation = Recommendation(
        municipality=municipality,
        committee=committee,
        number=last + 1,
        **fields,
    )
    if recommendation.theme is None and recommendation.focus_area is None:
        # The theme it serves is the committee's, unless it says otherwise.
        recommendation.theme = committee.theme
        recommendation.focus_area = committee.focus_area
    _check_theme(municipality, recommendation)
    recommendation.full_clean()
    recommendation.save()
    audit(
        action="committees.recommendation_create",
        actor=actor,
        municipality=committee.municipality,
        target=recommendation,
    )
    return recommendation


@transaction.atomic
def recommendation_update(
    *, recommendation: Recommendation, actor, **fields: Any
) -> Recommendation:
    check_fields(fields, RECOMMENDATION_FIELDS)
    if not COMMITTEE_PHASES.permits(_current(recommendation.committee_id), "recommend"):
        raise ValidationError(
            _("Anbefalingerne er afleveret til byrådet og kan ikke ændres.")
        )
    municipality = recommendation.municipality
    _resolve_themes(municipality, fields)
    return model_update(
        recommendation,
        fields=fields,
        actor=actor,
        action="committees.recommendation_update",
        before_save=lambda locked, old: _check_theme(municipality, locked),
    )


@transaction.atomic
def recommendation_decide(
    *,
    recommendation: Recommendation,
    actor,
    decision: str,
    reason: str = "",
    decided_on: date | None = None,
) -> Recommendation:
    """Record the council's decision on one recommendation of the bundle."""
    committee = _current(recommendation.committee_id)
    if not COMMITTEE_PHASES.permits(committee, "decide"):
        raise ValidationError(
            _("Byrådets beslutning registreres, når anbefalingerne er afleveret.")
        )
    if decision not in Decision.values or decision == Decision.PENDING:
        raise ValidationError({"decision": _("Vælg byrådets beslutning.")})
    reason = reason.strip()
    if decision != Decision.ADOPTED and not reason:
        raise ValidationError(
            {
                "reason": _(
                    "Skriv byrådets begrundelse, når anbefalingen ikke vedtages fuldt ud."
                )
            }
        )
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("Datoen ligger i fremtiden.")})
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    locked.decision = decision
    locked.decision_reason = reason
    locked.decided_at = decided_on
    locked.decided_by = actor
    locked.full_clean()
    locked.save(
        update_fields=["decision", "decision_reason", "decided_at", "decided_by"]
    )
    audit(
        action="committees.recommendation_decide",
        actor=actor,
        municipality=locked.municipality,
        target=locked,
        data={"decision": decision},
    )
    _notify_members(
        committee,
        kind="committees.decision",
        title=lambda: (
            _("Byrådet har besluttet anbefaling %(number)s: %(title)s")
            % {"number": locked.number, "title": locked.title}
        ),
    )
    return locked


# --- follow-up --------------------------------------------------------------------


def _same_municipality(obj, municipality, field: str, message: str) -> None:
    if obj is not None and obj.municipality_id != municipality.pk:
        raise ValidationError({field: message})


@transaction.atomic
def action_create(
    *,
    recommendation: Recommendation,
    actor,
    title: str,
    owner: Organisation,
    due_date: date,
    description: str = "",
    responsible=None,
    start_date: date | None = None,
    initiative=None,
    budget_project=None,
    hearing=None,
) -> FollowUpAction:
    """Turn an adopted recommendation into a tracked action with an owner."""
    municipality = recommendation.municipality
    if not COMMITTEE_PHASES.permits(_current(recommendation.committee_id), "follow_up"):
        raise ValidationError(_("Opfølgning begynder, når byrådet har besluttet."))
    if recommendation.decision not in ADOPTED:
        raise ValidationError(_("Kun vedtagne anbefalinger følges op."))
    if owner.municipality_id != municipality.pk or owner.kind != "department":
        raise ValidationError({"owner": _("Vælg en af kommunens afdelinger.")})
    if responsible is not None and membership_for(responsible, municipality) is None:
        raise ValidationError(
            {"responsible": _("Personen er ikke med i kommunen på Fælles.")}
        )
    _same_municipality(
        initiative,
        municipality,
        "initiative",
        _("Initiativet hører ikke til kommunen."),
    )
    _same_municipality(
        budget_project,
        municipality,
        "budget_project",
        _("Projektet hører ikke til kommunen."),
    )
    _same_municipality(
        hearing,
        municipality,
        "hearing",
        _("Høringen hører ikke til kommunen."),
    )
    if start_date is not None and due_date < start_date:
        raise ValidationError({"due_date": _("Slutdatoen ligger før starten.")})
    action = FollowUpAction(
        municipality=municipality,
        recommendation=recommendation,
        title=title,
        description=description,
        owner=owner,
        responsible=responsible,
        start_date=start_date,
        due_date=due_date,
        initiative=initiative,
        budget_project=budget_project,
        hearing=hearing,
    )
    action.full_clean()
    action.save()
    audit(
        action="committees.action_create",
        actor=actor,
        municipality=municipality,
        target=action,
    )
    if responsible is not None:
        transaction.on_commit(
            lambda: notify(
                recipient=responsible,
                municipality=municipality,
                kind="committees.action",
                title=lambda: (
                    _("Du er ansvarlig for opfølgningen: %(title)s")
                    % {"title": action.title}
                ),
                url=action.get_absolute_url(),
            )
        )
    return action


@transaction.atomic
def action_update_post(
    *,
    action: FollowUpAction,
    actor,
    status: str,
    progress: int,
    text: str,
    now: datetime | None = None,
) -> ActionUpdate:
    """Report progress: the action takes the update's state, progress and time."""
    now = now or timezone.now()
    if not COMMITTEE_PHASES.permits(
        _current(action.recommendation.committee_id), "follow_up"
    ):
        raise ValidationError(_("Udvalget er ikke i opfølgningsfasen."))
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Vælg en status.")})
    if status == ActionStatus.DONE:
        progress = 100
    update = ActionUpdate(
        municipality=action.municipality,
        action=action,
        status=status,
        progress=progress,
        text=text.strip(),
        author=actor,
        created_at=now,
    )
    update.full_clean()
    update.save()
    locked = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    locked.status = status
    locked.progress = progress
    locked.updated_at = now
    if status == ActionStatus.DONE and locked.completed_on is None:
        locked.completed_on = timezone.localdate(now)
    elif status != ActionStatus.DONE:
        locked.completed_on = None
    locked.full_clean()
    locked.save(update_fields=["status", "progress", "updated_at", "completed_on"])
    audit(
        action="committees.action_update",
        actor=actor,
        municipality=action.municipality,
        target=locked,
        data={"status": status, "progress": progress},
        now=now,
    )
    return update


@transaction.atomic
def milestone_add(
    *, action: FollowUpAction, actor, title: str, due_date: date
) -> Milestone:
    if not COMMITTEE_PHASES.permits(
        _current(action.recommendation.committee_id), "follow_up"
    ):
        raise ValidationError(_("Udvalget er ikke i opfølgningsfasen."))
    milestone = Milestone(
        municipality=action.municipality, action=action, title=title, due_date=due_date
    )
    milestone.full_clean()
    milestone.save()
    audit(
        action="committees.milestone_add",
        actor=actor,
        municipality=action.municipality,
        target=action,
    )
    return milestone


@transaction.atomic
def milestone_reach(
    *, milestone: Milestone, actor, done_on: date | None = None
) -> Milestone:
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError(_("Datoen ligger i fremtiden."))
    if milestone.done_on is not None:
        raise ValidationError(_("Milepælen er allerede nået."))
    milestone.done_on = done_on
    milestone.full_clean()
    milestone.save(update_fields=["done_on"])
    FollowUpAction.objects.filter(pk=milestone.action_id).update(
        updated_at=timezone.now()
    )
    audit(
        action="committees.milestone_reach",
        actor=actor,
        municipality=milestone.municipality,
        target=milestone.action,
    )
    return milestone
