"""The directory's filters are rendered in one pass (``OnePassSelect``): the
same markup as Django's select through the project's templates, with the
chosen option selected and names escaped."""

import re

import pytest
from django import forms

from faelles.competences import selectors
from faelles.competences.forms import SearchForm
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def _tags(html: str) -> str:
    """The markup without the whitespace between and inside tags that HTML
    ignores (Django's option template ends its attributes with a newline)."""
    return re.sub(r"\s*>\s*", ">", re.sub(r"\s+", " ", html))


def _with_django_select(form: SearchForm) -> SearchForm:
    for name in ("afdeling", "sprog"):
        field = form.fields[name]
        widget = forms.Select(choices=field.choices)
        widget.is_required = field.widget.is_required
        field.widget = widget
    return form


@pytest.mark.parametrize(
    "data", [None, {"q": "", "afdeling": "", "sprog": ""}, {"sprog": "ar"}, "unit"]
)
def test_the_filters_render_as_the_project_select(municipality, data):
    top = DepartmentFactory(municipality=municipality, name="Børn & <Unge>")
    unit = DepartmentFactory(municipality=municipality, parent=top, name='"Nord"')
    DepartmentFactory(municipality=municipality, name="Teknik")
    if data == "unit":
        data = {"afdeling": str(unit.pk), "sprog": "de"}
    departments = selectors.departments(municipality=municipality)
    fast = SearchForm(data, departments=departments)
    plain = _with_django_select(SearchForm(data, departments=departments))
    fast_html, plain_html = str(fast), str(plain)
    assert _tags(fast_html) == _tags(plain_html)
    assert "Børn &amp; &lt;Unge&gt;" in fast_html and "&quot;Nord&quot;" in fast_html
    if data and data.get("afdeling"):
        assert f'<option value="{unit.pk}" selected>' in fast_html
        assert fast_html.count(" selected>") == 2  # the unit and the language
