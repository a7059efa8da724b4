"""Every write about initiatives, trials, comments and stories."""

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.models import User
from faelles.accounts.rules import is_staff_member
from faelles.core.audit import audit
from faelles.core.images import prepare_image
from faelles.core.services import check_fields
from faelles.core.status_sources import status_changed
from faelles.municipalities.models import FocusArea, Theme
from faelles.municipalities.themes import resolve_focus_area, resolve_themes
from faelles.participation.models import Rung
from faelles.participation.services import record_participation

from . import search
from .lifecycle import FINAL_STATES, Actor, allowed_targets, step_for
from .models import (
    Comment,
    Follow,
    Initiative,
    InitiativeImage,
    InitiativeSettings,
    InitiativeTheme,
    Need,
    Participation,
    PhotoConsent,
    State,
    Story,
    StoryPhoto,
    SuccessCriterion,
    Support,
    Transition,
    Trial,
    TrialRevision,
)
from .notifications import (
    notify_comment,
    notify_facilitation,
    notify_proposed,
    notify_transition,
)
from .rules import can_facilitate, is_proposer

# The rung of each act this app records on the activity ladder
# (docs/activity-ladder.md).
INITIATIVE_ACTIONS: dict[str, Rung] = {
    "initiative.propose": Rung.CIVIL_SOCIETY,
    "initiative.support": Rung.CIVIL_SOCIETY,
    "initiative.join": Rung.CIVIL_SOCIETY,
    "initiative.comment": Rung.CIVIL_SOCIETY,
    "initiative.story": Rung.CIVIL_SOCIETY,
}


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _mark_response(initiative: Initiative, actor, now: datetime) -> None:
    """The municipality has answered: the initiative is no longer waiting."""
    if initiative.first_response_at is None and is_staff_member(actor, initiative):
        initiative.first_response_at = now
        Initiative.objects.filter(pk=initiative.pk).update(first_response_at=now)
        status_changed(initiative.municipality_id)  # no longer overdue there


# --- settings -----------------------------------------------------------------


@transaction.atomic
def settings_update(
    *, municipality, actor, response_days: int, library_public: bool
) -> InitiativeSettings:
    obj, _created = InitiativeSettings.objects.get_or_create(municipality=municipality)
    obj.response_days = response_days
    obj.library_public = library_public
    obj.full_clean()
    obj.save()
    audit(
        action="initiatives.settings",
        actor=actor,
        municipality=municipality,
        target=obj,
        data={"response_days": response_days, "library_public": library_public},
    )
    return obj


# --- initiatives --------------------------------------------------------------


@transaction.atomic
def initiative_create(
    *,
    municipality,
    proposer,
    title: str,
    challenge: str,
    idea: str,
    target_group: str = "",
    postcode: str = "",
    place: str = "",
    themes: Iterable[Theme | str] = (),
    focus_area: FocusArea | str | None = None,
    principles: Iterable = (),
    needs: Iterable[dict] = (),
    organisation=None,
    image=None,
    image_alt: str = "",
    staff_only: bool = False,
    now: datetime | None = None,
) -> Initiative:
    """``staff_only``: an internal initiative (or trial) of the municipality's
    staff, hidden from everyone else until opened (docs/staff-only.md)."""
    if staff_only and not is_staff_member(proposer, municipality):
        raise ValidationError(
            {
                "staff_only": _(
                    "Kun kommunens medarbejdere kan lave noget, der kun er for "
                    "medarbejdere."
                )
            }
        )
    now = _now(now)
    themes = resolve_themes(municipality, themes)
    focus_area = resolve_focus_area(municipality, focus_area)
    _check_focus_area(focus_area, themes)
    initiative = Initiative(
        municipality=municipality,
        proposer=proposer,
        focus_area=focus_area,
        organisation=organisation,
        title=title,
        challenge=challenge,
        idea=idea,
        target_group=target_group,
        postcode=postcode,
        place=place,
        staff_only=staff_only,
        created_at=now,
        state_changed_at=now,
    )
    initiative.full_clean()
    initiative.save()
    principles = list(principles)
    if any(p.municipality_id != municipality.pk for p in principles):
        raise ValidationError(_("Principperne skal høre til kommunen."))
    initiative.principles.set(principles)
    InitiativeTheme.objects.bulk_create(
        InitiativeTheme(municipality=municipality, initiative=initiative, theme=t)
        for t in themes
    )
    for need in needs:
        need_add(initiative=initiative, actor=proposer, **need)
    if image is not None:
        image_add(
            initiative=initiative, actor=proposer, image=image, alt_text=image_alt
        )
    Transition.objects.create(
        initiative=initiative,
        from_state="",
        to_state=State.IDEA,
        actor=proposer,
        reason=_("Initiativet blev foreslået."),
        created_at=now,
    )
    _mark_response(initiative, proposer, now)
    notify_proposed(initiative)
    search.index_initiatives([initiative.pk])
    audit(
        action="initiative.create",
        actor=proposer,
        municipality=municipality,
        target=initiative,
        data={"organisation": organisation.pk if organisation else None},
    )
    record_participation(
        municipality=municipality,
        user=proposer,
        action="initiative.propose",
        rung=INITIATIVE_ACTIONS["initiative.propose"],
        source=initiative,
        occurred_at=now,
    )
    return initiative


