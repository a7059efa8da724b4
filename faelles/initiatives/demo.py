"""Demo content and scale data for initiatives, trials, the library and stories.

``load_demo`` replays each hand-written initiative (``demo_content.py``) through the
services — proposal, support, joining, comments, facilitation, every transition
with its reason, the trial and its honest evaluation, a story with a photo and
recorded consent — with the dates moved back in time, so the timeline, the
learning library and the community newspaper show real history.

``seed`` writes scale data in bulk (PostgreSQL COPY; plain executemany elsewhere),
deterministic for a given random stream: ``large`` is 20,000 initiatives with
1,000,000 supports and 1,000,000 comments, and one activity-ladder act for each.
"""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.models import F, Max
from django.db.models.functions import Mod
from django.utils import timezone

from faelles.core.bulk import insert_rows, reset_sequences
from faelles.demo.themes import demo_themes
from faelles.participation.models import ParticipationAct, Rung

from .demo_content import INITIATIVES
from .models import (
    Comment,
    Follow,
    Initiative,
    InitiativeSettings,
    InitiativeTheme,
    Need,
    Outcome,
    Participation,
    State,
    Story,
    SuccessCriterion,
    Support,
    Transition,
    Trial,
)

PUBLIC_LIBRARIES = {"faxe", "skanderborg"}
MUNICIPALITY_STEPS = {
    State.PREPARING,
    State.TRYING,
    State.EVALUATING,
    State.ANCHORED,
    State.STOPPED,
    State.REPEATED,
}
HIDDEN_COMMENT = (
    "Ring bare til min nabo Hans på 12 34 56 78 – han har altid tid, også om natten.",
    "Indeholder en anden persons telefonnummer uden samtykke.",
)


# --- demo ---------------------------------------------------------------------


def load_demo(*, municipalities, stdout) -> None:
    from .notifications import muted

    with muted():
        for slug, items in INITIATIVES.items():
            municipality = municipalities.get(slug)
            if municipality is None:
                continue
            with transaction.atomic():
                _load_municipality(municipality, items)
            stdout.write(f"  {len(items)} initiatives in {slug}")


class _Demo:
    """People, organisations and principles of one demo municipality by short name."""

    def __init__(self, municipality):
        from faelles.accounts.models import User
        from faelles.organisations.models import Organisation, OrganisationMember

        self.municipality = municipality
        domain = f"@{municipality.slug}.faelles.example"
        self.people = {
            u.email.removesuffix(domain): u
            for u in User.objects.filter(email__endswith=domain)
        }
        self.organisations = {
            o.slug: o for o in Organisation.objects.filter(municipality=municipality)
        }
        self.principles = list(municipality.principles.order_by("position"))
        self.themes = demo_themes(municipality)
        self.org_of = {}
        for link in OrganisationMember.objects.filter(
            organisation__municipality=municipality, is_admin=True
        ).select_related("organisation", "user"):
            self.org_of.setdefault(link.user_id, link.organisation)

    def person(self, name):
        return self.people[name] if name else None


def _clear(municipality, titles) -> None:
    """Remove earlier demo initiatives of these titles, so loading again refreshes."""
    old = Initiative.objects.filter(municipality=municipality, title__in=titles)
    ids = [str(pk) for pk in old.values_list("pk", flat=True)]
    story_ids = [
        str(pk)
        for pk in Story.objects.filter(initiative__in=old).values_list("pk", flat=True)
    ]
    ParticipationAct.objects.filter(
        source_type="initiatives.initiative", source_id__in=ids
    ).delete()
    ParticipationAct.objects.filter(
        source_type="initiatives.story", source_id__in=story_ids
    ).delete()
    listing_ids = list(
        Need.objects.filter(initiative__in=old, listing__isnull=False).values_list(
            "listing_id", flat=True
        )
    )
    old.delete()
    if listing_ids:
        from faelles.resources.models import Listing

        Listing.objects.filter(pk__in=listing_ids).delete()


