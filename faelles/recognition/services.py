"""Every write of recognition: thanks and their consent, awards and their jury,
nominations, scores, winners, the announcement and the winners' consent."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.models import Membership
from faelles.core.audit import audit
from faelles.core.services import check_fields
from faelles.municipalities.models import Municipality
from faelles.notifications.services import notify
from faelles.organisations.models import Organisation, OrganisationMember

from . import nominees
from .models import MESSAGE_MAX, Award, Juror, Nomination, Score, Thanks, Winner

THANKS_PER_DAY = 20
AWARD_TEXT_MAX = 3000  # an award's description and criteria


def _text(value: str | None, limit: int = MESSAGE_MAX) -> str:
    """Free text: trimmed, and at most ``limit`` characters (a text field's
    length is not checked by the model itself)."""
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            _("Skriv højst %(n)d tegn.") % {"n": limit}, code="max_length"
        )
    return text


def _line(value: str | None) -> str:
    return " ".join((value or "").split())


def _organisation_admins(organisation: Organisation) -> list[Any]:
    return [
        m.user
        for m in OrganisationMember.objects.filter(
            organisation=organisation, is_admin=True, user__is_active=True
        ).select_related("user")
    ]


def _voices(*, user: Any, organisation: Organisation | None) -> list[Any]:
    """Who answers for a recipient: the person, or the organisation's admins."""
    if user is not None:
        return [user]
    return _organisation_admins(organisation) if organisation is not None else []


# --- thanks -------------------------------------------------------------------


@transaction.atomic
def thanks_give(
    *,
    municipality: Municipality,
    sender: Any,
    message: str,
    for_what: str = "",
    recipient_user: Any = None,
    recipient_organisation: Organisation | None = None,
    sender_organisation: Organisation | None = None,
    public_requested: bool = False,
    now: datetime | None = None,
) -> Thanks:
    """``sender`` (acting for ``sender_organisation`` if given) thanks a person
    or an organisation of the municipality."""
    now = now or timezone.now()
    if not Membership.objects.filter(municipality=municipality, user=sender).exists():
        raise ValidationError(_("Du skal være med i kommunen for at sige tak."))
    if (recipient_user is None) == (recipient_organisation is None):
        raise ValidationError(_("Vælg, hvem du vil takke."))
    if recipient_user is not None:
        if recipient_user.pk == sender.pk:
            raise ValidationError(_("Du kan ikke takke dig selv."))
        if not (
            recipient_user.is_active
            and Membership.objects.filter(
                municipality=municipality, user=recipient_user
            ).exists()
        ):
            raise ValidationError(_("Du kan ikke takke denne person her."))
    if recipient_organisation is not None:
        if recipient_organisation.municipality_id != municipality.pk:
            raise ValidationError(
                {"recipient_organisation": _("Vælg en organisation fra kommunen.")}
            )
        if sender_organisation is not None and (
            sender_organisation.pk == recipient_organisation.pk
        ):
            raise ValidationError(_("En organisation kan ikke takke sig selv."))
    if sender_organisation is not None and not (
        sender_organisation.municipality_id == municipality.pk
        and OrganisationMember.objects.filter(
            organisation=sender_organisation, user=sender
        ).exists()
    ):
        raise ValidationError(_("Du kan ikke sige tak på vegne af den organisation."))
    sent_today = Thanks.objects.filter(
        sender=sender, created_at__gte=now - timedelta(days=1)
    ).count()
    if sent_today >= THANKS_PER_DAY:
        raise ValidationError(
            _(
                "Du har sagt tak %(n)d gange det seneste døgn. Det er rigtig "
                "flot – prøv igen i morgen."
            )
            % {"n": sent_today}
        )
    thanks = Thanks(
        municipality=municipality,
        sender=sender,
        sender_organisation=sender_organisation,
        recipient_user=recipient_user,
        recipient_organisation=recipient_organisation,
        message=_text(message),
        for_what=_line(for_what),
        public_requested=bool(public_requested),
        created_at=now,
    )
    thanks.full_clean()
    thanks.save()
    audit(action="recognition.thanks_give", municipality=municipality)
    url = thanks_url(municipality)
    sender_name = thanks.from_name
    recipients = (
        [recipient_user]
        if recipient_user
        else [
            m.user
            for m in OrganisationMember.objects.filter(
                organisation=recipient_organisation, user__is_active=True
            ).select_related("user")
        ]
    )

    def send() -> None:
        for person in recipients:
            if person.pk == sender.pk:
                continue
            notify(
                recipient=person,
                municipality=municipality,
                kind="recognition.thanks",
                title=lambda: _("%(name)s siger tak") % {"name": sender_name},
                body=thanks.message,
                url=url,
            )

    transaction.on_commit(send)
    return thanks


