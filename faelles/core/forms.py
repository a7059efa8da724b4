import html
from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe


class FaellesFormRenderer(TemplatesSetting):
    """Renders every Django form with DKFDS markup (labels, hints, error messages)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class OnePassSelect(forms.Select):
    """A ``<select>`` whose options are written in one pass, with the markup and
    escaping of the project's select (``templates/django/forms/widgets/
    select.html``). For long lists: through Django's option template each option
    costs a template render, and 300 departments and units, or a department's
    many hundred employees, cost more than the rest of their pages."""

    template_name = "forms/one_pass_select.html"

    def optgroups(self, name: str, value: Any, attrs: Any = None) -> list[Any]:
        return []  # see get_context

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen = set(context["widget"]["value"])
        options, selected = [], False
        # The standard library's escape: the same five characters as Django's,
        # without its lazy-string wrapper (two calls an option).
        quote = html.escape
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            mark = not selected and text in chosen
            selected = selected or mark
            options.append(
                f'\n  <option value="{quote(text)}"{" selected" if mark else ""}>'
                f"{quote(str(label))}</option>"
            )
        context["widget"]["options_html"] = mark_safe("".join(options))  # noqa: S308 - escaped
        return context


class _IdAndLabel(ModelChoiceIterator[Any]):
    """Choices from the rows' ids and one column, without a model instance each."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        label_field = getattr(self.field, "label_field", "name")
        yield from self.queryset.values_list("pk", label_field)


class LongModelChoiceField(forms.ModelChoiceField[Any]):
    """A choice of one row among many (departments, employees): the options are
    read as ids and ``label_field`` only and written in one pass
    (:class:`OnePassSelect`). Validation is ``ModelChoiceField``'s own."""

    iterator = _IdAndLabel
    widget = OnePassSelect

    def __init__(self, *args: Any, label_field: str = "name", **kwargs: Any) -> None:
        self.label_field = label_field
        super().__init__(*args, **kwargs)