@transaction.atomic
def initiative_open_to_citizens(*, initiative: Initiative, actor) -> Initiative:
    """Open an internal initiative to citizens: from now on it, its trial and
    everything about it are as visible as any initiative. One way — what
    citizens have seen is never taken back (docs/staff-only.md)."""
    locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if not locked.staff_only:
        raise ValidationError(_("Initiativet er allerede åbent for borgerne."))
    if not can_facilitate(actor, locked):
        raise PermissionDenied(
            _("Kun kommunens medarbejdere kan åbne initiativet for borgerne.")
        )
    Initiative.objects.filter(pk=locked.pk).update(staff_only=False)
    initiative.staff_only = False
    audit(
        action="initiative.open_to_citizens",
        actor=actor,
        municipality=initiative.municipality,
        target=initiative,
    )
    return initiative


@transaction.atomic
def need_add(
    *,
    initiative: Initiative,
    actor,
    kind: str,
    title: str,
    description: str = "",
    quantity: int = 1,
) -> Need:
    need = Need(
        municipality_id=initiative.municipality_id,
        initiative=initiative,
        kind=kind,
        title=title,
        description=description,
        quantity=quantity,
    )
    need.full_clean()
    need.save()
    audit(
        action="initiative.need_add",
        actor=actor,
        municipality=initiative.municipality,
        target=need,
    )
    return need


@transaction.atomic
def image_add(
    *, initiative: Initiative, actor, image, alt_text: str
) -> InitiativeImage:
    if not alt_text.strip():
        raise ValidationError(_("Beskriv billedet for dem, der ikke kan se det."))
    content = prepare_image(image)
    obj = InitiativeImage(initiative=initiative, alt_text=alt_text, uploaded_by=actor)
    obj.image.save(content.name, content, save=False)
    obj.full_clean()
    obj.save()
    audit(
        action="initiative.image_add",
        actor=actor,
        municipality=initiative.municipality,
        target=obj,
    )
    return obj


#: ``initiative_update(focus_area=KEEP)``: leave the focus area as it is.
KEEP = object()


def _check_focus_area(focus_area, themes) -> None:
    if focus_area is not None and focus_area.theme_id not in {t.pk for t in themes}:
        raise ValidationError(
            {
                "focus_area": _(
                    "Indsatsområdet hører under et tema, initiativet ikke har."
                )
            }
        )


EDITABLE_FIELDS = ("title", "challenge", "idea", "target_group", "postcode", "place")