def thanks_url(municipality: Municipality) -> str:
    from faelles.municipalities.tenancy import tenant_reverse

    return tenant_reverse("recognition:thanks", municipality)


@transaction.atomic
def thanks_consent(
    *, thanks: Thanks, actor: Any, consent: bool, now: datetime | None = None
) -> Thanks:
    """The recipient lets a thanks be shown publicly, or takes it back (at once)."""
    if consent:
        if not thanks.public_requested:
            raise ValidationError(
                _("Afsenderen har ikke bedt om at vise takken offentligt.")
            )
        thanks.consented_at = thanks.consented_at or now or timezone.now()
    else:
        thanks.consented_at = None
    thanks.save(update_fields=["consented_at"])
    audit(action="recognition.thanks_consent", municipality=thanks.municipality)
    return thanks


@transaction.atomic
def thanks_delete(*, thanks: Thanks, actor: Any) -> None:
    municipality = thanks.municipality
    thanks.delete()
    audit(action="recognition.thanks_delete", municipality=municipality)


# --- awards -------------------------------------------------------------------

AWARD_FIELDS = (
    "name",
    "description",
    "criteria",
    "nominations_open",
    "nominations_close",
    "announce_on",
)


def _check_dates(award: Award) -> None:
    if not (award.nominations_open and award.nominations_close and award.announce_on):
        return
    if award.nominations_close < award.nominations_open:
        raise ValidationError(
            {"nominations_close": _("Nomineringen skal lukke efter, den åbner.")}
        )
    if award.announce_on < award.nominations_close:
        raise ValidationError(
            {
                "announce_on": _(
                    "Vinderen kan først offentliggøres, når nomineringen er lukket."
                )
            }
        )


@transaction.atomic
def award_save(
    *,
    municipality: Municipality,
    actor: Any,
    award: Award | None = None,
    **fields: Any,
) -> Award:
    """Create an award (a draft) or change one that is not announced yet."""
    check_fields(fields, AWARD_FIELDS, what="award fields")
    created = award is None
    if award is None:
        award = Award(municipality=municipality, created_by=actor)
    elif award.announced_at is not None:
        raise ValidationError(_("Prisen er uddelt og kan ikke ændres."))
    for name, value in fields.items():
        if name in ("name",):
            value = _line(value)
        elif name in ("description", "criteria"):
            value = _text(value, AWARD_TEXT_MAX)
        setattr(award, name, value)
    _check_dates(award)
    award.full_clean()
    award.save()
    audit(
        action="recognition.award_create" if created else "recognition.award_update",
        actor=actor,
        municipality=municipality,
        target=award,
    )
    return award


@transaction.atomic
def award_publish(*, award: Award, actor: Any, now: datetime | None = None) -> Award:
    """Make a draft award public: it opens for nominations on its date."""
    if award.published_at is not None:
        raise ValidationError(_("Prisen er allerede offentliggjort."))
    if not award.jurors.filter(is_chair=True).exists():
        raise ValidationError(
            _("Sæt en jury med en formand, før prisen offentliggøres.")
        )
    award.published_at = now or timezone.now()
    award.save(update_fields=["published_at"])
    audit(
        action="recognition.award_publish",
        actor=actor,
        municipality=award.municipality,
        target=award,
    )
    return award