def _load_municipality(municipality, items) -> None:
    InitiativeSettings.objects.update_or_create(
        municipality=municipality,
        defaults={
            "response_days": 14,
            "library_public": municipality.slug in PUBLIC_LIBRARIES,
        },
    )
    _clear(municipality, [item["title"] for item in items])
    demo = _Demo(municipality)
    now = timezone.now()
    hidden_done = False
    for item in items:
        initiative = _load_initiative(demo, item, now)
        # The moderated comment is a citizen's: never on an internal initiative.
        if not hidden_done and item["comments"] and not item.get("staff_only"):
            _hidden_comment(demo, initiative, now)
            hidden_done = True


def _at(base: datetime, days: float, now: datetime) -> datetime:
    when = base + timedelta(days=days)
    if when >= now:
        raise ValueError(f"demo event in the future: {when:%Y-%m-%d}")
    return when


def _load_initiative(demo: _Demo, item: dict, now: datetime) -> Initiative:
    from . import services

    created = now - timedelta(days=item["ago"], hours=3)
    proposer = demo.person(item["by"])
    organisation = demo.organisations.get(item.get("org") or "")
    facilitator = demo.person(item.get("fac"))
    municipal = facilitator or demo.person("admin")
    initiative = services.initiative_create(
        municipality=demo.municipality,
        proposer=proposer,
        organisation=organisation,
        title=item["title"],
        challenge=item["challenge"],
        idea=item["idea"],
        target_group=item["who"],
        postcode=item["pc"],
        place=item["place"],
        themes=[demo.themes[key] for key in item["themes"]],
        principles=[
            demo.principles[i - 1]
            for i in item["principles"]
            if i <= len(demo.principles)
        ],
        needs=[
            {"kind": kind, "title": title, "quantity": quantity}
            for kind, title, quantity in item["needs"]
        ],
        staff_only=item.get("staff_only", False),
        now=created,
    )
    if facilitator:
        services.facilitator_assign(
            initiative=initiative,
            actor=demo.person("admin"),
            facilitator=facilitator,
            team=[demo.person(p) for p in item.get("team", [])],
            now=_at(created, 2, now),
        )
    for i, name in enumerate(item["supporters"]):
        user = demo.person(name)
        org = demo.org_of.get(user.pk) if name in ("forening", "virksomhed") else None
        services.support_toggle(
            initiative=initiative,
            user=user,
            organisation=org,
            now=_at(created, 1 + i * 0.7, now),
        )
    open_roles = list(initiative.needs.filter(kind=Need.Kind.ROLE, is_open=True))
    for i, (name, role) in enumerate(item["joins"]):
        user = demo.person(name)
        org = demo.org_of.get(user.pk) if name in ("forening", "virksomhed") else None
        services.participation_join(
            initiative=initiative,
            user=user,
            role=role,
            need=open_roles[0] if open_roles and i == 0 else None,
            organisation=org,
            now=_at(created, 3 + i, now),
        )
    for i, (name, body, replies) in enumerate(item["comments"]):
        root = services.comment_create(
            initiative=initiative,
            author=demo.person(name),
            body=body,
            now=_at(created, 2 + 4 * i, now),
        )
        for j, (reply_by, reply) in enumerate(replies):
            services.comment_create(
                initiative=initiative,
                author=demo.person(reply_by),
                body=reply,
                parent=root,
                now=_at(created, 2.5 + 4 * i + 0.5 * j, now),
            )
    _replay_lifecycle(demo, initiative, item, created, now, municipal, proposer)
    if item.get("state") == State.PREPARING:
        need = initiative.needs.filter(kind=Need.Kind.ROLE, is_open=True).first()
        if need is not None:
            services.need_publish(need=need, actor=proposer, now=_at(created, 9, now))
    if "story" in item:
        _story(demo, initiative, item["story"], municipal, now)
    return initiative


