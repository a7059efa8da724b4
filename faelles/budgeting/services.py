"""Every write of the borgerbudget: rounds, phases, proposals, review, ballots."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faelles.accounts.eligibility import (
    VerifiedRule,
    person_markers,
    verified_problems,
)
from faelles.accounts.selectors import membership_for, verified_identity_of
from faelles.core.audit import audit
from faelles.core.bulk import insert_rows
from faelles.core.images import PreparedImage, prepare_image
from faelles.core.params import parse_int
from faelles.core.services import check_fields, model_update
from faelles.municipalities.models import FocusArea, Theme
from faelles.municipalities.themes import (
    check_theme,
    resolve_focus_area,
    resolve_themes,
)
from faelles.participation.models import Rung
from faelles.participation.services import record_participation

from .engine import Election, PabulibError, parse_pabulib
from .engine.drops import DROPS_COLUMN, DropsError, drop_counts, drops_from_election
from .models import (
    AgeCheck,
    Ballot,
    BallotReceipt,
    BallotSource,
    BallotType,
    BudgetRound,
    CountingRule,
    ImportStatus,
    PabulibImport,
    Project,
    ProjectImage,
    ProjectUpdate,
    ResidenceCheck,
    ReviewStatus,
    VerifiedVoter,
)
from .phases import ROUND_PHASES, Phase
from .secrecy import ballot_id_for, candidate_ids

logger = logging.getLogger(__name__)

SMALL_INT = 32767  # the largest value a PositiveSmallIntegerField holds everywhere

# What a round's form edits, in the order the form shows it.
ROUND_FIELDS = (
    "title",
    "description",
    "budget",
    "area_name",
    "postcodes",
    "proposals_start",
    "proposals_end",
    "voting_start",
    "voting_end",
    "ballot_type",
    "min_projects",
    "max_projects",
    "points_total",
    "min_age",
    "age_check",
    "eligibility",
    "min_assurance",
    "residence_check",
    "counting_rule",
    "allow_drops",
    "max_drops",
)


# --- rounds and phases ----------------------------------------------------------


@transaction.atomic
def round_create(*, municipality, actor, **fields) -> BudgetRound:
    check_fields(fields, ROUND_FIELDS)
    budget_round = BudgetRound(municipality=municipality, created_by=actor, **fields)
    budget_round.full_clean()
    budget_round.save()
    audit(
        action="budgeting.round_create",
        actor=actor,
        municipality=municipality,
        target=budget_round,
        data={"title": budget_round.title},
    )
    return budget_round


@transaction.atomic
def round_update(*, budget_round: BudgetRound, actor, **fields) -> BudgetRound:
    check_fields(fields, ROUND_FIELDS)
    return model_update(
        budget_round,
        fields=fields,
        actor=actor,
        action="budgeting.round_update",
        before_save=_refuse_rule_changes_once_voting,
    )


def _refuse_rule_changes_once_voting(budget_round: BudgetRound, old: dict) -> None:
    if ROUND_PHASES.permits(budget_round, "change_ballot"):
        return
    locked = {"budget", "ballot_type", "min_projects", "max_projects"}
    locked |= {"points_total", "counting_rule", "min_age", "postcodes"}
    locked |= {"allow_drops", "max_drops"}
    locked |= {"eligibility", "min_assurance", "residence_check", "age_check"}
    if any(old[f] != getattr(budget_round, f) for f in locked & set(old)):
        raise ValidationError(
            _(
                "Budget, stemmeseddel og regler kan ikke ændres, når afstemningen er begyndt."
            )
        )


def _when(value: datetime) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


def phase_change_problems(
    budget_round: BudgetRound, phase: str, *, now: datetime | None = None
) -> list[str]:
    """Why the round cannot move to ``phase`` now (empty when it can)."""
    now = now or timezone.now()
    if phase not in ROUND_PHASES:
        return [_("Ukendt fase.")]
    following = ROUND_PHASES.next(budget_round)
    back_to_proposals = budget_round.phase == Phase.REVIEW and phase == Phase.PROPOSALS
    if (following is None or phase != following.key) and not back_to_proposals:
        return [_("Et borgerbudget går én fase frem ad gangen.")]
    problems = []
    if budget_round.is_imported:
        return [_("Et importeret borgerbudget kan kun udforskes.")]
    if phase == Phase.PROPOSALS:
        if not budget_round.proposals_end:
            problems.append(_("Angiv først, hvornår forslagsfasen slutter."))
        elif budget_round.proposals_end <= now:
            problems.append(_("Forslagsfasens slutdato er allerede passeret."))
    elif phase == Phase.REVIEW:
        if budget_round.proposals_end and now < budget_round.proposals_end:
            problems.append(
                _("Forslagsfasen slutter først %(when)s.")
                % {"when": _when(budget_round.proposals_end)}
            )
    elif phase == Phase.VOTING:
        projects = budget_round.projects.all()
        if projects.filter(review_status=ReviewStatus.PENDING).exists():
            problems.append(_("Alle forslag skal vurderes, før afstemningen åbner."))
        if not projects.filter(review_status=ReviewStatus.APPROVED).exists():
            problems.append(_("Mindst ét projekt skal kunne gennemføres."))
        if not (budget_round.voting_start and budget_round.voting_end):
            problems.append(_("Angiv afstemningens start og slut."))
        elif budget_round.voting_end <= now:
            problems.append(_("Afstemningens slutdato er allerede passeret."))
    elif phase == Phase.RESULTS and (
        budget_round.voting_end and now < budget_round.voting_end
    ):
        problems.append(
            _("Afstemningen slutter først %(when)s.")
            % {"when": _when(budget_round.voting_end)}
        )
    return problems


@transaction.atomic
def round_set_phase(
    *, budget_round: BudgetRound, actor, phase: str, now: datetime | None = None
) -> BudgetRound:
    now = now or timezone.now()
    budget_round = BudgetRound.objects.select_for_update().get(pk=budget_round.pk)
    problems = phase_change_problems(budget_round, phase, now=now)
    if problems:
        raise ValidationError(problems)
    previous = budget_round.phase
    budget_round.phase = phase
    budget_round.phase_changed_at = now
    budget_round.save(update_fields=["phase", "phase_changed_at"])
    if phase == Phase.RESULTS:
        ballots_reorder(budget_round=budget_round)
        receipts_unlink(budget_round=budget_round)
        verified_voters_forget(budget_round=budget_round)
        round_count(budget_round=budget_round)
    audit(
        action="budgeting.round_phase",
        actor=actor,
        municipality=budget_round.municipality,
        target=budget_round,
        data={"from": previous, "to": phase},
    )
    return budget_round


@transaction.atomic
def ballots_reorder(*, budget_round: BudgetRound) -> int:
    """Rewrite the round's ballots in the order of their random ids.

    Rows are stored in the order they were written (SQLite's rowid, the
    physical order of a PostgreSQL table), which follows the order in which
    people voted, and so the order of the receipts. Rewritten once voting has
    closed, that order says nothing any more. Done inside the database (a
    second for 100,000 ballots). Returns the number of ballots.
    """
    table = connection.ops.quote_name(Ballot._meta.db_table)
    round_column = connection.ops.quote_name(Ballot._meta.get_field("round").column)
    temporary = connection.ops.quote_name(f"reorder_{budget_round.pk}")
    with connection.cursor() as cursor:
        # Identifiers come from model metadata and an integer; values are parameters.
        cursor.execute(
            f"CREATE TEMPORARY TABLE {temporary} AS SELECT * FROM {table} "  # noqa: S608
            f"WHERE {round_column} = %s",
            [budget_round.pk],
        )
        cursor.execute(
            f"DELETE FROM {table} WHERE {round_column} = %s",  # noqa: S608
            [budget_round.pk],
        )
        cursor.execute(
            f"INSERT INTO {table} SELECT * FROM {temporary} ORDER BY id"  # noqa: S608
        )
        count = cursor.rowcount
        cursor.execute(f"DROP TABLE {temporary}")
    return count


def receipts_unlink(*, budget_round: BudgetRound) -> int:
    """Erase the voter tokens once voting has closed.

    Nobody needs to find their ballot again after the close, so from then on
    not even the application, with its secret key, can go from a person to
    what they voted. The receipts stay: they say who voted (and on which day).
    """
    return BallotReceipt.objects.filter(round=budget_round).update(ballot_token=None)


def verified_voters_forget(*, budget_round: BudgetRound) -> int:
    """Once voting has closed nobody can vote twice any more: the markers of the
    verified persons who voted are not needed, so they are not kept."""
    deleted, _rows = VerifiedVoter.objects.filter(round=budget_round).delete()
    return deleted


@transaction.atomic
def round_count(*, budget_round: BudgetRound) -> dict:
    """Count the ballots, cache the result and mark the funded projects."""
    from .counting import count_round

    results = count_round(budget_round)
    budget_round.results = results
    budget_round.results_computed_at = timezone.now()
    budget_round.save(update_fields=["results", "results_computed_at"])
    budget_round.projects.update(is_funded=False)
    budget_round.projects.filter(pk__in=results["funded"]).update(is_funded=True)
    return results


# --- proposals and review -------------------------------------------------------


@transaction.atomic
def project_propose(
    *,
    budget_round: BudgetRound,
    actor,
    title: str,
    description: str,
    cost: int,
    area: str = "",
    theme: Theme | str | None = None,
    focus_area: FocusArea | str | None = None,
    image=None,
    image_alt: str = "",
    now: datetime | None = None,
) -> Project:
    if not budget_round.proposals_open(now):
        raise ValidationError(_("Der kan ikke stilles forslag i denne fase."))
    if membership_for(actor, budget_round.municipality) is None:
        raise ValidationError(
            _("Du skal være medlem af kommunen for at stille forslag.")
        )
    municipality = budget_round.municipality
    (theme,) = resolve_themes(municipality, [theme]) if theme else (None,)
    focus_area = resolve_focus_area(municipality, focus_area)
    if focus_area is not None and theme is None:
        theme = focus_area.theme
    check_theme(municipality, theme, focus_area)
    project = Project(
        municipality=municipality,
        round=budget_round,
        title=title,
        description=description,
        cost=cost,
        area=area,
        theme=theme,
        focus_area=focus_area,
        proposed_by=actor,
    )
    project.full_clean()
    content = prepare_image(image) if image else None
    if content is not None and not image_alt.strip():
        raise ValidationError(
            {"image_alt": _("Beskriv billedet kort for dem, der ikke kan se det.")}
        )
    project.save()
    if content is not None:
        _image_add(project=project, content=content, alt_text=image_alt)
    audit(
        action="budgeting.project_propose",
        actor=actor,
        municipality=budget_round.municipality,
        target=project,
        data={"round": budget_round.pk},
    )
    record_participation(
        municipality=budget_round.municipality,
        user=actor,
        action="budgeting.propose",
        rung=Rung.LEADERSHIP,
        source=project,
        occurred_at=now,
    )
    return project


def _image_add(
    *, project: Project, content: PreparedImage, alt_text: str
) -> ProjectImage:
    picture = ProjectImage(
        municipality_id=project.municipality_id, project=project, alt_text=alt_text
    )
    picture.image.save(content.name, content, save=False)
    picture.full_clean()
    picture.save()
    return picture


@transaction.atomic
def project_image_add(*, project: Project, actor, image, alt_text: str) -> ProjectImage:
    picture = _image_add(
        project=project, content=prepare_image(image), alt_text=alt_text
    )
    audit(
        action="budgeting.project_image_add",
        actor=actor,
        municipality=project.municipality,
        target=project,
    )
    return picture


@transaction.atomic
def project_review(
    *,
    project: Project,
    actor,
    review_status: str,
    cost: int,
    legal_ok: bool | None,
    practical_ok: bool | None,
    review_note: str,
    now: datetime | None = None,
) -> Project:
    project = (
        Project.objects.select_for_update().select_related("round").get(pk=project.pk)
    )
    if not ROUND_PHASES.permits(project.round, "review"):
        raise ValidationError(_("Forslag kan kun vurderes, før afstemningen begynder."))
    if review_status == ReviewStatus.REJECTED and not review_note.strip():
        raise ValidationError(
            {"review_note": _("Skriv en begrundelse, når et forslag afvises.")}
        )
    if review_status == ReviewStatus.APPROVED and not (legal_ok and practical_ok):
        raise ValidationError(
            _(
                "Et projekt kan kun komme på stemmesedlen, hvis det er lovligt og praktisk muligt."
            )
        )
    project.review_status = review_status
    project.cost = cost
    project.legal_ok = legal_ok
    project.practical_ok = practical_ok
    project.review_note = review_note
    project.reviewed_by = actor
    project.reviewed_at = now or timezone.now()
    project.full_clean()
    project.save()
    audit(
        action="budgeting.project_review",
        actor=actor,
        municipality=project.municipality,
        target=project,
        data={"status": review_status, "cost": cost},
    )
    return project


@transaction.atomic
def project_update_post(
    *,
    project: Project,
    actor,
    status: str,
    text: str,
    photo=None,
    photo_alt: str = "",
    now: datetime | None = None,
) -> ProjectUpdate:
    project = (
        Project.objects.select_for_update().select_related("round").get(pk=project.pk)
    )
    if not (project.is_funded and project.round.has_results):
        raise ValidationError(_("Kun projekter, der har fået penge, følges."))
    update = ProjectUpdate(
        municipality_id=project.municipality_id,
        project=project,
        status=status,
        text=text,
        photo_alt=photo_alt,
        author=actor,
        created_at=now or timezone.now(),
    )
    if photo:
        if not photo_alt.strip():
            raise ValidationError(
                {"photo_alt": _("Beskriv fotoet kort for dem, der ikke kan se det.")}
            )
        content = prepare_image(photo)
        update.photo.save(content.name, content, save=False)
    update.full_clean()
    update.save()
    project.implementation_status = status
    project.save(update_fields=["implementation_status"])
    audit(
        action="budgeting.project_update",
        actor=actor,
        municipality=project.municipality,
        target=project,
        data={"status": status},
    )
    return update


# --- ballots --------------------------------------------------------------------


def validate_choices(
    budget_round: BudgetRound,
    choices: list[tuple[int, int]],
    projects: dict[int, Project],
) -> list[list[int]]:
    """Check a ballot against the round's ballot type; return it normalised.

    ``choices`` lists ``(project_id, points)`` in ballot order (the ranking for
    ranked ballots). Raises ValidationError with a message a voter understands.
    """
    ids = [pid for pid, _points in choices]
    if len(set(ids)) != len(ids):
        raise ValidationError(_("Et projekt må kun vælges én gang."))
    if any(pid not in projects for pid in ids):
        raise ValidationError(
            _("Stemmesedlen nævner et projekt, der ikke er på stemmesedlen.")
        )
    kind = budget_round.ballot_type
    if kind == BallotType.CUMULATIVE:
        if any(points < 0 for _pid, points in choices):
            raise ValidationError(_("Point kan ikke være negative."))
        choices = [(pid, points) for pid, points in choices if points > 0]
        total = sum(points for _pid, points in choices)
        if total == 0:
            raise ValidationError(_("Giv mindst ét point til et projekt."))
        if total > budget_round.points_total:
            raise ValidationError(
                _("Du har fordelt %(total)d point, men har kun %(max)d.")
                % {"total": total, "max": budget_round.points_total}
            )
        return [[pid, points] for pid, points in choices]
    count = len(choices)
    if kind == BallotType.CHOOSE_ONE:
        if count != 1:
            raise ValidationError(_("Vælg præcis ét projekt."))
    else:
        if count < max(budget_round.min_projects, 1):
            least = max(budget_round.min_projects, 1)
            raise ValidationError(
                ngettext(
                    "Vælg mindst %(n)d projekt.", "Vælg mindst %(n)d projekter.", least
                )
                % {"n": least}
            )
        if budget_round.max_projects and count > budget_round.max_projects:
            raise ValidationError(
                _("Du har valgt %(count)d projekter, men må højst vælge %(max)d.")
                % {"count": count, "max": budget_round.max_projects}
            )
    if kind == BallotType.KNAPSACK:
        total = sum(projects[pid].cost for pid in ids)
        if total > budget_round.budget:
            raise ValidationError(
                _(
                    "Dine projekter koster %(total)s kr., men budgettet er %(budget)s kr."
                )
                % {
                    "total": number_format(total, force_grouping=True),
                    "budget": number_format(budget_round.budget, force_grouping=True),
                }
            )
    return [[pid, 1] for pid in ids]


def validate_drops(
    budget_round: BudgetRound,
    drops: list[int],
    chosen: list[list[int]],
    projects: dict[int, Project],
) -> list[int]:
    """Check the projects a voter chose to drop; return them as a list of ids.

    ``chosen`` is the normalised ballot (:func:`validate_choices`). Raises
    ValidationError with a message a voter understands.
    """
    drops = list(drops)
    if not drops:
        return []
    if not budget_round.allow_drops:
        raise ValidationError(_("I denne afstemning kan man ikke vælge projekter fra."))
    if len(set(drops)) != len(drops):
        raise ValidationError(_("Et projekt kan kun vælges fra én gang."))
    if any(pid not in projects for pid in drops):
        raise ValidationError(
            _("Stemmesedlen nævner et projekt, der ikke er på stemmesedlen.")
        )
    both = [projects[pid] for pid, _points in chosen if pid in set(drops)]
    if both:
        raise ValidationError(
            ngettext(
                "Du kan ikke både støtte og vælge det samme projekt fra: %(titles)s.",
                "Du kan ikke både støtte og vælge de samme projekter fra: %(titles)s.",
                len(both),
            )
            % {"titles": ", ".join(f"“{p.title}”" for p in both)}
        )
    limit = budget_round.max_drops
    if limit is not None and len(drops) > limit:
        raise ValidationError(
            _("Du har valgt %(count)d projekter fra, men må højst vælge %(max)d fra.")
            % {"count": len(drops), "max": limit}
        )
    return drops


def voting_access_problems(
    budget_round: BudgetRound, user, *, now: datetime | None = None
) -> list[str]:
    """Whether the ballot can be shown at all: open round, member of the municipality."""
    if not budget_round.voting_open(now or timezone.now()):
        return [_("Afstemningen er ikke åben.")]
    if membership_for(user, budget_round.municipality) is None:
        return [
            _("Du skal være medlem af %(name)s på Fælles for at stemme.")
            % {"name": budget_round.municipality.name}
        ]
    if budget_round.is_verified:
        # Everything is known before the ballot is filled in: say it at once.
        return verified_problems(user, verified_rule(budget_round), now=now)
    return []


def verified_rule(budget_round: BudgetRound) -> VerifiedRule:
    """The round's rule for a verified identity (faelles/accounts/eligibility.py)."""
    municipality = budget_round.municipality
    residence = budget_round.residence_check == ResidenceCheck.IDENTITY
    return VerifiedRule(
        min_assurance=budget_round.min_assurance,
        min_age=budget_round.min_age,
        municipality_codes=tuple(municipality.residence_code_list) if residence else (),
        postcodes=tuple(budget_round.postcode_list) if residence else (),
        place=municipality.name,
    )