@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    actor,
    themes: Iterable[Theme | str] | None = None,
    focus_area: FocusArea | str | None | object = KEEP,
    principles: Iterable | None = None,
    **fields,
) -> Initiative:
    """Change the description; the lifecycle moves only through transitions."""
    check_fields(fields, EDITABLE_FIELDS, what="initiative fields")
    if initiative.state in FINAL_STATES and not can_facilitate(actor, initiative):
        raise PermissionDenied(
            _("Initiativet er afsluttet og kan ikke længere ændres.")
        )
    before = Initiative.objects.filter(pk=initiative.pk).values(*fields).get()
    changed = sorted(k for k, v in fields.items() if before[k] != v)
    for name, value in fields.items():
        setattr(initiative, name, value)
    municipality = initiative.municipality
    if themes is not None:
        themes = resolve_themes(municipality, themes)
    if focus_area is not KEEP:
        initiative.focus_area = resolve_focus_area(municipality, focus_area)
    _check_focus_area(
        initiative.focus_area,
        themes
        if themes is not None
        else [t.theme for t in initiative.themes.select_related("theme")],
    )
    initiative.full_clean()
    initiative.save()
    if principles is not None:
        principles = list(principles)
        if any(p.municipality_id != initiative.municipality_id for p in principles):
            raise ValidationError(_("Principperne skal høre til kommunen."))
        initiative.principles.set(principles)
    if themes is not None:
        initiative.themes.all().delete()
        InitiativeTheme.objects.bulk_create(
            InitiativeTheme(
                municipality_id=initiative.municipality_id,
                initiative=initiative,
                theme=t,
            )
            for t in themes
        )
    search.index_initiatives([initiative.pk])
    search.index_trials(initiative.trials.values_list("pk", flat=True))
    audit(
        action="initiative.update",
        actor=actor,
        municipality=initiative.municipality,
        target=initiative,
        data={"fields": changed},
    )
    return initiative


NEED_LISTING_KINDS: dict[str, str] = {
    Need.Kind.ROLE: "time",
    Need.Kind.RESOURCE: "equipment",
}


@transaction.atomic
def need_publish(
    *,
    need: Need,
    actor,
    kind: str = "",
    postcode: str = "",
    now: datetime | None = None,
):
    """Publish a need in "Ressourcer og behov", where it is matched with offers.

    The listing belongs to the person who publishes it (the proposer or the
    facilitator); it links back to the initiative and closes when the need is met.
    """
    from faelles.resources import services as resources

    if need.listing_id is not None:
        return need.listing
    if not need.is_open:
        raise ValidationError(_("Behovet er allerede dækket."))
    initiative = need.initiative
    text = "\n\n".join(
        part
        for part in [
            need.description,
            _("Til initiativet “%(title)s”: %(idea)s")
            % {"title": initiative.title, "idea": initiative.idea[:1500]},
            _("Læs mere: %(url)s") % {"url": initiative.get_absolute_url()},
        ]
        if part
    )
    organisation = initiative.organisation
    if (
        organisation is not None
        and not organisation.members.filter(user=actor).exists()
    ):
        organisation = None
    listing = resources.listing_create(
        municipality=initiative.municipality,
        actor=actor,
        side="need",
        organisation=organisation,
        kind=kind or NEED_LISTING_KINDS.get(need.kind, "time"),
        title=need.title[:140],
        text=text[:4000],
        postcode=postcode or initiative.postcode,
        capacity=need.quantity,
        visibility="members",
        for_initiative=True,
        # The proposer recruiting is civil society; a facilitator doing it is work.
        ladder=actor.pk == initiative.proposer_id,
        now=now,
    )
    need.listing = listing
    need.save(update_fields=["listing"])
    audit(
        action="initiative.need_publish",
        actor=actor,
        municipality=initiative.municipality,
        target=need,
        data={"listing": listing.pk},
    )
    return listing


@transaction.atomic
def need_close(*, need: Need, actor) -> Need:
    """The need is met: stop recruiting, and close its listing in the matching."""
    from faelles.resources import services as resources

    Need.objects.filter(pk=need.pk).update(is_open=False)
    need.is_open = False
    if need.listing is not None and need.listing.is_active:
        resources.listing_close(listing=need.listing, actor=actor)
    audit(
        action="initiative.need_close",
        actor=actor,
        municipality=need.initiative.municipality,
        target=need,
    )
    return need


# --- taking part --------------------------------------------------------------


def _check_organisation(initiative: Initiative, user, organisation) -> None:
    if organisation is None:
        return
    if organisation.municipality_id != initiative.municipality_id or not (
        organisation.members.filter(user=user).exists()
    ):
        raise PermissionDenied(_("Du kan ikke handle på vegne af organisationen."))


