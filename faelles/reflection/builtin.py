"""The question sets Fælles ships: Fælles' own wording, no municipality's quoted
text (docs/reflection.md says why each set is there). A municipality copies one
into a set of its own to change it; a session snapshots the questions it was
created with, so neither a change here nor in a copy alters a past session.

The key is what a session remembers as its source, so a key is never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class BuiltinSet:
    key: str
    title: Promise
    intro: Promise
    guide: Promise
    questions: tuple[Promise, ...]


# The steps every built-in guide shares: individual notes first, then the talk,
# then actions with an owner and a date. Written once, used by both sets.
_GUIDE_STEPS = _(
    "1. Forbered (facilitator, før mødet): Vælg spørgsmålene og sæt datoen. Åbn "
    "for de individuelle noter et par dage før, eller i starten af mødet.\n"
    "2. Individuelle noter (10–15 minutter): Hver skriver sine egne svar, uden at "
    "tale sammen. Noterne er private – kun du selv kan læse dine. Det giver plads "
    "til de stille stemmer, før de hurtigste har sat retningen.\n"
    "3. Runden (20–30 minutter): Tag ét spørgsmål ad gangen. Alle siger kort, hvad "
    "de skrev, før nogen kommenterer. Vil man hellere lade noten tale, kan man dele "
    "den med teamet uden navn.\n"
    "4. Fælles svar (15 minutter): Facilitator skriver teamets fælles svar på hvert "
    "spørgsmål – det, I kan stå på sammen, også hvis det er, at I er uenige.\n"
    "5. Handlinger (10 minutter): Aftal højst tre handlinger. Hver får én ejer fra "
    "teamet og en dato. Hellere en lille handling, der bliver til noget, end en stor, "
    "der ikke gør.\n"
    "6. Opfølgning: Næste gang starter I med de åbne handlinger fra sidst: udført, "
    "fortsætter eller droppet – og en kort note om hvorfor.\n"
    "7. Opsummering: Facilitator skriver kort, hvad I talte om og aftalte, uden "
    "navne. Teamet kan vælge at dele den i læringsbanken."
)


BUILTIN_SETS: tuple[BuiltinSet, ...] = (
    BuiltinSet(
        key="kommunen-3-0",
        title=_("Kommunen 3.0 i vores team"),
        intro=_(
            "Spørgsmål til et team, der vil se på sin egen praksis: Hvor møder vi "
            "borgerne som medborgere med ressourcer, og hvor møder vi dem som kunder "
            "eller sager? Hvad kunne vi holde op med, og hvad vil vi prøve?"
        ),
        guide=_GUIDE_STEPS,
        questions=(
            _(
                "Tænk på en borger, du mødte i den seneste uge. Mødte du vedkommende "
                "som kunde, som sag eller som medborger – og hvad afgjorde det?"
            ),
            _(
                "Hvilke af borgernes egne ressourcer – viden, netværk, tid, lyst – "
                "bruger vi ikke i dag?"
            ),
            _("Hvem uden for kommunen kunne vi gøre mere sammen med?"),
            _(
                "Hvad gør vi af vane, som vi kunne holde op med, uden at nogen "
                "ville savne det?"
            ),
            _("Hvad kunne vi prøve i det små den næste måned?"),
        ),
    ),
    BuiltinSet(
        key="social-kapital",
        title=_("Social kapital i teamet"),
        intro=_(
            "Spørgsmål om tillid, retfærdighed og samarbejde – i teamet, med andre "
            "enheder og med ledelsen. Godt at tage op en gang om året, eller når "
            "noget har sat samarbejdet på prøve."
        ),
        guide=_GUIDE_STEPS,
        questions=(
            _(
                "Tillid i teamet: Hvornår har du senest sagt højt, at du var i tvivl "
                "eller havde lavet en fejl – og hvad skete der?"
            ),
            _(
                "Retfærdighed: Bliver opgaver, hensyn og anerkendelse fordelt, så "
                "det føles rimeligt? Hvor halter det?"
            ),
            _(
                "Samarbejde i teamet: Hvad hjælper vi hinanden godt med, og hvor "
                "arbejder vi mest hver for sig?"
            ),
            _(
                "Samarbejde med andre enheder: Hvor kunne et andet team og vi løse "
                "noget bedre sammen?"
            ),
            _(
                "Samarbejde med ledelsen: Hvad har vi brug for fra vores leder, og "
                "hvad kan lederen regne med fra os?"
            ),
            _("Hvad er én ting, vi selv kan gøre for at styrke tilliden?"),
        ),
    ),
    BuiltinSet(
        key="efter-en-proevehandling",
        title=_("Efter en prøvehandling"),
        intro=_(
            "Når teamet har prøvet noget nyt: Hvad skete der, hvad lærte vi, og "
            "hvad gør vi nu? Også når det ikke gik, som vi havde regnet med."
        ),
        guide=_GUIDE_STEPS,
        questions=(
            _("Hvad prøvede vi, og hvad håbede vi, der ville ske?"),
            _("Hvad skete der faktisk – for borgerne og for os?"),
            _("Hvad overraskede dig?"),
            _("Hvad ville vi gøre anderledes, hvis vi startede forfra?"),
            _("Skal vi fortsætte, ændre eller stoppe – og hvorfor?"),
        ),
    ),
)

BY_KEY: dict[str, BuiltinSet] = {s.key: s for s in BUILTIN_SETS}