def _round_scope(budget_round: BudgetRound) -> str:
    return f"budgeting.round:{budget_round.pk}"


def voter_problems(
    budget_round: BudgetRound,
    user,
    *,
    birth_year: int | None = None,
    age_confirmed: bool = False,
    postcode: str = "",
    now: datetime | None = None,
) -> list[str]:
    """Why this person may not vote in this round (empty when they may)."""
    now = now or timezone.now()
    problems = voting_access_problems(budget_round, user, now=now)
    if problems or budget_round.is_verified:
        return problems
    if budget_round.min_age:
        if budget_round.age_check == AgeCheck.BIRTH_YEAR:
            if not birth_year:
                problems.append(_("Oplys dit fødselsår."))
            elif birth_year > now.year or birth_year < now.year - 130:
                problems.append(_("Fødselsåret ser forkert ud."))
            elif now.year - birth_year < budget_round.min_age:
                problems.append(
                    _("Du skal være mindst %(age)d år for at stemme.")
                    % {"age": budget_round.min_age}
                )
        elif not age_confirmed:
            problems.append(
                _("Bekræft, at du er mindst %(age)d år.")
                % {"age": budget_round.min_age}
            )
    allowed = budget_round.postcode_list
    if allowed and postcode.strip() not in allowed:
        problems.append(
            _("Kun borgere med postnummer %(codes)s kan stemme.")
            % {"codes": ", ".join(allowed)}
        )
    return problems