@transaction.atomic
def support_toggle(
    *,
    initiative: Initiative,
    user,
    organisation=None,
    now: datetime | None = None,
) -> bool:
    """Support, or withdraw support; returns whether it is supported afterwards."""
    _check_organisation(initiative, user, organisation)
    lookup = (
        {"organisation": organisation}
        if organisation
        else {"user": user, "organisation__isnull": True}
    )
    existing = Support.objects.filter(initiative=initiative, **lookup).first()
    if existing:
        existing.delete()
        Initiative.objects.filter(pk=initiative.pk).update(
            support_count=F("support_count") - 1
        )
        initiative.support_count -= 1
        supported = False
    else:
        try:
            with transaction.atomic():
                Support.objects.create(
                    initiative=initiative,
                    user=user,
                    organisation=organisation,
                    created_at=_now(now),
                )
        except IntegrityError:  # a double click in two requests
            return True
        Initiative.objects.filter(pk=initiative.pk).update(
            support_count=F("support_count") + 1
        )
        initiative.support_count += 1
        supported = True
        record_participation(
            municipality=initiative.municipality,
            user=user,
            action="initiative.support",
            rung=INITIATIVE_ACTIONS["initiative.support"],
            source=initiative,
            occurred_at=_now(now),
        )
    audit(
        action="initiative.support" if supported else "initiative.unsupport",
        actor=user,
        municipality=initiative.municipality,
        target=initiative,
        data={"organisation": organisation.pk if organisation else None},
    )
    return supported


@transaction.atomic
def participation_join(
    *,
    initiative: Initiative,
    user,
    role: str,
    need: Need | None = None,
    organisation=None,
    now: datetime | None = None,
) -> Participation:
    _check_organisation(initiative, user, organisation)
    now = _now(now)
    if initiative.state in (State.ANCHORED, State.STOPPED, State.WITHDRAWN):
        raise ValidationError(_("Initiativet er afsluttet."))
    if need is not None and need.initiative_id != initiative.pk:
        raise ValidationError(_("Behovet hører ikke til initiativet."))
    lookup = (
        {"organisation": organisation}
        if organisation
        else {"user": user, "organisation__isnull": True}
    )
    if Participation.objects.filter(initiative=initiative, **lookup).exists():
        raise ValidationError(_("Du er allerede med."))
    participation = Participation(
        initiative=initiative,
        user=user,
        organisation=organisation,
        need=need,
        role=role.strip(),
        created_at=now,
    )
    participation.full_clean()
    participation.save()
    Initiative.objects.filter(pk=initiative.pk).update(
        participant_count=F("participant_count") + 1
    )
    initiative.participant_count += 1
    if need is not None:
        Need.objects.filter(pk=need.pk).update(filled=F("filled") + 1)
        need.refresh_from_db()
        if need.filled >= need.quantity and need.is_open:
            need_close(need=need, actor=user)
    audit(
        action="initiative.join",
        actor=user,
        municipality=initiative.municipality,
        target=participation,
    )
    record_participation(
        municipality=initiative.municipality,
        user=user,
        action="initiative.join",
        rung=INITIATIVE_ACTIONS["initiative.join"],
        source=initiative,
        occurred_at=now,
    )
    return participation


@transaction.atomic
def follow_toggle(*, initiative: Initiative, user) -> bool:
    """Follow, or stop following; returns whether the person follows afterwards.

    Following is a subscription, not an act of participation (no ladder act).
    """
    deleted, _rows = Follow.objects.filter(initiative=initiative, user=user).delete()
    if deleted:
        Initiative.objects.filter(pk=initiative.pk).update(
            follower_count=F("follower_count") - 1
        )
        following = False
    else:
        try:
            with transaction.atomic():
                Follow.objects.create(initiative=initiative, user=user)
        except IntegrityError:  # a double click in two requests
            return True
        Initiative.objects.filter(pk=initiative.pk).update(
            follower_count=F("follower_count") + 1
        )
        following = True
    audit(
        action="initiative.follow" if following else "initiative.unfollow",
        actor=user,
        municipality=initiative.municipality,
        target=initiative,
    )
    return following


