"""The rows of a results table, built in one pass: an administrator's table has
about 300 units, and the template engine's loop per cell (or ``format_html``
per cell) cost more than the rest of the page. Only a label is text from
people (escaped here); the rest are whole numbers and "–"."""

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _number(n: int | None) -> str:
    return "–" if n is None else str(int(n))


@register.simple_tag
def score_rows(rows) -> SafeString:
    html = "".join(
        f'<tr><th scope="row" class="pulse-depth-{int(row.depth)}">'
        f"{escape(row.label)}</th><td>{_number(row.n)}</td>"
        + "".join(f"<td>{v}</td>" for v in row.shown_scores)
        + "</tr>"
        for row in rows
    )
    return mark_safe(html)  # noqa: S308 - labels escaped, the rest numbers


@register.simple_tag
def unit_options(units, chosen: str) -> SafeString:
    """The ``<option>``s of the units one may follow (about 300 for an
    administrator)."""
    html = "".join(
        f'<option value="{int(pk)}"{" selected" if str(pk) == chosen else ""}>'
        f"{escape(label)}</option>"
        for pk, label in units
    )
    return mark_safe(html)  # noqa: S308 - labels escaped, the rest numbers


@register.simple_tag
def trend_rows(points) -> SafeString:
    return format_html_join(
        "",
        '<tr><th scope="row">{}</th><td>{}</td>{}</tr>',
        (
            (
                p.round.title,
                "–" if p.n is None else p.n,
                format_html_join("", "<td>{}</td>", ((v,) for v in p.shown_scores)),
            )
            for p in points
        ),
    )