def _replay_lifecycle(demo, initiative, item, created, now, municipal, proposer):
    from . import services

    trial_data = item.get("trial")
    start = created + timedelta(days=30)
    end = start + timedelta(weeks=trial_data["weeks"]) if trial_data else start
    previous = created
    for target, reason in item["why"].items():
        when = {
            State.PREPARING: created + timedelta(days=8),
            State.TRYING: start,
            State.EVALUATING: end + timedelta(days=1),
        }.get(target, end + timedelta(days=14))
        if target == State.WITHDRAWN:
            when = previous + timedelta(days=20)
        if when >= now:
            raise ValueError(f"{item['title']}: {target} would be in the future")
        if target == State.TRYING:
            criteria = trial_data["criteria"]
            services.trial_plan(
                initiative=initiative,
                actor=municipal,
                we_believe=trial_data["we_believe"],
                will_lead_to=trial_data["will_lead_to"],
                what_is_tried=trial_data["what"],
                starts_on=start.date(),
                ends_on=end.date(),
                criteria=[(c[0], c[1]) for c in criteria],
            )
        actor = proposer if target == State.WITHDRAWN else municipal
        if target in (State.ANCHORED, State.STOPPED, State.REPEATED):
            _evaluate(initiative, trial_data, municipal, end + timedelta(days=10))
        services.initiative_transition(
            initiative=initiative,
            actor=actor,
            target=target,
            reason=reason,
            now=when,
        )
        previous = when
    if item["state"] == State.EVALUATING and trial_data.get("outcome"):
        _evaluate(initiative, trial_data, municipal, end + timedelta(days=10))
    initiative.refresh_from_db()
    if initiative.state != item["state"]:
        raise ValueError(f"{item['title']}: ended in {initiative.state}")


def _evaluate(initiative, trial_data, actor, when) -> None:
    from . import services

    trial = services.current_trial(initiative)
    assert trial is not None  # the demo initiative is being tried
    by_indicator = {c[0]: c for c in trial_data["criteria"]}
    services.trial_evaluate(
        trial=trial,
        actor=actor,
        outcome=trial_data["outcome"],
        learned=trial_data["learned"],
        do_differently=trial_data.get("differently", ""),
        results={
            c.pk: (by_indicator[c.indicator][2], by_indicator[c.indicator][3])
            for c in trial.criteria.all()
        },
        now=when,
    )


