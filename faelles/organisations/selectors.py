from django.db.models import Count, QuerySet

from .models import Organisation, OrganisationMember


def organisation_list(
    *, municipality, kind: str = "", query: str = ""
) -> QuerySet[Organisation]:
    qs = Organisation.objects.for_municipality(municipality)
    qs = qs.filter(kind=kind) if kind in Organisation.Kind.values else qs.civil()
    if query:
        qs = qs.filter(name__icontains=query)
    return qs.order_by("name", "id")


def with_member_counts(organisations) -> list[Organisation]:
    """Member counts for one page of organisations, in one grouped query."""
    organisations = list(organisations)
    counts = dict(
        OrganisationMember.objects.filter(
            organisation__in=[o.pk for o in organisations]
        )
        .values_list("organisation")
        .annotate(n=Count("id"))
    )
    for organisation in organisations:
        organisation.member_count = counts.get(organisation.pk, 0)
    return organisations


def organisations_acting_as(user, municipality) -> QuerySet[Organisation]:
    """Organisations the user may act on behalf of in this municipality."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.for_municipality(municipality).filter(
        members__user=user
    )


def acting_organisation(request):
    """The organisation the person currently acts for, if they still may.

    Looked up at most once per request (the header shows it on every page); no
    query at all unless the person chose to act for an organisation.
    """
    if not hasattr(request, "_acting_organisation"):
        org_id = (
            request.session.get(f"acting_as:{request.municipality.pk}")
            if getattr(request, "municipality", None)
            else None
        )
        request._acting_organisation = (
            organisations_acting_as(request.user, request.municipality)
            .filter(pk=org_id)
            .first()
            if org_id
            else None
        )
    return request._acting_organisation
