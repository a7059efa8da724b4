"""Every single-line field refuses line breaks and other control characters.

A display name "Evil\\r\\nBcc: …" used to be stored and broke every mail that
carried it in a header. The walk over all models and forms fails when a new field
escapes the one-line validator (``core/one_line.py``).
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError

import faelles
from faelles.accounts.forms import ProfileForm, SignupForm
from faelles.core.one_line import one_line_form_fields, one_line_model_fields
from faelles.core.validators import collapse_to_one_line, one_line

POISON = ["Evil\r\nBcc: victim@example.com", "a\nb", "tab\there", "nul\x00", "x\u2028y"]


SKIP = (".tests", ".migrations", "__main__", "faelles.settings.", "faelles.wsgi")


def _import_everything():
    """Forms may live in views or elsewhere: import every module of the package."""
    for module in pkgutil.walk_packages(faelles.__path__, "faelles."):
        name = module.name
        if any(part in name for part in SKIP):
            continue
        importlib.import_module(name)


def test_every_model_char_field_has_the_validator():
    fields = list(one_line_model_fields())
    assert len(fields) > 50
    missing = [
        f"{f.model._meta.label}.{f.name}"
        for f in fields
        if one_line not in f.validators
    ]
    assert missing == []


def test_every_one_line_form_field_has_the_validator():
    _import_everything()
    fields = list(one_line_form_fields())
    assert len(fields) > 10
    missing = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form, name, field in fields
        if one_line not in field.validators
    ]
    assert missing == [], (
        "Give these fields faelles.core.validators.one_line, or declare the form "
        "in the app's forms.py (core/one_line.py covers those)"
    )


@pytest.mark.parametrize("value", POISON)
def test_the_validator_refuses_control_characters(value):
    with pytest.raises(ValidationError) as info:
        one_line(value)
    assert "linjeskift" in str(info.value)


def test_the_validator_accepts_ordinary_names():
    for value in ["Anne-Mette Ølgaard", "Café Ünal", "Bo 🌱", "Frivillig (60+)"]:
        one_line(value)


@pytest.mark.parametrize("value", POISON)
def test_a_model_refuses_a_control_character_in_a_name(citizen, value):
    citizen.display_name = value
    with pytest.raises(ValidationError) as info:
        citizen.full_clean()
    assert "display_name" in info.value.message_dict


def test_the_profile_form_refuses_a_line_break_in_the_name(citizen):
    form = ProfileForm(
        data={"display_name": "Evil\r\nBcc: victim@example.com"}, instance=citizen
    )
    assert not form.is_valid()
    assert "display_name" in form.errors
    citizen.refresh_from_db()
    assert "\n" not in citizen.display_name


def test_the_sign_up_form_refuses_a_line_break_in_the_name(db):
    form = SignupForm(
        data={
            "display_name": "Evil\r\nBcc: victim@example.com",
            "email": "evil@example.com",
            "password1": "et-langt-kodeord-42",
            "password2": "et-langt-kodeord-42",
            "accept_terms": "on",
        }
    )
    assert not form.is_valid()
    assert "display_name" in form.errors


def test_a_textarea_keeps_its_line_breaks():
    class Message(forms.Form):
        text = forms.CharField(widget=forms.Textarea)

    form = Message(data={"text": "Hej\r\nmed venlig hilsen"})
    assert form.is_valid()


def test_headers_from_old_data_are_collapsed_to_one_line():
    assert (
        collapse_to_one_line("Evil\r\nBcc: x@y.dk  skrev") == "Evil Bcc: x@y.dk skrev"
    )