@transaction.atomic
def jury_set(*, award: Award, actor: Any, members: list[Any], chair: Any) -> None:
    """Replace the jury: ``members`` among the municipality's people, ``chair``
    one of them. Scores of people leaving the jury go with them."""
    if award.announced_at is not None:
        raise ValidationError(_("Prisen er uddelt; juryen kan ikke ændres."))
    ids = {m.pk for m in members}
    if not ids:
        raise ValidationError({"members": _("Vælg mindst ét jurymedlem.")})
    if chair is None or chair.pk not in ids:
        raise ValidationError({"chair": _("Formanden skal være medlem af juryen.")})
    found = set(
        Membership.objects.filter(
            municipality=award.municipality, user_id__in=ids, user__is_active=True
        ).values_list("user_id", flat=True)
    )
    if found != ids:
        raise ValidationError(
            {"members": _("Juryen vælges blandt kommunens egne folk.")}
        )
    Score.objects.filter(nomination__award=award).exclude(juror_id__in=ids).delete()
    Juror.objects.filter(award=award).exclude(user_id__in=ids).delete()
    Juror.objects.filter(award=award).update(is_chair=False)
    existing = set(Juror.objects.filter(award=award).values_list("user_id", flat=True))
    Juror.objects.bulk_create(
        [Juror(award=award, user_id=pk) for pk in sorted(ids - existing)]
    )
    Juror.objects.filter(award=award, user_id=chair.pk).update(is_chair=True)
    award.__dict__.pop("_seats", None)
    audit(
        action="recognition.jury_set",
        actor=actor,
        municipality=award.municipality,
        target=award,
        data={"members": len(ids)},
    )


# --- nominations --------------------------------------------------------------


@transaction.atomic
def nomination_create(
    *,
    award: Award,
    nominator: Any,
    kind: str,
    nominee_id: Any,
    reason: str,
    today: date | None = None,
) -> Nomination:
    today = today or timezone.localdate()
    if award.phase(today) != "nominating":
        raise ValidationError(_("Der kan ikke nomineres til prisen lige nu."))
    if not Membership.objects.filter(
        municipality=award.municipality, user=nominator
    ).exists():
        raise ValidationError(_("Du skal være med i kommunen for at nominere."))
    field, nominee = nominees.resolve(
        municipality=award.municipality, kind=kind, pk=nominee_id
    )
    if Nomination.objects.filter(
        award=award, nominator=nominator, **{field: nominee}
    ).exists():
        raise ValidationError(_("Du har allerede nomineret dem til denne pris."))
    nomination = Nomination(
        award=award, nominator=nominator, reason=_text(reason), **{field: nominee}
    )
    nomination.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:
        raise ValidationError(
            _("Du har allerede nomineret dem til denne pris.")
        ) from None
    audit(action="recognition.nominate", municipality=award.municipality)
    return nomination


@transaction.atomic
def nomination_withdraw(
    *, nomination: Nomination, actor: Any, today: date | None = None
) -> None:
    if nomination.nominator_id != actor.pk:
        raise ValidationError(_("Kun den, der nominerede, kan trække det tilbage."))
    if nomination.award.phase(today) != "nominating":
        raise ValidationError(
            _("Nomineringen er lukket; juryen har allerede dit forslag.")
        )
    nomination.delete()
    audit(
        action="recognition.nomination_withdraw",
        municipality=nomination.award.municipality,
    )


# --- the jury -----------------------------------------------------------------


def conflict_of_interest(nomination: Nomination, user: Any) -> bool:
    """The juror is the nominee, or nominated them."""
    return user.pk in (nomination.nominee_user_id, nomination.nominator_id)


