"""The newspaper's "Vi fejrer": awards announced in the edition's period with
their named winners (by consent), and thanks shown publicly (by consent) that
were given in the period. Nothing without consent, nothing outside the period."""

from __future__ import annotations

from datetime import date

from faelles.core.newspaper_sections import NewspaperSection

from . import selectors


def _context(municipality, start: date, end: date) -> dict | None:
    awards = [
        a
        for a in selectors.announced_awards(
            municipality=municipality, start=start, end=end
        )
        if a.shown_winners or a.waiting
    ]
    thanks = selectors.thanks_between(municipality=municipality, start=start, end=end)[
        :12
    ]
    if not awards and not thanks:
        return None
    return {"awards": awards, "thanks": thanks}


SECTIONS = [
    NewspaperSection(
        key="recognition",
        order=50,
        template_name="recognition/newspaper_section.html",
        context=_context,
    )
]