# Rows that count towards a counter on the initiative, and the counter.
_COUNTED: tuple[tuple[type[Support | Participation | Follow], str], ...] = (
    (Support, "support_count"),
    (Participation, "participant_count"),
    (Follow, "follower_count"),
)


@transaction.atomic
def engagement_forget(*, user: User) -> None:
    """Account deletion (``gdpr.delete_personal_data``): remove the person's
    supports, participations and follows — also those made for an organisation —
    and take them off the initiatives' counters. These are participation, which
    the log does not keep; the deletion is audited as ``account.delete``."""
    for model, counter in _COUNTED:
        rows = model.objects.filter(user=user)
        per_initiative = rows.values("initiative_id").annotate(n=Count("id")).order_by()
        for row in per_initiative:
            Initiative.objects.filter(pk=row["initiative_id"]).update(
                **{counter: F(counter) - row["n"]}
            )
        rows.delete()


@transaction.atomic
def comment_create(
    *,
    initiative: Initiative,
    author,
    body: str,
    parent: Comment | None = None,
    organisation=None,
    now: datetime | None = None,
) -> Comment:
    _check_organisation(initiative, author, organisation)
    now = _now(now)
    if parent is not None:
        if parent.initiative_id != initiative.pk:
            raise ValidationError(_("Svaret hører ikke til initiativet."))
        # Threads are two levels deep: a reply to a reply joins its thread.
        if parent.parent_id:
            parent = parent.parent
    comment = Comment(
        initiative=initiative,
        author=author,
        organisation=organisation,
        parent=parent,
        body=body.strip(),
        is_from_municipality=bool(is_staff_member(author, initiative)),
        created_at=now,
    )
    comment.full_clean()
    comment.save()
    Initiative.objects.filter(pk=initiative.pk).update(
        comment_count=F("comment_count") + 1
    )
    initiative.comment_count += 1
    _mark_response(initiative, author, now)
    audit(
        action="initiative.comment",
        actor=author,
        municipality=initiative.municipality,
        target=comment,
    )
    if not comment.is_from_municipality:  # staff answering is their work, not an act
        record_participation(
            municipality=initiative.municipality,
            user=author,
            action="initiative.comment",
            rung=INITIATIVE_ACTIONS["initiative.comment"],
            source=initiative,
            occurred_at=now,
        )
    notify_comment(comment)
    return comment


@transaction.atomic
def comment_hide(
    *, comment: Comment, moderator, reason: str, now: datetime | None = None
) -> Comment:
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Skriv hvorfor kommentaren skjules."))
    if comment.is_hidden:
        return comment
    comment.is_hidden = True
    comment.hidden_reason = reason
    comment.hidden_by = moderator
    comment.hidden_at = _now(now)
    comment.full_clean()
    comment.save()
    Initiative.objects.filter(pk=comment.initiative_id).update(
        comment_count=F("comment_count") - 1
    )
    audit(
        action="initiative.comment_hide",
        actor=moderator,
        municipality=comment.initiative.municipality,
        target=comment,
        data={"reason": reason},
    )
    return comment


# --- facilitation -------------------------------------------------------------


@transaction.atomic
def facilitator_assign(
    *,
    initiative: Initiative,
    actor,
    facilitator,
    team: Iterable = (),
    now: datetime | None = None,
) -> Initiative:
    from faelles.accounts.selectors import membership_for

    now = _now(now)
    membership = membership_for(facilitator, initiative.municipality)
    if membership is None or not membership.is_employee:
        raise ValidationError(_("Facilitatoren skal være medarbejder i kommunen."))
    team = list(team)
    for person in team:
        m = membership_for(person, initiative.municipality)
        if m is None or not m.is_employee:
            raise ValidationError(_("Teamet skal bestå af medarbejdere i kommunen."))
    initiative.facilitator = facilitator
    initiative.department_id = membership.department_id
    initiative.save(update_fields=["facilitator", "department", "updated_at"])
    initiative.team.set(team)
    _mark_response(initiative, actor, now)
    audit(
        action="initiative.facilitator",
        actor=actor,
        municipality=initiative.municipality,
        target=initiative,
        data={"facilitator": facilitator.pk, "team": [p.pk for p in team]},
    )
    notify_facilitation(initiative, [facilitator, *team], actor=actor)
    return initiative


