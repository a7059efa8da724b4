"""What Fælles keeps about a person in resources and needs (for the data export).

Deleting an account deletes the person's listings and with them their proposals and
collaborations (foreign keys cascade); their messages in others' threads lose the
author. Nothing else names them, so no ``delete_personal_data`` is needed.
"""

from datetime import datetime

from django.db.models import Q

from .models import (
    ChildCertificateVerification,
    Collaboration,
    CollaborationMessage,
    Feedback,
    HoursEntry,
    Listing,
    Proposal,
)


def _answered_at(proposal: Proposal, user) -> datetime:
    """When the person said yes (recorded together with who said it)."""
    at = (
        proposal.need_accepted_at
        if proposal.need_accepted_by_id == user.pk
        else proposal.offer_accepted_at
    )
    assert at is not None  # accepted_by is never set without accepted_at
    return at


def export_personal_data(user) -> dict:
    listings = Listing.objects.filter(owner=user).select_related("municipality")
    return {
        "listings": [
            {
                "municipality": x.municipality.slug,
                "side": x.side,
                "kind": x.kind,
                "title": x.title,
                "text": x.text,
                "categories": x.categories,
                "postcode": x.postcode,
                "visibility": x.visibility,
                "special_consent_at": x.special_consent_at.isoformat()
                if x.special_consent_at
                else None,
                "behalf_consent": {
                    "by": x.behalf_consent_by,
                    "method": x.behalf_consent_method,
                    "at": x.behalf_consent_at.isoformat(),
                }
                if x.behalf_consent_at
                else None,
                "created_at": x.created_at.isoformat(),
                "expires_on": x.expires_on.isoformat(),
            }
            for x in listings
        ],
        "child_certificate_verifications": [
            {
                "organisation": v.organisation.name,
                "verified_on": v.verified_on.isoformat(),
                "valid_until": v.valid_until.isoformat(),
            }
            for v in ChildCertificateVerification.objects.filter(
                person=user
            ).select_related("organisation")
        ],
        "proposals_made": [
            {
                "need": p.need.title,
                "offer": p.offer.title,
                "status": p.status,
                "note": p.note,
                "at": p.created_at.isoformat(),
            }
            for p in Proposal.objects.filter(proposed_by=user).select_related(
                "need", "offer"
            )
        ],
        "proposals_answered_yes": [
            {
                "need": p.need.title,
                "offer": p.offer.title,
                "side": "need" if p.need_accepted_by_id == user.pk else "offer",
                "at": _answered_at(p, user).isoformat(),
            }
            for p in Proposal.objects.filter(
                Q(need_accepted_by=user) | Q(offer_accepted_by=user)
            ).select_related("need", "offer")
        ],
        "collaborations": [
            {
                "id": c.pk,
                "need": c.need.title,
                "offer": c.offer.title,
                "role": "need"
                if c.need_owner_id == user.pk
                else "offer"
                if c.offer_owner_id == user.pk
                else "facilitator",
                "status": c.status,
                "started_at": c.started_at.isoformat(),
                "finished_at": c.finished_at.isoformat() if c.finished_at else None,
            }
            for c in Collaboration.objects.filter(
                Q(need_owner=user) | Q(offer_owner=user) | Q(facilitator=user)
            ).select_related("need", "offer")
        ],
        "collaboration_messages": [
            {
                "collaboration": m.collaboration_id,
                "body": m.body,
                "at": m.created_at.isoformat(),
            }
            for m in CollaborationMessage.objects.filter(author=user)
        ],
        "hours": [
            {
                "collaboration": h.collaboration_id,
                "hours": str(h.hours),
                "on": h.on.isoformat(),
            }
            for h in HoursEntry.objects.filter(person=user)
        ],
        "feedback": [
            {"collaboration": f.collaboration_id, "text": f.text}
            for f in Feedback.objects.filter(author=user)
        ],
    }
