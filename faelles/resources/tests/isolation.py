from faelles.accounts.factories import UserFactory
from faelles.core.isolation import isolation_case
from faelles.organisations.factories import OrganisationFactory
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import (
    ChildCertificateVerification,
    Collaboration,
    Proposal,
)


@isolation_case(
    "resources:detail",
    "resources:matches",
    "resources:edit",
    "resources:renew",
    "resources:close",
    "resources:respond",
    "resources:ask_facilitator",
)
def listing(municipality):
    return {"pk": NeedFactory(municipality=municipality).pk}


@isolation_case("resources:my_matches")
def own_listing(municipality, viewer=None):
    """A listing's top three for "mine" are its holder's alone: the viewer holds it."""
    owner = viewer or UserFactory()
    return {"pk": NeedFactory(municipality=municipality, owner=owner).pk}


def _proposal(municipality, **extra):
    return Proposal.objects.create(
        municipality=municipality,
        need=NeedFactory(municipality=municipality),
        offer=ListingFactory(municipality=municipality, owner=UserFactory()),
        **extra,
    )


@isolation_case(
    "resources:proposal",
    "resources:proposal_accept",
    "resources:proposal_decline",
    "resources:proposal_confirm",
    "resources:proposal_dismiss",
)
def proposal(municipality):
    return {"pk": _proposal(municipality, status=Proposal.Status.SUGGESTED).pk}


@isolation_case(
    "resources:collaboration",
    "resources:collaboration_message",
    "resources:collaboration_status",
    "resources:collaboration_hours",
    "resources:collaboration_feedback",
)
def collaboration(municipality, viewer=None):
    p = _proposal(municipality, status=Proposal.Status.ACCEPTED)
    c = Collaboration.objects.create(
        municipality=municipality,
        proposal=p,
        need=p.need,
        offer=p.offer,
        need_owner=p.need.owner,
        offer_owner=p.offer.owner,
        facilitator=viewer,  # private to its people: the test's viewer is one
    )
    return {"pk": c.pk}


@isolation_case("resources:certificate_revoke")
def certificate(municipality):
    import datetime as dt

    row = ChildCertificateVerification.objects.create(
        municipality=municipality,
        person=UserFactory(),
        organisation=OrganisationFactory(municipality=municipality),
        verified_on=dt.date(2026, 1, 5),
        valid_until=dt.date(2028, 1, 5),
    )
    return {"pk": row.pk}
