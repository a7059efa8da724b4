"""The directory's result cards and a profile's shared parts, built in Python.

A page of the directory shows 20 cards; through the template engine (an include
per card, a dozen lookups and filters each) they cost about a quarter of the
page's CPU. The markup is the same as the templates had; every text is escaped
here (``escape``, ``linebreaks`` with autoescape, ``format_html``).
"""

from __future__ import annotations

from django import template
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from faelles.competences.models import Profile

register = template.Library()


def shared_html(profile: Profile, level: int) -> str:
    """What the profile shares with colleagues: skills and topics, languages,
    lived experience (only with consent), networks; headings at ``level``."""
    h = f"h{int(level)}"
    parts: list[str] = []

    def heading(text: str) -> None:
        parts.append(f'<{h} class="h5">{escape(text)}</{h}>')

    if profile.shared_skills:
        heading(_("Kan hjælpe med"))
        if profile.skills:
            parts.append(linebreaks(profile.skills, autoescape=True))
        if profile.tags:
            tags = "".join(f"<li>{escape(tag)}</li>" for tag in profile.tags)
            parts.append(
                f'<ul class="faelles-tags" aria-label="{escape(_("Emneord"))}">'
                f"{tags}</ul>"
            )
    if profile.shared_languages:
        heading(_("Sprog"))
        parts.append(f"<p>{escape(', '.join(profile.language_names()))}</p>")
    if profile.shared_experience:
        heading(_("Levede erfaringer"))
        parts.append(linebreaks(profile.experience, autoescape=True))
    if profile.shared_networks:
        heading(_("Netværk i lokalsamfundet"))
        parts.append(linebreaks(profile.networks, autoescape=True))
    return "\n".join(parts)


def position_html(membership) -> str:
    """The "job title, department" line of a membership; either may be missing."""
    if membership is None:
        return ""
    words = [membership.job_title or ""]
    if membership.department_id:
        words.append(membership.department.name)
    text = ", ".join(w for w in words if w)
    return f"<p>{escape(text)}</p>" if text else ""


@register.simple_tag
def shared_parts(profile: Profile, level: int = 2) -> SafeString:
    return mark_safe(shared_html(profile, level))  # noqa: S308 - escaped above


@register.simple_tag
def position(membership) -> SafeString:
    return mark_safe(position_html(membership))  # noqa: S308 - escaped above


@register.simple_tag
def result_cards(hits) -> SafeString:
    """One ``<li class="card">`` per hit of a directory search."""
    cards = [
        format_html(
            '<li class="card"><div class="card-content">\n'
            '<h3 class="h4"><a href="{}">{}</a></h3>\n{}{}\n</div></li>',
            hit.profile.get_absolute_url(),
            hit.profile.user.display_name,
            mark_safe(position_html(hit.membership)),  # noqa: S308 - escaped
            mark_safe(shared_html(hit.profile, 4)),  # noqa: S308 - escaped
        )
        for hit in hits
    ]
    return mark_safe("\n".join(cards))  # noqa: S308 - each card escaped
