"""Demo content for recognition.

Faxe ("Faxe fejrer dem, der gør det godt"): "Årets prøvehandling 2026" was
presented three weeks ago to the shelter at Vemmetofte Strand (an initiative
of Faxe's demo, named at once); "Årets frivillige forening 2026" is open for
nominations, with three nominations so far and a jury — Hanne Dahl
(politiker@faxe…) in the chair, Morten Friis (medarbejder@faxe…) and Inger
Madsen — where Morten has a conflict of interest in the nomination he made
himself. Anders Bruun (admin@faxe…) administers the awards. Thanks go between
demo people and associations: some shown publicly with the recipient's yes,
one waiting for Bent Olsen's (forening@faxe…) yes, one private.

Kerteminde: two public thanks and an open award without nominations.

Running it again replaces the demo's awards and thanks.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import User
from faelles.organisations.models import Organisation

from .models import Award, Juror, Nomination, Score, Thanks, Winner

FAXE_AWARDS = ("Årets prøvehandling 2026", "Årets frivillige forening 2026")
KERTEMINDE_AWARDS = ("Årets ildsjæl 2026",)


def _people(slug: str) -> dict[str, User]:
    return {
        u.email.split("@")[0]: u
        for u in User.objects.filter(email__endswith=f"@{slug}.faelles.example")
    }


def _org(municipality, slug: str) -> Organisation | None:
    return Organisation.objects.filter(municipality=municipality, slug=slug).first()


def _initiative(municipality, title: str):
    """An initiative of the demo, through the relation the model already has
    (recognition's demo imports no other feature)."""
    model: Any = Nomination._meta.get_field("nominee_initiative").related_model
    return (
        model.objects.filter(municipality=municipality, title=title)
        .order_by("id")
        .first()
    )


def _thanks(municipality, days_ago: int, **fields) -> Thanks:
    created = timezone.now() - timedelta(days=days_ago)
    public = fields.pop("shown", False)
    return Thanks.objects.create(
        municipality=municipality,
        created_at=created,
        consented_at=created + timedelta(hours=3) if public else None,
        **fields,
    )


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    faxe = municipalities.get("faxe")
    if faxe is not None:
        _faxe(faxe)
        stdout.write("  fejring: Faxe – to priser, en jury og tak mellem folk\n")
    kerteminde = municipalities.get("kerteminde")
    if kerteminde is not None:
        _kerteminde(kerteminde)


def _clear(municipality, names, people) -> None:
    Award.objects.filter(municipality=municipality, name__in=names).delete()
    Thanks.objects.filter(
        municipality=municipality, sender__in=list(people.values())
    ).delete()


def _faxe(faxe) -> None:
    p = _people("faxe")
    if not {"admin", "medarbejder", "politiker", "borger", "forening"} <= set(p):
        return
    _clear(faxe, FAXE_AWARDS, p)
    today = timezone.localdate()
    now = timezone.now()
    baadelaug = _org(faxe, "faxe-ladeplads-baadelaug")
    borgerhus = _org(faxe, "borgerhuset-i-faxe")
    karise = _org(faxe, "karise-gif")
    department = _org(faxe, "kultur-og-fritid")

    presented = Award.objects.create(
        municipality=faxe,
        name=FAXE_AWARDS[0],
        description=(
            "Faxe fejrer dem, der gør det godt. Prisen går til en prøvehandling, "
            "hvor borgere og kommune turde prøve noget nyt sammen – og lærte af det."
        ),
        criteria=(
            "Modet til at prøve, samarbejdet mellem borgere, foreninger og kommune, "
            "og hvad andre kan lære af det."
        ),
        nominations_open=today - timedelta(days=80),
        nominations_close=today - timedelta(days=45),
        announce_on=today - timedelta(days=21),
        published_at=now - timedelta(days=85),
        announced_at=now - timedelta(days=21),
        created_by=p["admin"],
        created_at=now - timedelta(days=90),
    )
    Juror.objects.create(award=presented, user=p["politiker"], is_chair=True)
    Juror.objects.create(award=presented, user=p["medarbejder"])
    shelter = _initiative(faxe, "Shelter og bålplads ved Vemmetofte Strand")
    if shelter is not None:
        Winner.objects.create(
            award=presented,
            nominee_initiative=shelter,
            motivation=(
                "Naboer, spejdere og kommunens naturvejleder byggede shelteret på "
                "fire weekender. De prøvede først med en enkel bålplads, lærte af "
                "sommerens erfaringer og byggede så videre. I dag låner skoler og "
                "familier stedet hver uge."
            ),
            consented_at=now - timedelta(days=20),
            decided_by=p["politiker"],
            decided_at=now - timedelta(days=25),
        )

    open_award = Award.objects.create(
        municipality=faxe,
        name=FAXE_AWARDS[1],
        description=(
            "Prisen går til en forening, der har åbnet dørene for nye – børn, "
            "ældre, tilflyttere eller nogen, der ellers står udenfor."
        ),
        criteria="Nye medlemmer, nye samarbejder, og at flere får lov at være med.",
        nominations_open=today - timedelta(days=10),
        nominations_close=today + timedelta(days=20),
        announce_on=today + timedelta(days=35),
        published_at=now - timedelta(days=12),
        created_by=p["admin"],
        created_at=now - timedelta(days=14),
    )
    Juror.objects.create(award=open_award, user=p["politiker"], is_chair=True)
    Juror.objects.create(award=open_award, user=p["medarbejder"])
    if "inger.madsen" in p:
        Juror.objects.create(award=open_award, user=p["inger.madsen"])
    nominations = []
    if baadelaug is not None:
        nominations.append(
            Nomination.objects.create(
                award=open_award,
                nominator=p["borger"],
                nominee_organisation=baadelaug,
                reason=(
                    "Bådelauget lærer børn at sejle hver lørdag og låner redningsveste "
                    "ud gratis. Min søn var aldrig kommet på vandet uden dem."
                ),
            )
        )
    if karise is not None:
        nominations.append(
            Nomination.objects.create(
                award=open_award,
                nominator=p["medarbejder"],
                nominee_organisation=karise,
                reason=(
                    "Karise GIF startede et hold for piger, der ikke før har dyrket "
                    "sport, og henter dem selv på skolen."
                ),
            )
        )
    if borgerhus is not None and "yusuf.abdi" in p:
        nominations.append(
            Nomination.objects.create(
                award=open_award,
                nominator=p["yusuf.abdi"],
                nominee_organisation=borgerhus,
                reason="Borgerhuset gav vores lektiecafé et sted at være, helt gratis.",
            )
        )
    for nomination, stars in zip(nominations, (3, 2, 2), strict=False):
        Score.objects.create(
            nomination=nomination,
            juror=p["politiker"],
            stars=stars,
            comment="Stærk sag – lad os tale om den på mødet.",
        )

    if "frederik.jensen" in p:
        _thanks(
            faxe,
            30,
            sender=p["borger"],
            recipient_user=p["frederik.jensen"],
            for_what="Snerydningen på Skolevej",
            message=(
                "Tak, Frederik, fordi du ryddede fortovet for hele vejen i januar. "
                "Min mor kunne komme til lægen uden at gå på vejen."
            ),
            public_requested=True,
            shown=True,
        )
    if baadelaug is not None and "yusuf.abdi" in p:
        _thanks(
            faxe,
            14,
            sender=p["yusuf.abdi"],
            recipient_organisation=baadelaug,
            for_what="Sejldagen for nye familier",
            message=(
                "Tak for en dag på vandet! Mine børn har ikke snakket om andet siden."
            ),
            public_requested=True,
            shown=True,
        )
    if borgerhus is not None and department is not None:
        _thanks(
            faxe,
            6,
            sender=p["medarbejder"],
            sender_organisation=department,
            recipient_organisation=borgerhus,
            for_what="Lokalerne til sprogcaféen",
            message=(
                "Tak fra Kultur og Fritid for jeres lokaler og jeres kaffe. "
                "Sprogcaféen er vokset til tredive faste deltagere."
            ),
            public_requested=True,
            shown=True,
        )
    _thanks(
        faxe,
        3,
        sender=p["borger"],
        recipient_user=p["forening"],
        for_what="Jollen til sommerlejren",
        message="Tak, Bent, for at du lånte os jollen og selv tog med ud.",
        public_requested=True,
    )
    if "olena.shevchenko" in p and "inger.madsen" in p:
        _thanks(
            faxe,
            2,
            sender=p["inger.madsen"],
            recipient_user=p["olena.shevchenko"],
            message="Tak for din hjælp med min telefon. Nu kan jeg se billeder af børnebørnene.",
        )


def _kerteminde(kerteminde) -> None:
    p = _people("kerteminde")
    if not {"borger", "medarbejder", "admin", "forening"} <= set(p):
        return
    _clear(kerteminde, KERTEMINDE_AWARDS, p)
    today = timezone.localdate()
    now = timezone.now()
    award = Award.objects.create(
        municipality=kerteminde,
        name=KERTEMINDE_AWARDS[0],
        description="Til en borger, der bærer et fællesskab, så andre kan være med.",
        criteria="Vedholdenhed, gavmildhed og at give plads til andre.",
        nominations_open=today - timedelta(days=3),
        nominations_close=today + timedelta(days=25),
        announce_on=today + timedelta(days=40),
        published_at=now - timedelta(days=3),
        created_by=p["admin"],
    )
    Juror.objects.create(award=award, user=p["medarbejder"], is_chair=True)
    Juror.objects.create(award=award, user=p["admin"])
    _thanks(
        kerteminde,
        9,
        sender=p["borger"],
        recipient_user=p["medarbejder"],
        for_what="Hjælpen med ansøgningen til badebroen",
        message="Tak, Jesper, fordi du viste os vej gennem alle papirerne.",
        public_requested=True,
        shown=True,
    )
    _thanks(
        kerteminde,
        4,
        sender=p["medarbejder"],
        recipient_user=p["forening"],
        for_what="Klimafestivalen",
        message="Tak for alle de frivillige timer til klimafestivalen på havnen.",
        public_requested=True,
        shown=True,
    )