# --- lifecycle ----------------------------------------------------------------


def actors_for(user, initiative: Initiative) -> set[Actor]:
    actors = set()
    if can_facilitate(user, initiative):
        actors.add(Actor.MUNICIPALITY)
    if is_proposer(user, initiative):
        actors.add(Actor.PROPOSER)
    return actors


def available_transitions(user, initiative: Initiative) -> list[str]:
    if not user.is_authenticated:
        return []
    return allowed_targets(initiative.state, actors_for(user, initiative))


def current_trial(initiative: Initiative) -> Trial | None:
    return initiative.trials.order_by("-round").first()


def _check_requirement(initiative: Initiative, requirement: str) -> None:
    if not requirement:
        return
    trial = current_trial(initiative)
    if requirement == "trial_planned":
        if trial is None or trial.outcome is not None or not trial.criteria.exists():
            raise ValidationError(
                _(
                    "Beskriv prøvehandlingen med hypotese, periode og mindst ét "
                    "succeskriterium, før den sættes i gang."
                )
            )
    elif requirement == "evaluated" and (trial is None or trial.outcome is None):
        raise ValidationError(_("Prøvehandlingen skal evalueres, før den afsluttes."))


@transaction.atomic
def initiative_transition(
    *,
    initiative: Initiative,
    actor,
    target: str,
    reason: str,
    now: datetime | None = None,
) -> Transition:
    now = _now(now)
    given = initiative
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    step = step_for(initiative.state, target)
    if step is None:
        raise ValidationError(
            _("Et initiativ kan ikke gå fra “%(a)s” til “%(b)s”.")
            % {
                "a": State(initiative.state).label,
                "b": State(target).label if target in State.values else target,
            }
        )
    if step.by not in actors_for(actor, initiative):
        raise PermissionDenied(_("Du må ikke flytte initiativet til denne fase."))
    if not reason.strip():
        raise ValidationError(_("Skriv hvorfor."))
    _check_requirement(initiative, step.requires)
    transition = Transition(
        initiative=initiative,
        from_state=initiative.state,
        to_state=target,
        actor=actor,
        reason=reason.strip(),
        created_at=now,
    )
    transition.full_clean()
    transition.save()
    initiative.state = target
    initiative.state_changed_at = now
    initiative.save(update_fields=["state", "state_changed_at", "updated_at"])
    _mark_response(initiative, actor, now)
    audit(
        action="initiative.transition",
        actor=actor,
        municipality=initiative.municipality,
        target=initiative,
        data={"from": transition.from_state, "to": target, "reason": reason},
    )
    notify_transition(transition)
    given.state = initiative.state
    given.state_changed_at = now
    given.first_response_at = initiative.first_response_at
    return transition