def demo_photo(seed: str, colour: str) -> SimpleUploadedFile:
    """A small drawn picture (sky, sea or field, sun, figures) standing in for a photo."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = 960, 600
    image = Image.new("RGB", (width, height), "#cfe6f5")
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(260, 360)
    draw.rectangle([0, horizon, width, height], fill=colour)
    sun_x = rng.randint(120, width - 120)
    draw.ellipse([sun_x - 50, 60, sun_x + 50, 160], fill="#f6c945")
    for k in range(rng.randint(3, 6)):
        x = 120 + k * rng.randint(120, 150)
        y = horizon + rng.randint(40, 140)
        draw.ellipse([x - 18, y - 90, x + 18, y - 54], fill="#5b3a29")
        draw.rectangle(
            [x - 22, y - 54, x + 22, y + 20],
            fill=rng.choice(["#c0392b", "#2e86c1", "#27ae60", "#8e44ad", "#f39c12"]),
        )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile("demo.jpg", buffer.getvalue(), content_type="image/jpeg")


def _story(demo, initiative, data, author, now) -> None:
    from . import services

    published = now - timedelta(days=data["ago"])
    story = services.story_create(
        initiative=initiative,
        author=author,
        title=data["title"],
        lead=data["lead"],
        body=data["body"],
    )
    photo = services.story_photo_add(
        story=story,
        actor=author,
        image=demo_photo(data["title"], demo.municipality.primary_colour),
        caption=data["caption"],
        shows_people=True,
    )
    for name, method in data["consents"]:
        services.consent_record(
            photo=photo,
            actor=author,
            person_name=name,
            consented_on=(published - timedelta(days=3)).date(),
            method=method,
            note="Samtykke til brug i gode historier og fællesskabsavisen.",
        )
    services.story_publish(story=story, actor=demo.person("admin"), now=published)


def _hidden_comment(demo, initiative, now) -> None:
    from . import services

    body, reason = HIDDEN_COMMENT
    when = max(initiative.created_at + timedelta(days=5), now - timedelta(days=1))
    when = min(when, now - timedelta(hours=1))
    comment = services.comment_create(
        initiative=initiative, author=demo.person("virksomhed"), body=body, now=when
    )
    services.comment_hide(
        comment=comment,
        moderator=demo.person("moderator"),
        reason=reason,
        now=when + timedelta(minutes=30),
    )


# --- scale data ---------------------------------------------------------------

SIZES = {
    "small": {"initiatives": 200, "supports": 5_000, "comments": 5_000},
    "large": {"initiatives": 20_000, "supports": 1_000_000, "comments": 1_000_000},
}
STATE_WEIGHTS = [
    (State.IDEA, 30),
    (State.PREPARING, 10),
    (State.TRYING, 15),
    (State.EVALUATING, 5),
    (State.ANCHORED, 15),
    (State.STOPPED, 10),
    (State.REPEATED, 5),
    (State.WITHDRAWN, 10),
]
PATHS = {
    State.IDEA: [],
    State.PREPARING: [State.PREPARING],
    State.TRYING: [State.PREPARING, State.TRYING],
    State.EVALUATING: [State.PREPARING, State.TRYING, State.EVALUATING],
    State.ANCHORED: [State.PREPARING, State.TRYING, State.EVALUATING, State.ANCHORED],
    State.STOPPED: [State.PREPARING, State.TRYING, State.EVALUATING, State.STOPPED],
    State.REPEATED: [State.PREPARING, State.TRYING, State.EVALUATING, State.REPEATED],
    State.WITHDRAWN: [State.WITHDRAWN],
}
WHAT = [
    ("Fællesspisning", "for enlige ældre", "elderly"),
    ("Gåbus", "til skolen", "mobility"),
    ("Lektiecafé", "for udskolingen", "learning"),
    ("Reparationscafé", "på biblioteket", "nature"),
    ("Byttemarked", "for børnetøj", "neighbours"),
    ("Gåklub", "for nye pensionister", "health"),
    ("Fredagscafé", "drevet af unge", "children"),
    ("Fælleshave", "mellem blokkene", "city"),
    ("Sprogcafé", "for nye borgere", "learning"),
    ("Bydelsmødre", "der hjælper med sundhed", "health"),
    ("Læsevenner", "fra de store klasser", "children"),
    ("Badebro", "bygget af frivillige", "nature"),
    ("Cykelværksted", "for unge", "mobility"),
    ("Klimafestival", "på torvet", "nature"),
    ("Værtsfamilier", "for nye familier", "neighbours"),
    ("Peer-hold", "for mennesker med KOL", "health"),
    ("Koncertrække", "i forsamlingshuset", "culture"),
    ("Jobcafé", "med frivillige mentorer", "work"),
]
#: The old hard-coded initiative themes, in their order (keeps the random stream).
THEME_KEYS = [
    "health", "children", "elderly", "nature", "culture", "neighbours",
    "learning", "work", "city", "mobility",
]  # fmt: skip
PLACES = [
    "Nordbyen", "Søndermarken", "Stationsbyen", "Havnen", "Skovkvarteret",
    "Engparken", "Bakkehuse", "Mølleparken", "Vestervang", "Kirkebyen",
]  # fmt: skip
COMMENTS = [
    "Det lyder rigtig godt – jeg vil gerne hjælpe en lørdag.",
    "Har I tænkt på, hvordan man kommer derhen uden bil?",
    "Vi prøvede noget lignende for nogle år siden. Spørg endelig!",
    "Kan børn være med?",
    "Jeg støtter. Husk at fortælle det i lokalavisen.",
    "Hvem skal man kontakte for at være med?",
    "Tak fordi I tager initiativet.",
    "Det ville betyde meget for min mor.",
]
LEARNED = [
    "Det virkede, fordi nogen inviterede personligt. Opslag alene nåede ikke nye.",
    "Vi nåede dem, der i forvejen var aktive, ikke dem, vi ville nå.",
    "En fast tovholder var afgørende; uden den gik det i stå efter tre måneder.",
    "Tidspunktet passede ikke til folk i arbejde.",
    "Det tog længere tid end ventet at få tilladelserne, men resultatet holdt.",
]
CHUNK = 2_000
STAFF_ONLY_EVERY = 20


def _next_id(model) -> int:
    return (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1


def _spread(total: int, n: int, rng: random.Random, cap: int) -> list[int]:
    """Split ``total`` over ``n`` items with a long tail (a few get very many)."""
    weights = [rng.paretovariate(1.3) for _ in range(n)]
    scale = total / sum(weights)
    counts = [min(cap, int(w * scale)) for w in weights]
    missing = total - sum(counts)
    i = 0
    while missing > 0:
        if counts[i % n] < cap:
            counts[i % n] += 1
            missing -= 1
        i += 1
    return counts


def seed(*, municipality, scale: str, rng, progress) -> None:
    from faelles.accounts.models import Membership

    size = SIZES[scale]
    members = list(
        Membership.objects.filter(municipality=municipality)
        .order_by("user_id")
        .values_list("user_id", "is_employee", "department_id")
    )
    if len(members) < 50:
        return  # seed accounts first: initiatives need people
    users = [m[0] for m in members]
    employees: list[tuple[int, int | None]] = [
        (m[0], m[2]) for m in members if m[1]
    ] or [(users[0], None)]
    staff = {m[0] for m in members if m[1]}
    departments = list(
        municipality.organisations.filter(kind="department")
        .order_by("id")
        .values_list("id", flat=True)
    )
    n = size["initiatives"]
    support_counts = _spread(size["supports"], n, rng, cap=len(users) - 1)
    comment_counts = _spread(size["comments"], n, rng, cap=10**9)
    states = rng.choices(
        [s for s, _w in STATE_WEIGHTS], [w for _s, w in STATE_WEIGHTS], k=n
    )
    first_initiative = _next_id(Initiative)
    ids = {
        model: _next_id(model)
        for model in (
            Initiative,
            Comment,
            Trial,
            SuccessCriterion,
            Story,
            Transition,
            Need,
        )
    }
    now = timezone.now().replace(microsecond=0)
    bar = progress(n, f"initiatives in {municipality.slug}")
    for chunk_start in range(0, n, CHUNK):
        chunk = range(chunk_start, min(n, chunk_start + CHUNK))
        _seed_chunk(
            municipality=municipality,
            rng=rng,
            ids=ids,
            indices=chunk,
            states=states,
            support_counts=support_counts,
            comment_counts=comment_counts,
            users=users,
            employees=employees,
            staff=staff,
            departments=departments,
            now=now,
        )
        bar.update(len(chunk))
    bar.close()
    # One in twenty is internal (staff-only, docs/staff-only.md), chosen by
    # position so the random stream, and with it the rest of the data, stays.
    Initiative.objects.filter(
        municipality=municipality, pk__gte=first_initiative
    ).annotate(position=Mod(F("pk") - first_initiative, STAFF_ONLY_EVERY)).filter(
        position=0
    ).update(staff_only=True)
    from .search import index_municipality

    index_municipality(municipality.pk)
    if connection.vendor == "postgresql":
        reset_sequences(
            [
                Initiative,
                Comment,
                Trial,
                SuccessCriterion,
                Story,
                Transition,
                Need,
                InitiativeTheme,
                Support,
                Participation,
                Follow,
                ParticipationAct,
            ]
        )
        with connection.cursor() as cursor:
            for model in (Initiative, Comment, Support, Trial, ParticipationAct):
                cursor.execute(f"ANALYZE {model._meta.db_table}")  # noqa: S608


def _seed_chunk(
    *,
    municipality,
    rng,
    ids,
    indices,
    states,
    support_counts,
    comment_counts,
    users,
    employees,
    staff,
    departments,
    now,
):
    mid = municipality.pk
    theme_ids = {key: t.pk for key, t in demo_themes(municipality).items()}
    initiatives, themes, needs, transitions = [], [], [], []
    trials, criteria, stories, supports = [], [], [], []
    comments, participations, follows, acts = [], [], [], []
    span = 4 * 365 * 24 * 3600
    for i in indices:
        pk = ids[Initiative]
        ids[Initiative] += 1
        state = states[i]
        what, for_whom, theme = WHAT[i % len(WHAT)]
        place = PLACES[(i // len(WHAT)) % len(PLACES)]
        created = now - timedelta(seconds=rng.randint(3600, span))
        age = (now - created).total_seconds()
        proposer = rng.choice(users)
        facilitator, department = (
            rng.choice(employees) if state != State.IDEA else (None, None)
        )
        department = department or (rng.choice(departments) if departments else None)
        path = PATHS[state]
        step = age / (len(path) + 1)
        changed = created + timedelta(seconds=step * len(path))
        # children --------------------------------------------------------
        k_support = support_counts[i]
        chosen = rng.sample(users, k_support) if k_support else []
        for u in chosen:
            when = created + timedelta(seconds=rng.random() * age)
            supports.append((pk, u, None, when))
            acts.append((mid, u, "initiative.support", Rung.CIVIL_SOCIETY, pk, when))
        k_comment = comment_counts[i]
        roots: list[int] = []
        comment_times = sorted(rng.random() for _ in range(k_comment))
        for fraction in comment_times:
            cid = ids[Comment]
            ids[Comment] += 1
            author = rng.choice(users)
            when = created + timedelta(seconds=fraction * age)
            parent = rng.choice(roots) if roots and rng.random() < 0.3 else None
            if parent is None:
                roots.append(cid)
            municipal = author in staff
            comments.append(
                (
                    cid,
                    pk,
                    parent,
                    author,
                    rng.choice(COMMENTS),
                    municipal,
                    False,
                    "",
                    when,
                )
            )
            if not municipal:
                acts.append(
                    (
                        mid,
                        author,
                        "initiative.comment",
                        Rung.CIVIL_SOCIETY,
                        pk,
                        when,
                    )
                )
        joined = rng.sample(users, min(len(users), rng.randint(0, 8)))
        for u in joined:
            when = created + timedelta(seconds=rng.random() * age)
            participations.append((pk, u, "Hjælper", when))
            acts.append((mid, u, "initiative.join", Rung.CIVIL_SOCIETY, pk, when))
        followers = rng.sample(users, min(len(users), rng.randint(0, 12)))
        follows.extend((pk, u, created) for u in followers)
        acts.append(
            (mid, proposer, "initiative.propose", Rung.CIVIL_SOCIETY, pk, created)
        )
        first_response = (
            created + timedelta(days=2)
            if state != State.IDEA or rng.random() < 0.6
            else None
        )
        initiatives.append(
            (
                pk,
                mid,
                f"{what} {for_whom} i {place}",
                f"I {place} mangler vi {what.lower()} {for_whom}.",
                f"Vi vil starte {what.lower()} {for_whom} og søger flere, der vil "
                f"være med. Kommunen kan hjælpe med lokaler og kontakter.",
                "Alle i området",
                "",
                place,
                state,
                proposer,
                facilitator,
                department,
                len(chosen),
                k_comment,
                len(joined),
                len(followers),
                first_response,
                changed,
                created,
                now,
            )
        )
        extra = rng.choice(THEME_KEYS)
        for t in sorted({theme_ids[theme], theme_ids[extra]}):
            themes.append((mid, pk, t))
        need_id = ids[Need]
        ids[Need] += 1
        needs.append(
            (need_id, mid, pk, Need.Kind.ROLE, "Frivillige hjælpere", "", 5, 0, True,
             created)
        )  # fmt: skip
        transitions.append(
            (pk, "", State.IDEA, proposer, "Initiativet blev foreslået.", created)
        )
        source = State.IDEA
        for n_step, target in enumerate(path, 1):
            actor = proposer if target == State.WITHDRAWN else facilitator
            transitions.append(
                (
                    pk,
                    source,
                    target,
                    actor,
                    "Næste skridt.",
                    created + timedelta(seconds=step * n_step),
                )
            )
            source = target
        if State.TRYING in path:
            tid = ids[Trial]
            ids[Trial] += 1
            starts = (created + timedelta(seconds=2 * step)).date()
            ends = max(starts, (created + timedelta(seconds=3 * step)).date())
            evaluated = state in (
                State.ANCHORED,
                State.STOPPED,
                State.REPEATED,
            ) or (state == State.EVALUATING and rng.random() < 0.5)
            outcome = (
                rng.choices(
                    [Outcome.WORKED, Outcome.PARTLY, Outcome.DID_NOT_WORK], [4, 3, 3]
                )[0]
                if evaluated
                else None
            )
            trials.append(
                (
                    tid,
                    mid,
                    pk,
                    1,
                    f"{what.lower()} {for_whom}",
                    "at flere i området bliver aktive og mødes",
                    f"Vi afprøver {what.lower()} i et halvt år.",
                    starts,
                    ends,
                    outcome,
                    rng.choice(LEARNED) if outcome else "",
                    "Invitere personligt fra begyndelsen." if outcome else "",
                    changed if outcome else None,
                    facilitator if outcome else None,
                    department if outcome else None,
                    created,
                )
            )
            for indicator, target in (
                ("Deltagere pr. gang", "15"),
                ("Frivillige", "5"),
            ):
                cid = ids[SuccessCriterion]
                ids[SuccessCriterion] += 1
                met = rng.random() < 0.5 if outcome else None
                result = str(rng.randint(3, 30)) if outcome else ""
                criteria.append((cid, tid, indicator, target, result, met))
            if outcome and rng.random() < 0.3:
                sid = ids[Story]
                ids[Story] += 1
                stories.append(
                    (
                        sid,
                        mid,
                        pk,
                        f"Sådan gik det med {what.lower()} i {place}",
                        f"{what} {for_whom} – fortalt af dem, der var med.",
                        "Det begyndte med en idé og nogle naboer.\n\n"
                        + rng.choice(LEARNED),
                        facilitator,
                        changed,
                        changed,
                    )
                )
    insert_rows(
        Initiative,
        [
            "id", "municipality", "title", "challenge", "idea", "target_group",
            "postcode", "place", "state", "proposer", "facilitator", "department",
            "support_count", "comment_count", "participant_count", "follower_count",
            "first_response_at", "state_changed_at", "created_at", "updated_at",
        ],
        initiatives,
    )  # fmt: skip
    insert_rows(InitiativeTheme, ["municipality", "initiative", "theme"], themes)
    insert_rows(
        Need,
        ["id", "municipality", "initiative", "kind", "title", "description",
         "quantity", "filled", "is_open", "created_at"],
        needs,
    )  # fmt: skip
    insert_rows(
        Transition,
        ["initiative", "from_state", "to_state", "actor", "reason", "created_at"],
        transitions,
    )
    insert_rows(
        Trial,
        ["id", "municipality", "initiative", "round", "we_believe", "will_lead_to",
         "what_is_tried", "starts_on", "ends_on", "outcome", "learned",
         "do_differently", "evaluated_at", "evaluated_by", "department",
         "created_at"],
        trials,
    )  # fmt: skip
    insert_rows(
        SuccessCriterion,
        ["id", "trial", "indicator", "target", "result", "met"],
        criteria,
    )
    insert_rows(
        Story,
        ["id", "municipality", "initiative", "title", "lead", "body", "author",
         "created_at", "published_at"],
        stories,
    )  # fmt: skip
    insert_rows(Support, ["initiative", "user", "organisation", "created_at"], supports)
    insert_rows(
        Comment,
        ["id", "initiative", "parent", "author", "body", "is_from_municipality",
         "is_hidden", "hidden_reason", "created_at"],
        comments,
    )  # fmt: skip
    insert_rows(
        Participation, ["initiative", "user", "role", "created_at"], participations
    )
    insert_rows(Follow, ["initiative", "user", "created_at"], follows)
    insert_rows(
        ParticipationAct,
        [
            "municipality",
            "user",
            "action",
            "rung",
            "source_type",
            "source_id",
            "occurred_at",
        ],
        [
            (m, u, a, int(r), "initiatives.initiative", str(s), w)
            for m, u, a, r, s, w in acts
        ],
    )
