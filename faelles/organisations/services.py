"""Every write to organisations goes through here."""

from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models.deletion import Collector
from django.utils.text import slugify
from django.utils.translation import gettext as _

from faelles.core.audit import audit
from faelles.core.services import model_update
from faelles.participation.services import record_participation

from .models import Organisation, OrganisationMember


def _unique_slug(municipality, name: str, exclude_pk=None) -> str:
    base = (
        slugify(name.replace("æ", "ae").replace("ø", "oe").replace("å", "aa"))[:70]
        or "organisation"
    )
    slug, n = base, 2
    qs = Organisation.objects.filter(municipality=municipality)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# Acts on the activity ladder (docs/activity-ladder.md): putting an association or a
# business into the community's shared life is organising (civil society); an
# institution's page is taking part in the institution one belongs to.
CREATE_RUNG: dict[str, int] = {
    Organisation.Kind.ASSOCIATION: 5,
    Organisation.Kind.BUSINESS: 5,
    Organisation.Kind.INSTITUTION: 3,
}


def _record_participation(*, organisation: Organisation, actor) -> None:
    record_participation(
        municipality=organisation.municipality,
        user=actor,
        action="organisations.create",
        rung=CREATE_RUNG[organisation.kind],
        source=organisation,
    )


@transaction.atomic
def organisation_create(
    *,
    municipality,
    actor,
    kind: str,
    name: str,
    description: str = "",
    postcode: str = "",
    email: str = "",
    phone: str = "",
    website: str = "",
    parent: Organisation | None = None,
) -> Organisation:
    organisation = Organisation(
        municipality=municipality,
        kind=kind,
        parent=parent,
        name=name.strip(),
        description=description,
        postcode=postcode,
        email=email,
        phone=phone,
        website=website,
        slug=_unique_slug(municipality, name),
    )
    organisation.full_clean()
    organisation.save()
    if kind != Organisation.Kind.DEPARTMENT and actor is not None:
        OrganisationMember.objects.create(
            organisation=organisation, user=actor, is_admin=True
        )
        _record_participation(organisation=organisation, actor=actor)
    audit(
        action="organisation.create",
        actor=actor,
        municipality=municipality,
        target=organisation,
    )
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, actor, **fields) -> Organisation:
    return model_update(
        organisation, fields=fields, actor=actor, action="organisation.update"
    )


@transaction.atomic
def organisation_member_add(
    *, organisation: Organisation, actor, user, is_admin: bool = False
) -> OrganisationMember:
    member, _created = OrganisationMember.objects.update_or_create(
        organisation=organisation, user=user, defaults={"is_admin": is_admin}
    )
    audit(
        action="organisation.member_add",
        actor=actor,
        municipality=organisation.municipality,
        target=organisation,
        data={"user": user.pk, "is_admin": is_admin},
    )
    return member


@transaction.atomic
def organisation_member_remove(*, organisation: Organisation, actor, user) -> None:
    """Remove a person from an organisation; the last administrator stays.

    The organisation's row is locked first, so two administrators removing each
    other at the same time cannot leave it without one.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    member = OrganisationMember.objects.filter(
        organisation=organisation, user=user
    ).first()
    if member is None:
        raise ValidationError(_("Personen er ikke medlem."))
    if (
        member.is_admin
        and OrganisationMember.objects.filter(
            organisation=organisation, is_admin=True
        ).count()
        == 1
    ):
        raise ValidationError(_("Organisationen skal have mindst én administrator."))
    member.delete()
    audit(
        action="organisation.member_remove",
        actor=actor,
        municipality=organisation.municipality,
        target=organisation,
        data={"user": user.pk},
    )


@transaction.atomic
def department_delete(*, department: Organisation, actor) -> None:
    """Remove a municipal department that nothing depends on any more.

    Refused while employees belong to it or anything else would be deleted with it
    (content posted on its behalf): nothing that was saved may be lost silently.
    """
    if department.kind != Organisation.Kind.DEPARTMENT:
        raise ValidationError(_("Kun kommunale afdelinger kan slettes her."))
    if department.units.exists():
        raise ValidationError(
            _("Flyt eller slet først de enheder, der hører under afdelingen.")
        )
    if department.employees.exists():
        raise ValidationError(
            _("Flyt først afdelingens medarbejdere til en anden afdeling.")
        )
    collector = Collector(using=router.db_for_write(Organisation))
    collector.collect([department])
    dependants = [
        model
        for model, objects in collector.data.items()
        if model is not Organisation and objects
    ] + [qs.model for qs in collector.fast_deletes if qs.exists()]
    if dependants:
        raise ValidationError(
            _(
                "Afdelingen kan ikke slettes, fordi der stadig er indhold, der hører til den."
            )
        )
    audit(
        action="department.delete",
        actor=actor,
        municipality=department.municipality,
        target=department,
        data={"name": department.name},
    )
    department.delete()
