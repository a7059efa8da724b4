"""Give every single-line text field of Fælles the one-line validator.

Done once at start-up instead of field by field, so a new field cannot forget it:
model ``CharField``s (enforced by ``full_clean()`` in services and model forms) and
form ``CharField``s drawn as a one-line input (forms declared outside an app's
``forms.py`` are caught by ``core/tests/test_one_line_fields.py``). The validator is
added to ``field.validators`` the way Django adds its own ``MaxLengthValidator``,
so it is not part of the field's definition and needs no migration.
"""

import importlib
from collections.abc import Callable, Iterator
from typing import Any

from django import forms
from django.apps import apps
from django.db import models

from .validators import one_line

PACKAGE = "faelles."


def own_models() -> Iterator[type[models.Model]]:
    for config in apps.get_app_configs():
        if config.name.startswith(PACKAGE):
            yield from config.get_models()


def one_line_model_fields() -> Iterator[models.CharField[Any, Any]]:
    for model in own_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField) and field.concrete:
                yield field


def own_forms() -> Iterator[type[forms.BaseForm]]:
    seen: set[type] = set()
    stack = list(forms.BaseForm.__subclasses__())
    while stack:
        form = stack.pop()
        if form in seen:
            continue
        seen.add(form)
        stack.extend(form.__subclasses__())
        if form.__module__.startswith(PACKAGE):
            yield form


def is_one_line(field: forms.Field) -> bool:
    return isinstance(field, forms.CharField) and isinstance(
        field.widget, forms.TextInput
    )


def one_line_form_fields() -> Iterator[tuple[type[forms.BaseForm], str, forms.Field]]:
    for form in own_forms():
        for name, field in getattr(form, "base_fields", {}).items():
            if is_one_line(field):
                yield form, name, field


def _add(validators: list[Callable[..., Any]]) -> None:
    if one_line not in validators:
        validators.append(one_line)


def install() -> None:
    for field in one_line_model_fields():
        _add(field.validators)
    for config in apps.get_app_configs():
        if config.name.startswith(PACKAGE):
            try:
                importlib.import_module(f"{config.name}.forms")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.forms":
                    raise
    for _form, _name, form_field in one_line_form_fields():
        _add(form_field.validators)