@transaction.atomic
def trial_plan(
    *,
    initiative: Initiative,
    actor,
    we_believe: str,
    will_lead_to: str,
    what_is_tried: str,
    starts_on: date,
    ends_on: date,
    criteria: Iterable[tuple[str, str]],
    reason: str = "",
    now: datetime | None = None,
) -> Trial:
    """Describe (or revise) the trial of the current round while it is prepared, or
    adjust it while it runs — then with a reason, kept as a visible revision."""
    if Actor.MUNICIPALITY not in actors_for(actor, initiative):
        raise PermissionDenied(_("Kun kommunen kan beskrive prøvehandlingen."))
    if initiative.state not in (State.PREPARING, State.TRYING):
        raise ValidationError(
            _(
                "Prøvehandlingen kan kun beskrives, mens initiativet forberedes, "
                "og justeres, mens det afprøves."
            )
        )
    running = initiative.state == State.TRYING
    if running and not reason.strip():
        raise ValidationError(
            _("Skriv hvorfor prøvehandlingen justeres, mens den afprøves.")
        )
    criteria = [(i.strip(), t.strip()) for i, t in criteria if i.strip()]
    if not criteria:
        raise ValidationError(_("Angiv mindst ét succeskriterium med en målværdi."))
    if any(not target for _i, target in criteria):
        raise ValidationError(_("Hvert succeskriterium skal have en målværdi."))
    last = current_trial(initiative)
    if running and (last is None or last.outcome is not None):
        raise ValidationError(_("Der er ingen igangværende prøvehandling at justere."))
    before = _trial_snapshot(last) if running and last is not None else None
    if last is not None and last.outcome is None:
        trial = last
    else:
        trial = Trial(
            municipality_id=initiative.municipality_id,
            initiative=initiative,
            round=(last.round + 1) if last else 1,
        )
    trial.we_believe = we_believe.strip()
    trial.will_lead_to = will_lead_to.strip()
    trial.what_is_tried = what_is_tried.strip()
    trial.starts_on = starts_on
    trial.ends_on = ends_on
    if ends_on < starts_on:
        raise ValidationError(_("Perioden skal slutte efter, den begynder."))
    trial.full_clean()
    trial.save()
    trial.criteria.all().delete()
    SuccessCriterion.objects.bulk_create(
        SuccessCriterion(trial=trial, indicator=i, target=t) for i, t in criteria
    )
    if before is not None:  # a running trial was changed
        after = _trial_snapshot(trial)
        changes = [
            {"field": field, "before": before[field], "after": after[field]}
            for field in after
            if before[field] != after[field]
        ]
        if not changes:
            raise ValidationError(_("Der er ikke ændret noget i prøvehandlingen."))
        TrialRevision.objects.create(
            trial=trial,
            changed_at=_now(now),
            changed_by=actor,
            reason=reason.strip(),
            changes=changes,
        )
    search.index_trials([trial.pk])
    audit(
        action="trial.adjust" if running else "trial.plan",
        actor=actor,
        municipality=initiative.municipality,
        target=trial,
    )
    return trial


def _newspaper_changed(municipality_id: int) -> None:
    """The newspaper shows this: lay out today's edition again in the background."""
    from .tasks import rebuild_default_editions

    transaction.on_commit(lambda: rebuild_default_editions(municipality_id))


def _trial_snapshot(trial: Trial) -> dict[str, str]:
    """The parts of a trial a revision compares, as plain text."""
    return {
        "we_believe": trial.we_believe,
        "will_lead_to": trial.will_lead_to,
        "what_is_tried": trial.what_is_tried,
        "period": f"{trial.starts_on.isoformat()} – {trial.ends_on.isoformat()}",
        "criteria": "\n".join(
            f"{c.indicator}: {c.target}" for c in trial.criteria.order_by("id")
        ),
    }


@transaction.atomic
def trial_evaluate(
    *,
    trial: Trial,
    actor,
    outcome: str,
    learned: str,
    do_differently: str,
    results: dict[int, tuple[str, bool | None]],
    now: datetime | None = None,
) -> Trial:
    """Record the result per criterion and what was learned — also when it failed."""
    initiative = trial.initiative
    if Actor.MUNICIPALITY not in actors_for(actor, initiative):
        raise PermissionDenied(_("Kun kommunen kan evaluere prøvehandlingen."))
    if initiative.state != State.EVALUATING:
        raise ValidationError(_("Prøvehandlingen evalueres, når afprøvningen er slut."))
    if not learned.strip():
        raise ValidationError(_("Skriv hvad I lærte — også når det ikke virkede."))
    criteria = list(trial.criteria.all())
    missing = [c for c in criteria if not results.get(c.pk, ("", None))[0].strip()]
    if missing:
        raise ValidationError(_("Angiv et resultat for hvert succeskriterium."))
    for criterion in criteria:
        result, met = results[criterion.pk]
        criterion.result = result.strip()
        criterion.met = met
        criterion.full_clean()
    SuccessCriterion.objects.bulk_update(criteria, ["result", "met"])
    trial.outcome = outcome
    trial.learned = learned.strip()
    trial.do_differently = do_differently.strip()
    trial.evaluated_at = _now(now)
    trial.evaluated_by = actor
    trial.department_id = initiative.department_id
    trial.full_clean()
    trial.save()
    search.index_trials([trial.pk])
    _newspaper_changed(initiative.municipality_id)
    audit(
        action="trial.evaluate",
        actor=actor,
        municipality=initiative.municipality,
        target=trial,
        data={"outcome": outcome},
    )
    return trial