@transaction.atomic
def ballot_cast(
    *,
    budget_round: BudgetRound,
    user,
    choices: list[tuple[int, int]],
    drops: list[int] | tuple[int, ...] = (),
    birth_year: int | None = None,
    age_confirmed: bool = False,
    postcode: str = "",
    now: datetime | None = None,
) -> BallotReceipt:
    """Cast or change a person's ballot; exactly one ballot per person and round.

    The receipt row (round, user) is unique; two simultaneous first votes race
    to insert it, the loser's savepoint rolls back and it changes the winner's
    ballot instead, under ``select_for_update``.
    """
    now = now or timezone.now()
    problems = voter_problems(
        budget_round,
        user,
        birth_year=birth_year,
        age_confirmed=age_confirmed,
        postcode=postcode,
        now=now,
    )
    if problems:
        raise ValidationError(problems)
    projects = {p.pk: p for p in budget_round.projects.on_ballot()}
    normalised = validate_choices(budget_round, choices, projects)
    dropped = validate_drops(budget_round, list(drops), normalised, projects)
    receipt = (
        BallotReceipt.objects.select_for_update()
        .filter(round=budget_round, user=user)
        .first()
    )
    markers = _verified_markers(budget_round, user)
    if receipt is None and markers and _voted_as_verified(budget_round, markers):
        raise ValidationError(_already_voted_message())
    if receipt is None:
        token = uuid.uuid4()
        try:
            with transaction.atomic():
                if markers:
                    VerifiedVoter.objects.create(
                        municipality_id=budget_round.municipality_id,
                        round=budget_round,
                        marker=markers[0],
                    )
                Ballot.objects.create(
                    id=ballot_id_for(token),
                    municipality_id=budget_round.municipality_id,
                    round=budget_round,
                    choices=normalised,
                    drops=dropped,
                    source=BallotSource.ONLINE,
                )
                receipt = BallotReceipt.objects.create(
                    municipality_id=budget_round.municipality_id,
                    round=budget_round,
                    user=user,
                    ballot_token=token,
                    voted_on=timezone.localdate(now),
                )
        except IntegrityError:
            receipt = (
                BallotReceipt.objects.select_for_update()
                .filter(round=budget_round, user=user)
                .first()
            )
            if receipt is None:
                # Not this account's own first vote racing itself: the same
                # verified person voting from another account at the same moment.
                raise ValidationError(_already_voted_message()) from None
        else:
            # Counted per round and day, without the voter (core/audit_verbs).
            audit(
                action="budgeting.ballot_cast",
                municipality=budget_round.municipality,
                target=budget_round,
                now=now,
            )
            _record_vote(budget_round, user, now)
            return receipt
    # Tokens are unlinked when the results phase begins, after voting has closed;
    # voter_problems has refused a round that is not open for voting.
    assert receipt.ballot_token is not None
    _replace_ballot(budget_round, receipt.ballot_token, normalised, dropped)
    # The receipt is not touched: a change leaves no time and no mark on it.
    audit(
        action="budgeting.ballot_change",
        municipality=budget_round.municipality,
        target=budget_round,
        now=now,
    )
    return receipt


