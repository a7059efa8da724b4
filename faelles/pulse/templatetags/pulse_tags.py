"""The rows of a results table, built in one pass: an administrator's table has
about 300 units, and the template engine's loop per cell cost more than the
rest of the page."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def score_rows(rows) -> SafeString:
    return format_html_join(
        "",
        '<tr><th scope="row" class="pulse-depth-{}">{}</th><td>{}</td>{}</tr>',
        (
            (
                row.depth,
                row.label,
                "–" if row.n is None else row.n,
                format_html_join("", "<td>{}</td>", ((v,) for v in row.shown_scores)),
            )
            for row in rows
        ),
    )


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
