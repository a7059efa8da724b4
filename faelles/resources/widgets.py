"""Choice widgets that write their options in Python.

Django renders every ``<option>`` and checkbox through a template include; the
search form and the listing form have about 130 of them, which made rendering
them cost more than everything else on the page. These widgets produce the same
markup as the project's widget templates (``faelles/templates/django/forms/``)
directly, with the same escaping. They keep Django's class names because the
field template picks its layout from ``field.widget_type``, which is the class name.
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """Like ``django/forms/widgets/attrs.html``: ``class`` is written separately."""
    return mark_safe(  # noqa: S308 — every part is escaped by format_html
        "".join(
            format_html(" {}", name)
            if value is True
            else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if name != "class" and value is not False and value is not None
        )
    )


class Select(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (str(o["value"]), _attrs(o["attrs"]), o["label"])
                for _, group, _ in widget["optgroups"]
                for o in group
            ),
        )
        return format_html(
            '<select name="{}" class="form-select {}"{}>\n{}\n</select>',
            widget["name"],
            widget["attrs"].get("class", ""),
            _attrs(widget["attrs"]),
            options,
        )


class SelectMultiple(Select, forms.SelectMultiple):
    pass


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        items = format_html_join(
            "\n",
            '<li class="form-group-checkbox"><input type="checkbox" name="{}" '
            'class="form-checkbox {}" value="{}"{}><label for="{}">{}</label></li>',
            (
                (
                    o["name"],
                    o["attrs"].get("class", ""),
                    str(o["value"]),
                    _attrs(o["attrs"]),
                    o["attrs"].get("id", ""),
                    o["label"],
                )
                for _, group, _ in widget["optgroups"]
                for o in group
            ),
        )
        list_id = widget["attrs"].get("id")
        return format_html(
            '<ul class="nobullet-list"{}>\n{}\n</ul>',
            format_html(' id="{}"', list_id) if list_id else "",
            items,
        )


class CollapsibleCheckboxes(CheckboxSelectMultiple):
    """Checkboxes folded into a ``<details>``: a long list (categories,
    languages) costs one line until it is opened, and needs no Ctrl key on a
    phone. It opens by itself when something in it is chosen, so a choice is
    never hidden. Works without JavaScript."""

    def __init__(self, attrs=None, choices=(), *, summary=""):
        super().__init__(attrs, choices)
        self.summary = summary

    def render(self, name, value, attrs=None, renderer=None):
        chosen = [v for v in (value or []) if v not in ("", None)]
        return format_html(
            '<details class="res-choices"{}><summary>{}</summary>\n{}\n</details>',
            mark_safe(" open") if chosen else "",  # noqa: S308 — a constant
            self.summary,
            super().render(name, value, attrs, renderer),
        )


class SlotGrid(forms.CheckboxSelectMultiple):
    """The week as a table: a row per day, a column per part of the day, a
    checkbox in each cell. 21 slots in 8 short rows instead of 21 list lines.

    Choices must be the slots ``"<day>-<part>"`` in day-major order (as
    ``records.SLOTS``); each checkbox is labelled with the whole slot name
    ("Tirsdag eftermiddag") for screen readers, while sighted people read the
    row and column headers."""

    def __init__(self, attrs=None, choices=(), *, days=(), parts=()):
        super().__init__(attrs, choices)
        self.days = days  # [(key, label)]
        self.parts = parts  # [(key, label)]

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = {
            str(o["value"]): o for _, group, _ in widget["optgroups"] for o in group
        }
        parts = self.parts() if callable(self.parts) else self.parts
        head = format_html_join(
            "", '<th scope="col">{}</th>', ((label,) for _, label in parts)
        )
        days = self.days() if callable(self.days) else self.days
        rows = []
        for day, day_label in days:
            cells = []
            for part, _label in parts:
                o = options.get(f"{day}-{part}")
                if o is None:
                    cells.append(mark_safe("<td></td>"))  # noqa: S308 — a constant
                    continue
                cells.append(
                    format_html(
                        '<td><div class="form-group-checkbox">'
                        '<input type="checkbox" name="{}" class="form-checkbox" '
                        'value="{}"{}><label class="res-slot-label" for="{}">'
                        '<span class="sr-only">{}</span></label></div></td>',
                        o["name"],
                        str(o["value"]),
                        _attrs(o["attrs"]),
                        o["attrs"].get("id", ""),
                        o["label"],
                    )
                )
            rows.append(
                format_html(
                    '<tr><th scope="row">{}</th>{}</tr>',
                    day_label,
                    mark_safe("".join(cells)),  # noqa: S308 — built by format_html
                )
            )
        table_id = widget["attrs"].get("id")
        return format_html(
            '<table class="table table--compact res-slots"{}><thead><tr>'
            "<td></td>{}</tr></thead><tbody>{}</tbody></table>",
            format_html(' id="{}"', table_id) if table_id else "",
            head,
            mark_safe("".join(rows)),  # noqa: S308 — built by format_html
        )