def _already_voted_message() -> str:
    return _(
        "Der er allerede stemt med dit MitID i denne afstemning, fra en anden profil "
        "på Fælles. Én person har én stemme. Du kan ændre stemmen fra den profil, "
        "du stemte fra."
    )


def _verified_markers(budget_round: BudgetRound, user) -> list[str]:
    """The voter's markers in a verified round (none in a self-declared one)."""
    if not budget_round.is_verified:
        return []
    identity = verified_identity_of(user)
    # voter_problems has refused a verified round to a person without an identity.
    assert identity is not None
    return person_markers(identity, scope=_round_scope(budget_round))


def _voted_as_verified(budget_round: BudgetRound, markers: list[str]) -> bool:
    return VerifiedVoter.objects.filter(round=budget_round, marker__in=markers).exists()


def _replace_ballot(
    budget_round: BudgetRound,
    token: uuid.UUID,
    choices: list[list[int]],
    drops: list[int],
) -> None:
    """Put the voter's new choices in their ballot (found through the token)."""
    current, *older = candidate_ids(token)
    ballots = Ballot.objects.filter(round=budget_round)
    if ballots.filter(pk=current).update(choices=choices, drops=drops):
        return
    # Cast under an earlier SECRET_KEY (see SECRET_KEY_FALLBACKS): re-key it.
    for old_id in older:
        if ballots.filter(pk=old_id).update(id=current, choices=choices, drops=drops):
            return
    raise ValidationError(  # pragma: no cover - only if the key was lost
        _(
            "Din tidligere stemme kan ikke findes. Kontakt kommunen, før du stemmer igen."
        )
    )


