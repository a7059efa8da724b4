"""Demo content for cross-department teams, in Skanderborg.

Three teams across departments, around the municipality's demo initiatives:

* "Hjertet i hverdagen" (Sundhed og Omsorg) is under way around the peer
  teaching for people with heart disease, with Simon Krogh
  (medarbejder@skanderborg…, Kultur og Fællesskab) as a member: messages,
  tasks (one of Simon's is overdue) and a volunteer waiting for an answer;
* "Landsbycaféen i Gammel Rye" (Kultur og Fællesskab) is forming with an
  open call; Simon leads it, so his workspace shows the colleague who has
  volunteered;
* "Bænke om søen" (Teknik og Miljø) has closed, with an evaluation shared
  to the (public) learning library.

The colleagues are demo people without a password (no one logs in as them).
Dates follow today, so the tasks stay current. Running it again replaces the
demo teams.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import Membership, ProfileVisibility, User
from faelles.initiatives.models import Initiative
from faelles.organisations.models import Organisation

from . import services
from .models import Post, Task, Team, TeamMember, Volunteer

TITLES = ["Hjertet i hverdagen", "Landsbycaféen i Gammel Rye", "Bænke om søen"]
COLLEAGUES = {
    "sundhed-og-omsorg": ["Louise Bech", "Anders Holm"],
    "beskaeftigelse-og-social": ["Fatima Yilmaz"],
    "teknik-og-miljoe": ["Morten Dahl", "Karin Skov"],
    "boern-og-unge": ["Ida Lund"],
}


def _colleague(municipality, department, name: str, n: int) -> User:
    user, _ = User.objects.update_or_create(
        email=f"teams-{department.slug}-{n}@{municipality.slug}.faelles.example",
        defaults={
            "display_name": name,
            "postcode": "8660",
            "password": make_password(None),  # no one logs in as them
            "profile_visibility": ProfileVisibility.PRIVATE,
        },
    )
    Membership.objects.update_or_create(
        user=user,
        municipality=municipality,
        defaults={"is_citizen": True, "is_employee": True, "department": department},
    )
    return user


def _initiative(municipality, title: str):
    return Initiative.objects.filter(municipality=municipality, title=title).first()


def _ago(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour)),
        timezone.get_current_timezone(),
    )


def _join(team, user, leader, motivation: str, days: int) -> None:
    offer = services.volunteer_offer(
        team=team, user=user, motivation=motivation, now=_ago(days)
    )
    services.volunteer_answer(
        volunteer=offer, actor=leader, accept=True, now=_ago(days - 1)
    )


def _skanderborg(municipality) -> int:
    departments = {
        d.slug: d
        for d in Organisation.objects.filter(
            municipality=municipality, kind=Organisation.Kind.DEPARTMENT
        )
    }
    if not all(slug in departments for slug in [*COLLEAGUES, "kultur-og-faellesskab"]):
        return 0
    simon = User.objects.filter(
        email=f"medarbejder@{municipality.slug}.faelles.example"
    ).first()
    if simon is None:
        return 0
    Team.objects.filter(municipality=municipality, title__in=TITLES).delete()
    people = {
        slug: [
            _colleague(municipality, departments[slug], name, n)
            for n, name in enumerate(names, 1)
        ]
        for slug, names in COLLEAGUES.items()
    }
    louise, anders = people["sundhed-og-omsorg"]
    fatima = people["beskaeftigelse-og-social"][0]
    morten, karin = people["teknik-og-miljoe"]
    ida = people["boern-og-unge"][0]
    today = timezone.localdate()

    heart = services.team_create(
        municipality=municipality,
        actor=louise,
        title=TITLES[0],
        purpose=(
            "Vi hjælper peer-undervisningen for mennesker med hjertekarsygdom "
            "godt i gang: lokaler, kontakt til foreningerne og en plan for, "
            "hvordan undervisere med egen erfaring får sparring fra os."
        ),
        initiative=_initiative(
            municipality,
            "Peer-undervisning for mennesker med hjertekarsygdom i Skanderborg",
        ),
        start_date=today - datetime.timedelta(days=40),
        end_date=today + datetime.timedelta(days=120),
        task="Peer-undervisningen om hjertet i gang i Skanderborg og Ry",
        call_text="En fra jobcentret, der kender sygemeldte med hjertesygdom",
        now=_ago(40),
    )
    services.team_start(team=heart, actor=louise, now=_ago(30))
    _join(
        heart,
        simon,
        louise,
        "Jeg kender foreningerne i Ry og Skanderborg og kan skaffe lokaler.",
        38,
    )
    _join(
        heart,
        fatima,
        louise,
        "Mange af mine borgere er sygemeldte efter en blodprop. Jeg vil gerne "
        "bygge bro til jobcentret.",
        36,
    )
    services.volunteer_offer(
        team=heart,
        user=ida,
        motivation=(
            "Jeg har selv en far med hjertesygdom og vil gerne hjælpe med "
            "materialerne til pårørende."
        ),
        now=_ago(2),
    )
    for author, body, days in [
        (
            louise,
            "Velkommen til alle! Første møde er på Sundhedscentret torsdag kl. 13.",
            35,
        ),
        (
            simon,
            "Hjerteforeningen i Skanderborg vil gerne låne os deres mødelokale om "
            "aftenen. De spørger, om vi kan komme og fortælle om forløbet.",
            20,
        ),
        (
            fatima,
            "To fra jobcentrets forløb vil gerne være med som undervisere. Jeg "
            "har givet dem Louises nummer.",
            6,
        ),
    ]:
        services.post_create(team=heart, author=author, body=body, now=_ago(days))
    for title, owner, due in [
        ("Aftal lokaler med Hjerteforeningen", simon, -5),
        ("Skriv invitation til de første deltagere", louise, 10),
        ("Spørg jobcentret om to undervisere", fatima, -20),
        ("Lav en plan for sparring til underviserne", louise, 30),
    ]:
        task = services.task_add(
            team=heart,
            actor=louise,
            title=title,
            owner=owner,
            due=today + datetime.timedelta(days=due),
            now=_ago(30),
        )
        if owner is fatima:
            services.task_set_done(task=task, actor=fatima, done=True, now=_ago(7))

    cafe = services.team_create(
        municipality=municipality,
        actor=simon,
        title=TITLES[1],
        purpose=(
            "Landsbycaféen i Gammel Rye skal stå på egne ben efter sommer. Vi "
            "samler kolleger, der kan hjælpe de frivillige med kørsel, lokaler "
            "og kontakt til de ældre, der bor alene."
        ),
        initiative=_initiative(municipality, "Landsbycafé i Gammel Rye hver tirsdag"),
        start_date=today - datetime.timedelta(days=5),
        end_date=today + datetime.timedelta(days=200),
        task="Landsbycaféen på egne ben efter sommer",
        call_text="En fra hjemmeplejen og en, der kender kørselsordningerne",
        now=_ago(5),
    )
    services.volunteer_offer(
        team=cafe,
        user=anders,
        motivation=(
            "Jeg kører hjemmepleje i Gammel Rye og ved, hvem der kunne have glæde "
            "af caféen. Jeg kan bruge et par timer om måneden."
        ),
        now=_ago(1),
    )

    benches = services.team_create(
        municipality=municipality,
        actor=morten,
        title=TITLES[2],
        purpose=(
            "Borgerne ville have bænke og hvilesteder langs stien om Skanderborg "
            "Sø. Vi fandt stederne sammen med dem og satte de første bænke op."
        ),
        task="Find og sæt de første ti bænke op sammen med borgerne",
        start_date=today - datetime.timedelta(days=200),
        end_date=today - datetime.timedelta(days=30),
        now=_ago(200),
    )
    services.team_start(team=benches, actor=morten, now=_ago(190))
    _join(benches, karin, morten, "Jeg har tegnet stien og kender lodsejerne.", 195)
    _join(
        benches,
        anders,
        morten,
        "Vores ældre på gåholdet ved præcis, hvor de mangler et sted at hvile.",
        190,
    )
    services.post_create(
        team=benches,
        author=karin,
        body="Gåholdet har sat kryds på kortet: tolv steder, vi kan vælge imellem.",
        now=_ago(150),
    )
    services.team_close(
        team=benches,
        actor=morten,
        worked=(
            "At gå turen sammen med gåholdet. De ældre pegede på steder, vi aldrig "
            "havde valgt fra kortet, og lodsejerne sagde ja, da de blev spurgt af "
            "naboer frem for af kommunen."
        ),
        did_not_work=(
            "Vi lovede ti bænke til sommer og nåede seks: leverancen tog længere "
            "tid end ventet, og det skulle vi have sagt tidligere."
        ),
        again="changed",
        share=True,
        now=_ago(25),
    )
    return 3


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    skanderborg = municipalities.get("skanderborg")
    made = _skanderborg(skanderborg) if skanderborg is not None else 0
    stdout.write(f"  teams: {made} tværgående teams\n")


SIZES = {
    "small": {"teams": 40, "members": 5, "tasks": 4, "posts": 6},
    "large": {"teams": 2_000, "members": 6, "tasks": 5, "posts": 10},
}
SEED_TASKS = [
    "Book et lokale",
    "Skriv til foreningerne",
    "Lav en tidsplan",
    "Saml erfaringerne",
    "Inviter borgerne",
]
SEED_POSTS = [
    "Godt møde i dag – tak for det.",
    "Jeg har talt med foreningen; de er med.",
    "Kan vi flytte mødet til torsdag?",
    "Referatet ligger under filer.",
]


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Teams across departments in bulk: members from several departments,
    tasks (some overdue), messages and a pending volunteer on open calls; a
    third closed with a shared evaluation."""
    size = SIZES[scale]
    staff = list(
        Membership.objects.filter(
            municipality=municipality, is_employee=True, department__isnull=False
        ).values_list("user_id", "department_id")
    )
    if len(staff) < size["members"] * 2:
        return  # seed employees first: teams need them
    now = timezone.now().replace(microsecond=0)
    today = timezone.localdate()
    bar = progress(size["teams"], f"teams in {municipality.slug}")
    for start in range(0, size["teams"], 200):
        chunk = range(start, min(start + 200, size["teams"]))
        teams, picks = [], []
        for i in chunk:
            people = rng.sample(staff, size["members"])
            leader, department = people[0]
            begun = today - datetime.timedelta(days=rng.randint(0, 600))
            closed = i % 3 == 0
            teams.append(
                Team(
                    municipality=municipality,
                    title=f"Tværgående team {i + 1}",
                    purpose="Et team på tværs af afdelinger om en fælles opgave.",
                    task=f"Opgave {i + 1}",
                    department_id=department,
                    leader_id=leader,
                    start_date=begun,
                    end_date=begun + datetime.timedelta(days=rng.randint(30, 240)),
                    state="closed" if closed else rng.choice(["forming", "active"]),
                    call_open=not closed and i % 2 == 0,
                    created_at=now,
                    updated_at=now,
                    closed_at=now if closed else None,
                    worked="Vi mødtes ofte og kendte hinanden." if closed else "",
                    did_not_work="Det tog tid at finde fælles mødetider."
                    if closed
                    else "",
                    again="yes" if closed else "",
                    evaluation_shared_at=now if closed else None,
                )
            )
            picks.append(people)
        Team.objects.bulk_create(teams, batch_size=500)
        members, tasks, posts, offers = [], [], [], []
        for team, people in zip(teams, picks, strict=True):
            for uid, dep in people:
                members.append(
                    TeamMember(team=team, user_id=uid, department_id=dep, joined_at=now)
                )
            for k in range(size["tasks"]):
                tasks.append(
                    Task(
                        municipality=municipality,
                        team=team,
                        title=SEED_TASKS[k % len(SEED_TASKS)],
                        owner_id=people[k % len(people)][0],
                        due=today + datetime.timedelta(days=rng.randint(-30, 90)),
                        created_at=now,
                    )
                )
            for k in range(size["posts"]):
                posts.append(
                    Post(
                        team=team,
                        author_id=people[k % len(people)][0],
                        body=SEED_POSTS[k % len(SEED_POSTS)],
                        created_at=now - datetime.timedelta(hours=k),
                    )
                )
            if team.call_open:
                outside = [uid for uid, _dep in rng.sample(staff, 8)]
                chosen = next(
                    (u for u in outside if u not in {p[0] for p in people}), None
                )
                if chosen is not None:
                    offers.append(
                        Volunteer(
                            team=team,
                            user_id=chosen,
                            motivation="Jeg vil gerne være med.",
                            created_at=now,
                        )
                    )
        TeamMember.objects.bulk_create(members, batch_size=2_000)
        Task.objects.bulk_create(tasks, batch_size=2_000)
        Post.objects.bulk_create(posts, batch_size=2_000)
        Volunteer.objects.bulk_create(offers, batch_size=2_000)
        bar.update(len(chunk))