@transaction.atomic
def score_give(
    *, nomination: Nomination, juror: Any, stars: Any, comment: str = ""
) -> Score:
    award = nomination.award
    if not Juror.objects.filter(award=award, user=juror).exists():
        raise ValidationError(_("Kun juryen giver stjerner."))
    if award.announced_at is not None:
        raise ValidationError(_("Prisen er uddelt; bedømmelserne er låst."))
    if conflict_of_interest(nomination, juror):
        raise ValidationError(
            _("Du er inhabil i denne nominering og kan ikke bedømme den.")
        )
    try:
        stars = int(stars)
    except (TypeError, ValueError):
        stars = -1
    if stars not in (0, 1, 2, 3):
        raise ValidationError({"stars": _("Giv mellem 0 og 3 stjerner.")})
    score = Score.objects.filter(nomination=nomination, juror=juror).first() or Score(
        nomination=nomination, juror=juror
    )
    score.stars = stars
    score.comment = _line(comment)
    score.full_clean(validate_unique=False, validate_constraints=False)
    score.save()
    audit(action="recognition.score", municipality=award.municipality)
    return score


@transaction.atomic
def winner_record(
    *, award: Award, actor: Any, nomination: Nomination, motivation: str
) -> Winner:
    """The chair records a winner (one of the nominations) with a motivation."""
    if award.announced_at is not None:
        raise ValidationError(_("Prisen er allerede uddelt."))
    if award.phase() != "deliberating":
        raise ValidationError(_("Vinderen vælges, når nomineringen er lukket."))
    if nomination.award_id != award.pk:
        raise ValidationError({"nomination": _("Vælg en af prisens nomineringer.")})
    field, value = nomination.nominee_key()
    if Winner.objects.filter(award=award, **{f"{field}_id": value}).exists():
        raise ValidationError(_("De er allerede valgt som vinder."))
    winner = Winner(
        award=award,
        motivation=_text(motivation),
        decided_by=actor,
        **{f"{field}_id": value},
    )
    winner.full_clean()
    winner.save()
    audit(
        action="recognition.winner_record",
        actor=actor,
        municipality=award.municipality,
        target=award,
    )
    return winner


@transaction.atomic
def winner_remove(*, winner: Winner, actor: Any) -> None:
    award = winner.award
    if award.announced_at is not None:
        raise ValidationError(_("Prisen er allerede uddelt."))
    winner.delete()
    audit(
        action="recognition.winner_remove",
        actor=actor,
        municipality=award.municipality,
        target=award,
    )


@transaction.atomic
def award_announce(*, award: Award, actor: Any, now: datetime | None = None) -> Award:
    """Announce the winners. Each winner who is a person or an organisation is
    asked to agree to being named; until then they are not named publicly."""
    now = now or timezone.now()
    if award.announced_at is not None:
        raise ValidationError(_("Prisen er allerede uddelt."))
    if award.phase(timezone.localdate(now)) != "deliberating":
        raise ValidationError(_("Vinderen offentliggøres, når nomineringen er lukket."))
    winners = list(award.winners.select_related("nominee_user", "nominee_organisation"))
    if not winners:
        raise ValidationError(_("Vælg mindst én vinder, før prisen uddeles."))
    award.announced_at = now
    award.save(update_fields=["announced_at"])
    audit(
        action="recognition.award_announce",
        actor=actor,
        municipality=award.municipality,
        target=award,
    )
    municipality = award.municipality
    name = award.name
    asks = [
        (person, winner.consent_url())
        for winner in winners
        if winner.needs_consent
        for person in _voices(
            user=winner.nominee_user, organisation=winner.nominee_organisation
        )
    ]

    def send() -> None:
        for person, url in asks:
            notify(
                recipient=person,
                municipality=municipality,
                kind="recognition.winner",
                title=lambda: _("Tillykke! I har vundet %(award)s") % {"award": name},
                body=lambda: _(
                    "Sig ja til, at vi nævner jer ved navn på fejringssiden."
                ),
                url=url,
            )

    transaction.on_commit(send)
    return award


@transaction.atomic
def winner_consent(
    *, winner: Winner, actor: Any, consent: bool, now: datetime | None = None
) -> Winner:
    if consent:
        winner.consented_at = winner.consented_at or now or timezone.now()
    else:
        winner.consented_at = None
    winner.save(update_fields=["consented_at"])
    audit(action="recognition.winner_consent", municipality=winner.award.municipality)
    return winner