def _record_vote(budget_round: BudgetRound, user, now: datetime) -> None:
    """Voting is taking part in the municipality's leadership (activity ladder).

    The act names the round, never the ballot, and is dated to the day only:
    nothing in it can be matched with a ballot, not even by time.
    """
    day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    record_participation(
        municipality=budget_round.municipality,
        user=user,
        action="budgeting.vote",
        rung=Rung.LEADERSHIP,
        source=budget_round,
        occurred_at=day,
    )


@transaction.atomic
def paper_ballot_enter(
    *,
    budget_round: BudgetRound,
    actor,
    choices: list[tuple[int, int]],
    drops: list[int] | tuple[int, ...] = (),
    now: datetime | None = None,
) -> Ballot:
    """An employee types in a paper ballot; it is marked as paper, not linked to anyone."""
    now = now or timezone.now()
    if not budget_round.voting_open(now):
        raise ValidationError(
            _("Papirstemmer kan kun indtastes, mens afstemningen er åben.")
        )
    projects = {p.pk: p for p in budget_round.projects.on_ballot()}
    normalised = validate_choices(budget_round, choices, projects)
    dropped = validate_drops(budget_round, list(drops), normalised, projects)
    ballot = Ballot.objects.create(
        municipality_id=budget_round.municipality_id,
        round=budget_round,
        choices=normalised,
        drops=dropped,
        source=BallotSource.PAPER,
    )
    audit(
        action="budgeting.paper_ballot",
        actor=actor,
        municipality=budget_round.municipality,
        target=budget_round,
    )
    return ballot


