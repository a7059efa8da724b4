"""The pulse's questions: the social-capital scales of COPSOQ III, and two
questions of Fælles' own on cooperation between units.

COPSOQ III (the Copenhagen Psychosocial Questionnaire, third version; Burr et
al. 2019, *Safety and Health at Work* 10(4), doi:10.1016/j.shaw.2019.10.002;
the Danish version from NFA, Det Nationale Forskningscenter for
Arbejdsmiljø) measures social capital with three scales: vertical trust
(between staff and management), horizontal trust (between colleagues) and
organisational justice. The Danish wording below is Fælles' rendering of the
items; see docs/pulse.md for how close it is to NFA's official text.

Each item is answered on a five-point scale, "I meget høj grad" (5) to "I meget
ringe grad" (1). As in COPSOQ a scale score is 0–100: an answer counts 100, 75,
50, 25 or 0 (reversed for the items marked ``reverse``), a respondent's scale
score is the mean of their items, a group's the mean of its respondents'.

Pure data: no Django (the labels are translated where they are shown).
"""

from __future__ import annotations

from dataclasses import dataclass


def _(text: str) -> str:
    """Marks a string for translation (gettext_noop); translated when shown."""
    return text


@dataclass(frozen=True)
class Item:
    key: str
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Scale:
    key: str
    label: str
    description: str
    items: tuple[Item, ...]
    source: str  # "copsoq" or "faelles"


SCALES: tuple[Scale, ...] = (
    Scale(
        key="vertical_trust",
        label=_("Tillid mellem medarbejdere og ledelse"),
        description=_("COPSOQ III: vertikal tillid"),
        source="copsoq",
        items=(
            Item(
                "vt1",
                _("Stoler ledelsen på, at medarbejderne gør et godt stykke arbejde?"),
            ),
            Item("vt2", _("Kan man stole på de udmeldinger, der kommer fra ledelsen?")),
            Item(
                "vt3",
                _("Holder ledelsen vigtige oplysninger tilbage fra medarbejderne?"),
                reverse=True,
            ),
            Item(
                "vt4",
                _("Kan medarbejderne sige deres mening og vise, hvordan de har det?"),
            ),
        ),
    ),
    Scale(
        key="horizontal_trust",
        label=_("Tillid mellem kolleger"),
        description=_("COPSOQ III: horisontal tillid"),
        source="copsoq",
        items=(
            Item(
                "ht1",
                _("Holder medarbejderne oplysninger tilbage fra hinanden?"),
                reverse=True,
            ),
            Item(
                "ht2",
                _("Holder medarbejderne oplysninger tilbage fra ledelsen?"),
                reverse=True,
            ),
            Item("ht3", _("Stoler medarbejderne i almindelighed på hinanden?")),
        ),
    ),
    Scale(
        key="justice",
        label=_("Retfærdighed"),
        description=_("COPSOQ III: organisatorisk retfærdighed"),
        source="copsoq",
        items=(
            Item("ju1", _("Bliver konflikter løst på en retfærdig måde?")),
            Item(
                "ju2",
                _(
                    "Bliver medarbejderne anerkendt og påskønnet, når de har gjort "
                    "et godt stykke arbejde?"
                ),
            ),
            Item(
                "ju3",
                _("Bliver forslag fra medarbejderne taget alvorligt af ledelsen?"),
            ),
            Item("ju4", _("Bliver arbejdet fordelt retfærdigt?")),
        ),
    ),
    Scale(
        key="cooperation",
        label=_("Samarbejde i og mellem enheder"),
        description=_("Fælles' egne spørgsmål, ikke en del af COPSOQ"),
        source="faelles",
        items=(
            Item("co1", _("Samarbejder I godt med hinanden i din enhed?")),
            Item(
                "co2",
                _(
                    "Samarbejder din enhed godt med de andre enheder, I har brug "
                    "for i jeres arbejde?"
                ),
            ),
        ),
    ),
)

ITEMS: tuple[Item, ...] = tuple(item for scale in SCALES for item in scale.items)
ITEM_KEYS: frozenset[str] = frozenset(item.key for item in ITEMS)

# 5 = "I meget høj grad" … 1 = "I meget ringe grad"
CHOICES: tuple[tuple[int, str], ...] = (
    (5, _("I meget høj grad")),
    (4, _("I høj grad")),
    (3, _("Delvist")),
    (2, _("I ringe grad")),
    (1, _("I meget ringe grad")),
)
VALUES = frozenset(value for value, _label in CHOICES)


def item_points(item: Item, value: int) -> float:
    """An answer as COPSOQ points: 5 → 100 … 1 → 0 (the other way if reversed)."""
    points = (value - 1) * 25.0
    return 100.0 - points if item.reverse else points


def scale_scores(answers: dict[str, int]) -> dict[str, float]:
    """One respondent's score per scale (0–100), from a complete set of answers."""
    return {
        scale.key: sum(item_points(i, answers[i.key]) for i in scale.items)
        / len(scale.items)
        for scale in SCALES
    }
