"""Demo content for hearings and debates.

``load_demo`` plays Rødovre's hearing on the city-centre plan through the
services with the clock moved back: announced, open for seven weeks with
comments on the paragraphs, replies from an employee and a politician,
reactions, two reports and a comment hidden with its reason (and the author's
appeal waiting), then closed and answered. Kerteminde's debate on the harbour
is open now. Loading again replaces them.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import Membership, User
from faelles.participation.models import ParticipationAct

from . import services
from .demo_content import BYMIDTEPLAN, DEBAT, RESIDENTS
from .models import Hearing


def load_demo(*, municipalities, stdout) -> None:
    for spec in (BYMIDTEPLAN, DEBAT):
        municipality = municipalities.get(spec["municipality"])
        if municipality is None:
            continue
        with transaction.atomic():
            _clear(municipality, spec["title"])
            people = _people(municipality)
            if spec is BYMIDTEPLAN:
                people.update(_residents(municipality))
            hearing = _play(municipality, spec, people)
        stdout.write(
            f"  {hearing.get_kind_display().lower()} in {municipality.slug}: "
            f"{hearing.title} ({hearing.comment_count} comments)"
        )


def _people(municipality) -> dict[str, User]:
    domain = f"@{municipality.slug}.faelles.example"
    return {
        u.email.removesuffix(domain): u
        for u in User.objects.filter(email__endswith=domain).order_by("email")
    }


def _residents(municipality) -> dict[str, User]:
    """The residents who take part in the hearing (they cannot log in)."""
    found = {}
    for i, (name, postcode, _age) in enumerate(RESIDENTS, 1):
        key = f"beboer{i:02d}"
        user, created = User.objects.get_or_create(
            email=f"{key}@{municipality.slug}.faelles.example",
            defaults={"display_name": name, "postcode": postcode},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(user=user, municipality=municipality)
        found[key] = user
    return found


def _clear(municipality, title: str) -> None:
    for hearing in Hearing.objects.filter(municipality=municipality, title=title):
        ParticipationAct.objects.filter(
            source_type="dialogue.hearing", source_id=str(hearing.pk)
        ).delete()
        hearing.delete()


def _paragraph(hearing, where):
    if where is None:
        return None
    section, number = where
    return hearing.sections.get(position=section).paragraphs.get(position=number)


def _play(municipality, spec, people) -> Hearing:
    today = timezone.now().replace(second=0, microsecond=0)
    announced = today - timedelta(days=spec["announced_days_ago"])
    opens = today - timedelta(days=spec["opens_days_ago"])
    if "closes_in_days" in spec:
        closes = today + timedelta(days=spec["closes_in_days"])
    else:
        closes = today - timedelta(days=spec["closes_days_ago"])
    author = people.get("medarbejder")
    hearing = services.hearing_create(
        municipality=municipality,
        actor=author,
        kind=spec["kind"],
        title=spec["title"],
        question=spec["question"],
        draft=spec["draft"],
        announced_at=announced,
        opens_at=opens,
        closes_at=closes,
        now=announced - timedelta(days=3),
    )
    ages = {f"beboer{i:02d}": age for i, (_n, _p, age) in enumerate(RESIDENTS, 1)}
    comments = {}
    when = opens + timedelta(hours=5)
    step = (min(closes, today) - when) / (len(spec["comments"]) + 10)
    for key, who, where, text in spec["comments"]:
        person = people[who]
        comments[key] = services.comment_create(
            hearing=hearing,
            author=person,
            body=text,
            paragraph=_paragraph(hearing, where),
            postcode=person.postcode,
            age_band=ages.get(who, ""),
            now=when,
        )
        when += step
    for key, parent, who, text in spec["replies"]:
        comments[key] = services.comment_create(
            hearing=hearing,
            author=people[who],
            body=text,
            parent=comments[parent],
            now=when,
        )
        when += step / 3
    residents = [people[k] for k in sorted(people) if k.startswith("beboer")]
    for key, kind, count in spec.get("reactions", []):
        comment = comments[key]
        reactors = [p for p in residents if p.pk != comment.author_id]
        # Different people for the two kinds on one comment.
        offset = 0 if kind != "agree" else len(reactors) // 2
        for person in (reactors[offset:] + reactors[:offset])[:count]:
            if comment.reactions.filter(user=person).exists():
                continue
            services.reaction_set(comment=comment, user=person, kind=kind, now=when)
    hidden = spec.get("hidden")
    if hidden:
        target = comments[hidden["comment"]]
        for key, who, reason in spec.get("reports", []):
            services.comment_report(
                comment=comments[key], reporter=people[who], reason=reason, now=when
            )
        hide_at = when + timedelta(hours=2)
        services.comment_hide(
            comment=target,
            moderator=people[hidden["moderator"]],
            reason=hidden["reason"],
            now=hide_at,
        )
        target.refresh_from_db()
        services.appeal_create(
            comment=target,
            author=target.author,
            text="Jeg mener stadig, at planen er spild af penge. Det må man da sige.",
            now=hide_at + timedelta(hours=3),
        )
    answer = spec.get("answer")
    if answer:
        writer = people[answer["author"]]
        answered = today - timedelta(days=spec["answered_days_ago"])
        services.answer_save(
            hearing=hearing,
            actor=writer,
            heard=answer["heard"],
            changed=answer["changed"],
            not_changed=answer["not_changed"],
            now=answered - timedelta(days=2),
        )
        services.answer_publish(hearing=hearing, actor=writer, now=answered)
    hearing.refresh_from_db()
    return hearing