# --- Pabulib import -------------------------------------------------------------

IMPORT_BALLOT_TYPE = {
    "approval": BallotType.APPROVAL,
    "cumulative": BallotType.CUMULATIVE,
    "scoring": BallotType.CUMULATIVE,
    "choose-1": BallotType.CHOOSE_ONE,
    "ordinal": BallotType.RANKED,
}


def _counting_rule(pabulib_rule: str) -> str:
    rule = pabulib_rule.strip().lower()
    if rule.startswith("equalshares/add1"):
        return CountingRule.MES_ADD1
    return CountingRule.MES if rule.startswith("equalshares") else CountingRule.GREEDY


def _whole(value: Fraction, what: str) -> int:
    if value.denominator != 1 or value < 0:
        raise ValidationError(
            _("%(what)s skal være et helt antal kroner (fandt %(value)s).")
            % {"what": what, "value": float(value)}
        )
    return int(value)


def read_pabulib_text(text: str) -> Election:
    """Parse an uploaded file; a malformed one is a ValidationError saying where."""
    try:
        return parse_pabulib(text)
    except PabulibError as exc:
        where = {"line": exc.line, "field": exc.field, "reason": exc.reason}
        if exc.line and exc.field:
            message = _(
                "Filen er ikke en gyldig Pabulib-fil. Linje %(line)s, %(field)s: "
                "%(reason)s"
            )
        elif exc.line:
            message = _(
                "Filen er ikke en gyldig Pabulib-fil. Linje %(line)s: %(reason)s"
            )
        else:
            message = _("Filen er ikke en gyldig Pabulib-fil: %(reason)s")
        raise ValidationError(message % where) from exc


