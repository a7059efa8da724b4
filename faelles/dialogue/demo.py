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
from faelles.demo.themes import demo_themes
from faelles.municipalities.models import Theme
from faelles.participation.models import ParticipationAct

from . import services
from .demo_content import BYMIDTEPLAN, DEBAT, RESIDENTS, HearingSpec
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
        user, created = User.objects.update_or_create(
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


def _play(municipality, spec: HearingSpec, people: dict[str, User]) -> Hearing:
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
        theme=demo_themes(municipality)[spec["theme"]],
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


# --- scale data -------------------------------------------------------------------

SIZES = {
    "small": {"hearings": 10, "comments": 3_000, "reactions": 6_000},
    "large": {"hearings": 400, "comments": 300_000, "reactions": 600_000},
}
PARAGRAPHS = 12  # 4 sections of 3 paragraphs
SEED_TEXTS = [
    "Jeg støtter forslaget, men husk cykelparkering.",
    "Det her vil give mere trafik i sidegaderne.",
    "Flere træer og bænke, tak.",
    "Hvordan sikrer I, at de ældre kan komme frem?",
    "Godt at vi bliver spurgt, før det er besluttet.",
    "Prisen er for høj i forhold til, hvad vi får.",
]


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Hearings with many comments, in bulk: a long tail (a few hearings hold
    most comments), each comment on a paragraph or the whole, a third of them
    replies, reactions, and the participants counted in who was heard."""
    from django.db import connection
    from django.db.models import Max

    from faelles.core.bulk import insert_rows, reset_sequences

    from .models import AgeBand, Comment, Paragraph, Participant, Reaction, Section

    size = SIZES[scale]
    users = list(
        Membership.objects.filter(municipality=municipality)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    if len(users) < 50:
        return  # seed accounts first: hearings need people

    def next_id(model) -> int:
        return (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1

    n = size["hearings"]
    # Filed under the municipality's own themes, in turn (one query).
    themes: list[int | None] = list(
        Theme.objects.filter(municipality=municipality, is_active=True)
        .order_by("position", "id")
        .values_list("id", flat=True)
    ) or [None]
    weights = [rng.paretovariate(1.2) for _ in range(n)]
    scale_by = size["comments"] / sum(weights)
    counts = [int(w * scale_by) for w in weights]
    counts[weights.index(max(weights))] += size["comments"] - sum(counts)
    now = timezone.now().replace(microsecond=0)
    ids = {m: next_id(m) for m in (Hearing, Section, Paragraph, Comment)}
    hearings, sections, paragraphs = [], [], []
    comments, reactions, participants = [], [], []
    bands = ["", *AgeBand.values]
    postcodes = ["", *(f"{p:04d}" for p in range(2600, 2700, 10))]
    bar = progress(n, f"hearings in {municipality.slug}")
    for i in range(n):
        hearing_id = ids[Hearing] + i
        opens = now - timedelta(days=rng.randint(0, 700))
        closes = opens + timedelta(days=rng.randint(14, 60))
        hearings.append(
            (
                hearing_id,
                municipality.pk,
                "hearing" if i % 3 else "debate",
                f"Høring {i + 1}: lokalplan for område {rng.randint(1, 400)}",
                "Hvad mener du om forslaget?",
                opens - timedelta(days=7),
                opens,
                closes,
                counts[i],
                now,
                themes[i % len(themes)],
            )
        )
        paragraph_ids = []
        for s in range(4):
            section_id = ids[Section]
            ids[Section] += 1
            sections.append((section_id, hearing_id, s + 1, f"Afsnit {s + 1}"))
            for p in range(3):
                paragraph_ids.append(ids[Paragraph])
                paragraphs.append(
                    (ids[Paragraph], section_id, p + 1, rng.choice(SEED_TEXTS))
                )
                ids[Paragraph] += 1
        roots: list[tuple[int, int | None]] = []
        heard: set[int] = set()
        span = max(1, int((min(closes, now) - opens).total_seconds()))
        for _ in range(counts[i]):
            comment_id = ids[Comment]
            ids[Comment] += 1
            author = rng.choice(users)
            heard.add(author)
            at = opens + timedelta(seconds=rng.randrange(span))
            if roots and rng.random() < 0.33:
                parent, paragraph = rng.choice(roots)
            else:
                parent = None
                paragraph = rng.choice([None, *paragraph_ids])
                roots.append((comment_id, paragraph))
            comments.append(
                (
                    comment_id,
                    hearing_id,
                    paragraph,
                    parent,
                    author,
                    rng.choice(SEED_TEXTS),
                    "citizen",
                    "",
                    False,
                    "",
                    at,
                )
            )
        for user_id in heard:
            participants.append(
                (
                    hearing_id,
                    user_id,
                    rng.choice(postcodes),
                    rng.choice(bands),
                    opens,
                )
            )
        bar.update(1)
    bar.close()
    per_comment = size["reactions"] / max(1, len(comments))
    for row in comments:
        for user_id in rng.sample(
            users, min(len(users), int(rng.expovariate(1 / per_comment)))
        ):
            reactions.append(
                (row[0], user_id, rng.choice(["agree", "disagree", "useful"]), row[10])
            )
    with transaction.atomic():
        insert_rows(
            Hearing,
            [
                "id",
                "municipality",
                "kind",
                "title",
                "question",
                "announced_at",
                "opens_at",
                "closes_at",
                "comment_count",
                "created_at",
                "theme",
            ],
            hearings,
        )
        insert_rows(Section, ["id", "hearing", "position", "heading"], sections)
        insert_rows(Paragraph, ["id", "section", "position", "text"], paragraphs)
        insert_rows(
            Comment,
            [
                "id",
                "hearing",
                "paragraph",
                "parent",
                "author",
                "body",
                "author_role",
                "author_role_detail",
                "is_hidden",
                "hidden_reason",
                "created_at",
            ],
            comments,
        )
        insert_rows(Reaction, ["comment", "user", "kind", "created_at"], reactions)
        insert_rows(
            Participant,
            ["hearing", "user", "postcode", "age_band", "first_at"],
            participants,
        )
    if connection.vendor == "postgresql":
        reset_sequences([Hearing, Section, Paragraph, Comment, Reaction, Participant])