# --- stories ------------------------------------------------------------------


@transaction.atomic
def story_create(
    *,
    author,
    title: str,
    lead: str,
    body: str,
    initiative: Initiative | None = None,
    community=None,
    collaboration=None,
    municipality=None,
) -> Story:
    """A draft story about an initiative, a community or a collaboration."""
    subjects = [x for x in (initiative, community, collaboration) if x is not None]
    if len(subjects) != 1:
        raise ValidationError(
            _("En historie handler om ét initiativ, fællesskab eller samarbejde.")
        )
    subject = subjects[0]
    municipality_id = subject.municipality_id
    if municipality is not None and municipality.pk != municipality_id:
        raise ValidationError(_("Historien skal høre til kommunen."))
    story = Story(
        municipality_id=municipality_id,
        initiative=initiative,
        community=community,
        collaboration=collaboration,
        author=author,
        title=title.strip(),
        lead=lead.strip(),
        body=body.strip(),
    )
    story.full_clean()
    story.save()
    audit(
        action="story.create",
        actor=author,
        municipality=subject.municipality,
        target=story,
    )
    if not is_staff_member(author, subject):  # employees write stories as work
        record_participation(
            municipality=subject.municipality,
            user=author,
            action="initiative.story",
            rung=INITIATIVE_ACTIONS["initiative.story"],
            source=story,
        )
    return story


@transaction.atomic
def story_update(*, story: Story, actor, title: str, lead: str, body: str) -> Story:
    story.title = title.strip()
    story.lead = lead.strip()
    story.body = body.strip()
    story.full_clean()
    story.save(update_fields=["title", "lead", "body"])
    if story.published_at:
        _newspaper_changed(story.municipality_id)
    audit(
        action="story.update",
        actor=actor,
        municipality=story.municipality,
        target=story,
    )
    return story


@transaction.atomic
def story_photo_add(
    *, story: Story, actor, image, caption: str, shows_people: bool
) -> StoryPhoto:
    content = prepare_image(image)
    photo = StoryPhoto(story=story, caption=caption.strip(), shows_people=shows_people)
    photo.image.save(content.name, content, save=False)
    photo.full_clean()
    photo.save()
    audit(
        action="story.photo_add",
        actor=actor,
        municipality=story.municipality,
        target=photo,
    )
    return photo


@transaction.atomic
def consent_record(
    *,
    photo: StoryPhoto,
    actor,
    person_name: str,
    consented_on: date,
    method: str,
    note: str = "",
) -> PhotoConsent:
    consent = PhotoConsent(
        photo=photo,
        person_name=person_name.strip(),
        consented_on=consented_on,
        method=method,
        note=note.strip(),
        recorded_by=actor,
    )
    consent.full_clean()
    if consented_on > timezone.localdate():
        raise ValidationError(_("Et samtykke kan ikke være givet i fremtiden."))
    consent.save()
    audit(
        action="story.consent",
        actor=actor,
        municipality=photo.story.municipality,
        target=consent,
        data={"method": method},
    )
    return consent


def photos_missing_consent(story: Story) -> list[StoryPhoto]:
    return list(story.photos.filter(shows_people=True, consents__isnull=True))


@transaction.atomic
def story_publish(*, story: Story, actor, now: datetime | None = None) -> Story:
    """Publish — only when every photo showing people has recorded consent."""
    missing = photos_missing_consent(story)
    if missing:
        raise ValidationError(
            _(
                "Historien kan ikke udgives: %(n)d foto(s) viser personer uden "
                "registreret samtykke."
            )
            % {"n": len(missing)}
        )
    story.published_at = _now(now)
    story.save(update_fields=["published_at"])
    _newspaper_changed(story.municipality_id)
    audit(
        action="story.publish",
        actor=actor,
        municipality=story.municipality,
        target=story,
    )
    return story