def round_import_pabulib(
    *, municipality, actor, text: str, title: str = "", on_read=None
) -> BudgetRound:
    """Import a Pabulib file as a finished round to explore; nothing saved on error.

    ``on_read(election)`` is called after parsing and before the (atomic) writes,
    so that a background import can show how far it has come.
    """
    election = read_pabulib_text(text)
    if on_read is not None:
        on_read(election)
    return _round_from_election(
        municipality=municipality, actor=actor, election=election, title=title
    )


@transaction.atomic
def _round_from_election(
    *, municipality, actor, election: Election, title: str
) -> BudgetRound:
    if election.n_projects == 0:
        raise ValidationError(_("Filen indeholder ingen projekter."))
    budget = _whole(election.budget, _("Budgettet"))
    if budget < 1:
        raise ValidationError(_("Budgettet skal være større end 0."))
    costs = [
        _whole(c, _("Prisen på %(id)s") % {"id": pid})
        for pid, c in zip(election.project_ids, election.costs, strict=True)
    ]
    if any(c < 1 for c in costs):
        raise ValidationError(_("Alle projekter skal have en pris over 0 kr."))
    meta = election.meta
    ballot_type = IMPORT_BALLOT_TYPE[election.vote_type]
    if ballot_type == BallotType.APPROVAL and meta.get("max_sum_cost"):
        ballot_type = BallotType.KNAPSACK
    lengths = [int(x) for x in (election.indptr[1:] - election.indptr[:-1])]
    max_length = meta.get("max_length", "").strip()
    min_length = meta.get("min_length", "").strip()
    # Numbers in META are checked like any untrusted input (the fields are small ints).
    max_projects = parse_int(max_length, maximum=SMALL_INT)
    if max_projects is None:
        max_projects = min(max(lengths), SMALL_INT) if lengths else None
    min_projects = parse_int(min_length, maximum=SMALL_INT) or 0
    if max_projects is not None and max_projects < min_projects:
        max_projects = None
    points_total = meta.get("max_sum_points", "").strip()
    drops = _imported_drops(election)
    default_title = " – ".join(
        v
        for v in (
            meta.get("unit", ""),
            meta.get("subunit", ""),
            meta.get("instance", ""),
        )
        if v
    ) or _("Importeret borgerbudget")
    budget_round = BudgetRound(
        municipality=municipality,
        title=(title.strip() or default_title)[:160],
        description=meta.get("description", "")[:2000],
        budget=budget,
        phase=Phase.RESULTS,
        ballot_type=ballot_type,
        min_projects=min_projects,
        max_projects=max_projects or None,
        points_total=parse_int(points_total, minimum=1, maximum=SMALL_INT) or 10,
        counting_rule=_counting_rule(meta.get("rule", "")),
        allow_drops=drops is not None,
        is_imported=True,
        pabulib_meta={
            k: v for k, v in meta.items() if k not in ("num_votes", "num_projects")
        },
        created_by=actor,
    )
    budget_round.full_clean()
    budget_round.save()
    projects = []
    for j, pid in enumerate(election.project_ids):
        fields = election.project_fields[j] if election.project_fields else {}
        projects.append(
            Project(
                municipality=municipality,
                round=budget_round,
                title=(fields.get("name") or fields.get("title") or pid)[:160],
                description=fields.get("description", "")[:5000] or "–",
                cost=costs[j],
                area=fields.get("district", fields.get("subunit", ""))[:160],
                review_status=ReviewStatus.APPROVED,
                legal_ok=True,
                practical_ok=True,
                pabulib_id=pid[:64],
            )
        )
    Project.objects.bulk_create(projects, batch_size=2000)
    pks = [p.pk for p in projects]
    if any(pk is None for pk in pks):  # databases without RETURNING
        by_pid = dict(budget_round.projects.values_list("pabulib_id", "pk"))
        pks = [by_pid[pid[:64]] for pid in election.project_ids]
    by_election_id = dict(zip(election.project_ids, pks, strict=True))
    ordinal = election.vote_type == "ordinal"
    indices, points, indptr = (
        election.indices.tolist(),
        election.points.tolist(),
        election.indptr.tolist(),
    )
    rows = sorted(
        (
            uuid.uuid4(),
            municipality.pk,
            budget_round.pk,
            json.dumps(
                [
                    [pks[indices[k]], 1 if ordinal else points[k]]
                    for k in range(indptr[v], indptr[v + 1])
                ]
            ),
            json.dumps([by_election_id[p] for p in drops[v]] if drops else []),
            BallotSource.IMPORTED,
        )
        for v in range(election.n_voters)
    )
    insert_rows(
        Ballot, ["id", "municipality", "round", "choices", "drops", "source"], rows
    )
    round_count(budget_round=budget_round)
    audit(
        action="budgeting.round_import",
        actor=actor,
        municipality=municipality,
        target=budget_round,
        data={
            "projects": len(projects),
            "ballots": election.n_voters,
            "repaired_ballots": len({r.voter_id for r in election.repairs}),
        },
    )
    return budget_round


