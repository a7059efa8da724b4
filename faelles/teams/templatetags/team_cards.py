"""The teams list's cards and its closed teams, built in Python.

A page shows 30 running teams as cards and 30 closed teams; through the
template engine (three ``blocktranslate`` and a dozen lookups a card) they cost
about a third of the page's CPU at ``large`` (bench/bench_workplace.py). The
markup is the template's; every text is escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faelles.municipalities.tenancy import tenant_reverse

from ..models import Post, State, Team, TeamMember

register = template.Library()

_MARKER = 987654321  # stands for a team's id in an address reversed once


def _addresses(teams: list[Team]) -> tuple[str, str]:
    """The address of a team around its id, reversed once for the list."""
    if not teams:
        return "", ""
    url = tenant_reverse("teams:detail", teams[0].municipality_id, pk=_MARKER)
    before, _marker, after = url.partition(str(_MARKER))
    return before, after


class _Dates(dict):
    """Each date formatted once (teams share end dates)."""

    def __missing__(self, value):
        self[value] = text = escape(date_format(value, "DATE_FORMAT"))
        return text


def _department(team: Team) -> str:
    department = team.department
    return escape(department.name) if department is not None else ""


@register.simple_tag
def team_cards(teams: Iterable[Team]) -> SafeString:
    """The ``<li>`` cards of the running teams (``with_counts`` has counted
    their members and departments)."""
    teams = list(teams)
    before, after = _addresses(teams)
    states = {s.value: escape(str(s.label)) for s in State}
    dates = _Dates()
    until, looking = _("til %(date)s"), escape(_("Søger frivillige"))
    cards = []
    for t in teams:
        n_members: int = getattr(t, "member_count", 0)  # set by with_counts
        n_units: int = getattr(t, "department_count", 0)
        members = ngettext("%(n)s medlem", "%(n)s medlemmer", n_members) % {
            "n": n_members
        }
        units = ngettext("%(n)s afdeling", "%(n)s afdelinger", n_units) % {"n": n_units}
        meta = " · ".join(
            (
                _department(t),
                states.get(t.state, escape(t.state)),
                until % {"date": dates[t.end_date]},
                escape(members),
                escape(units),
            )
        )
        call = ""
        if t.takes_volunteers:
            text = f": {escape(t.call_text)}" if t.call_text else ""
            call = f"\n    <p><strong>{looking}</strong>{text}</p>"
        cards.append(
            f'  <li><article class="faelles-card">\n'
            f'    <h3 class="h4"><a href="{before}{t.pk}{after}">'
            f"{escape(t.title)}</a></h3>\n"
            f'    <p class="faelles-meta">{meta}</p>\n'
            f"    <p>{escape(Truncator(t.purpose).words(30))}</p>{call}\n"
            f"  </article></li>\n"
        )
    return mark_safe("".join(cards))  # noqa: S308 - every part is escaped


@register.simple_tag
def closed_teams(teams: Iterable[Team]) -> SafeString:
    """The ``<li>`` of the closed teams: title, owner, when, and whether the
    evaluation was shared."""
    teams = list(teams)
    before, after = _addresses(teams)
    dates = _Dates()
    closed, shared = _("afsluttet %(date)s"), escape(_("delt i læringsbanken"))
    rows = []
    for t in teams:
        when = (
            closed % {"date": dates[timezone.localtime(t.closed_at).date()]}
            if t.closed_at
            else ""
        )
        rows.append(
            f'<li><a href="{before}{t.pk}{after}">{escape(t.title)}</a> – '
            f"{_department(t)}, {when}"
            f"{f', {shared}' if t.evaluation_shared_at else ''}</li>"
        )
    return mark_safe("".join(rows))  # noqa: S308 - every part is escaped


@register.simple_tag
def member_rows(members: Iterable[TeamMember], leader_id: int | None) -> SafeString:
    """The ``<tr>`` of a team's members: name (and whether they lead it) and
    the department they came from."""
    leads = escape(_("teamleder"))
    rows = []
    for m in members:
        lead = f" ({leads})" if m.user_id == leader_id else ""
        department = escape(m.department.name) if m.department is not None else "–"
        rows.append(
            f"<tr><td>{escape(str(m.user))}{lead}</td><td>{department}</td></tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 - every part is escaped


@register.simple_tag
def post_items(posts: Iterable[Post]) -> SafeString:
    """The ``<li>`` of a page of the team's messages: who, when, the text."""
    items = []
    for p in posts:
        author = escape(str(p.author)) if p.author_id else ""
        when = escape(date_format(timezone.localtime(p.created_at), "DATETIME_FORMAT"))
        items.append(
            f'<li><p class="faelles-meta">{author} · {when}</p>'
            f"{linebreaks(p.body, autoescape=True)}</li>"
        )
    return mark_safe("".join(items))  # noqa: S308 - every part is escaped
