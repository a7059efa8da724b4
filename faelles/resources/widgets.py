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
