"""Kinds of notification, grouped in categories a person can set e-mail wishes for.

A notification's ``kind`` is ``"<category>.<what>"`` (``"events.promoted"``); the
category is the part before the first dot. Categories not listed here fall under
"Andet" and follow the person's general choice; an app that starts sending a new
kind of notification adds its category here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CATEGORIES: dict[str, StrOrPromise] = {
    "communities": _(
        "Fællesskaber: anmodninger, invitationer, beskeder og henvisninger"
    ),
    "events": _("Arrangementer: pladser, påmindelser og aflysninger"),
    "movements": _("Bevægelser du står i spidsen for: når målet nærmer sig"),
    "resources": _("Ressourcer og behov: forslag til match og samarbejder"),
    "initiatives": _("Initiativer og prøvehandlinger"),
    "budgeting": _("Borgerbudget"),
    "committees": _("Opgaveudvalg: udvælgelse, beslutninger og opfølgning"),
    "dialogue": _("Høringer og debatter: svar på dine kommentarer og kommunens svar"),
    "reflection": _("Teamrefleksion: dine egne noter og handlinger du står for"),
    "recognition": _("Fejring: tak til dig og priser I har vundet"),
    "competences": _("Kompetencer: spørgsmål fra kolleger, svar og tak"),
    "teams": _("Tværgående teams: frivillige, svar og opgaver"),
    "pulse": _("Pulsmåling: når en ny runde åbner"),
    "leadership": _("Ledelse: mål, du er blevet ejer af"),
}
OTHER = "other"


def category_of(kind: str) -> str:
    prefix = kind.split(".", 1)[0]
    return prefix if prefix in CATEGORIES else OTHER
