"""What the organisations app holds about one person (picked up by the data export).

Memberships go with the account (cascade) and nothing counts them, so no
``delete_personal_data`` is needed. An organisation whose only administrator
deletes their account is left without one: the last-administrator rule of
``organisation_member_remove`` guards leaving, not account deletion.
"""

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