def _imported_drops(election: Election) -> list[list[str]] | None:
    """The file's VOTES column ``drops`` (our own export), checked; None if absent."""
    if DROPS_COLUMN not in election.voter_columns:
        return None
    drops = drops_from_election(election)
    try:
        drop_counts(election, drops)
    except DropsError as error:
        raise ValidationError(
            _("Kolonnen drops i filen kan ikke tælles: %(reason)s")
            % {"reason": str(error)}
        ) from None
    return drops


# --- background import ----------------------------------------------------------


@transaction.atomic
def pabulib_import_start(
    *, municipality, actor, text: str, title: str = "", file_name: str = ""
) -> PabulibImport:
    """Keep the file and hand it to a background task; the request returns at once."""
    from .tasks import import_pabulib

    job = PabulibImport(
        municipality=municipality,
        created_by=actor,
        title=title.strip()[:160],
        file_name=file_name[:255],
        text=text,
    )
    job.full_clean(exclude=["text"])
    job.save()
    transaction.on_commit(lambda: import_pabulib.enqueue(job.pk))
    return job


def pabulib_import_run(*, job_id: int) -> PabulibImport:
    """Run one import (in the worker): read, then save and count, recording each step.

    Steps are saved outside the import's transaction so the page can show them.
    Any failure leaves the import *failed* with a message and no round.
    """
    job = PabulibImport.objects.select_related("municipality", "created_by").get(
        pk=job_id
    )
    if job.status != ImportStatus.QUEUED:
        return job  # already run (a task delivered twice)
    _import_step(job, status=ImportStatus.READING)

    def on_read(election: Election) -> None:
        _import_step(
            job,
            status=ImportStatus.SAVING,
            projects=election.n_projects,
            ballots=election.n_voters,
            repairs=[r.as_json() for r in election.repairs[:100]],
        )

    try:
        budget_round = round_import_pabulib(
            municipality=job.municipality,
            actor=job.created_by,
            text=job.text,
            title=job.title,
            on_read=on_read,
        )
    except ValidationError as error:
        _import_step(job, status=ImportStatus.FAILED, error=" ".join(error.messages))
    except Exception:
        logger.exception("Pabulib import %s failed", job.pk)
        _import_step(
            job,
            status=ImportStatus.FAILED,
            error=_("Importen mislykkedes på grund af en fejl hos os."),
        )
    else:
        _import_step(job, status=ImportStatus.DONE, budget_round=budget_round)
    return job


def _import_step(job: PabulibImport, **changes) -> None:
    for name, value in changes.items():
        setattr(job, name, value)
    fields = list(changes)
    if job.status in (ImportStatus.DONE, ImportStatus.FAILED):
        job.text = ""  # the file is not kept once it has been read
        job.finished_at = timezone.now()
        fields += ["text", "finished_at"]
    job.save(update_fields=fields)
