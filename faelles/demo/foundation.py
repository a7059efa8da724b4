"""Loads the hand-written foundation content: municipalities, organisations, people."""

from django.contrib.auth.hashers import make_password
from django.db import transaction

from faelles.accounts.models import Membership, ProfileVisibility, User
from faelles.municipalities.models import Municipality, Principle
from faelles.organisations.models import Organisation, OrganisationMember

from .content.foundation import DEMO_PASSWORD, MUNICIPALITIES, PLATFORM_ADMIN
from .themes import load_strategy


@transaction.atomic
def load_foundation() -> dict[str, Municipality]:
    """Create or refresh the five demo municipalities; safe to run again."""
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    admin, _ = User.objects.update_or_create(
        email=PLATFORM_ADMIN["email"],
        defaults={
            "display_name": PLATFORM_ADMIN["display_name"],
            "is_staff": True,
            "is_superuser": True,
            "password": password,
        },
    )
    _verify_email(admin)
    loaded: dict[str, Municipality] = {}
    for data in MUNICIPALITIES:
        m, _ = Municipality.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "programme_name": data["programme_name"],
                "programme_name_en": data.get("programme_name_en", ""),
                "programme_text": data.get("programme_text", ""),
                "programme_text_en": data.get("programme_text_en", ""),
                "contact_email": data["contact"].get("email", ""),
                "contact_phone": data["contact"].get("phone", ""),
                "address": data["contact"].get("address", ""),
                "website": data["contact"].get("website", ""),
                "primary_colour": data["colours"]["primary"],
                "accent_colour": data["colours"].get("accent", "#C9E3F2"),
            },
        )
        load_strategy(m)
        m.principles.all().delete()
        Principle.objects.bulk_create(
            Principle(municipality=m, position=i, **p)
            for i, p in enumerate(data["principles"], 1)
        )
        orgs: dict[str, Organisation] = {}
        for dep in data["departments"]:
            orgs[dep["slug"]], _ = Organisation.objects.update_or_create(
                municipality=m,
                slug=dep["slug"],
                defaults={
                    "kind": Organisation.Kind.DEPARTMENT,
                    "name": dep["name"],
                    "description": dep.get("description", ""),
                },
            )
        for org in data["organisations"]:
            orgs[org["slug"]], _ = Organisation.objects.update_or_create(
                municipality=m,
                slug=org["slug"],
                defaults={
                    "kind": org["kind"],
                    "name": org["name"],
                    "description": org.get("description", ""),
                    "postcode": org.get("postcode", ""),
                    "email": org.get("email", ""),
                    "website": org.get("website", ""),
                },
            )
        for person in data["people"]:
            user, _ = User.objects.update_or_create(
                email=person["email"],
                defaults={
                    "display_name": person["display_name"],
                    "postcode": person.get("postcode", ""),
                    "languages": person.get("languages", ["da"]),
                    "bio": person.get("bio", ""),
                    "profile_visibility": ProfileVisibility.MEMBERS
                    if person.get("public_profile", True)
                    else ProfileVisibility.PRIVATE,
                    "show_postcode": person.get("public_profile", True),
                    "password": password,
                },
            )
            _verify_email(user)
            roles = set(person.get("roles", ["citizen"]))
            department = orgs.get(person.get("department") or "")
            Membership.objects.update_or_create(
                user=user,
                municipality=m,
                defaults={
                    "is_citizen": "citizen" in roles,
                    "is_employee": "employee" in roles,
                    "department": department if "employee" in roles else None,
                    "job_title": person.get("job_title", ""),
                    "is_politician": "politician" in roles,
                    "party": person.get("party", ""),
                    "is_moderator": "moderator" in roles,
                    "is_administrator": "administrator" in roles,
                },
            )
            for link in person.get("organisations", []):
                OrganisationMember.objects.update_or_create(
                    organisation=orgs[link["slug"]],
                    user=user,
                    defaults={"is_admin": link.get("admin", False)},
                )
        loaded[m.slug] = m
    return loaded


def _verify_email(user: User) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


ROLE_LOGINS = {
    "borger": "borger / citizen",
    "medarbejder": "medarbejder / employee",
    "politiker": "politiker / politician",
    "moderator": "moderator",
    "admin": "administrator",
    "forening": "foreningsadministrator / association admin",
    "virksomhed": "virksomhedsadministrator / business admin",
}


def demo_logins() -> list[tuple[str, str, str]]:
    """(municipality, role, e-mail) of the fixed demo logins, for the console."""
    rows = [("—", "platformsadministrator / platform admin", PLATFORM_ADMIN["email"])]
    for data in MUNICIPALITIES:
        for person in data["people"]:
            role = ROLE_LOGINS.get(person["email"].split("@")[0])
            if role:
                rows.append((data["name"], role, person["email"]))
    return rows
