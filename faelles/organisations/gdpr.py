"""What the organisations app holds about one person (picked up by the data export)."""

from .models import OrganisationMember


def export_personal_data(user) -> dict:
    return {
        "memberships": [
            {
                "municipality": m.organisation.municipality.slug,
                "organisation": m.organisation.name,
                "kind": m.organisation.kind,
                "is_admin": m.is_admin,
                "joined_at": m.joined_at.isoformat(),
            }
            for m in OrganisationMember.objects.filter(user=user).select_related(
                "organisation__municipality"
            )
        ]
    }
