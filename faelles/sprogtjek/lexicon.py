"""A municipality's own entries as the engine's lexicon data, and the checker
that uses them together with the shipped lexicon.

An own word is found like a shipped one: by its Snowball stem (every inflection),
and, if the administrator ticks it, as the first or last part of a compound. An
expression of several words is a phrase: each word also in longer forms
("levere pakker" finds "leverer pakkerne"), at most one word between two of them.
An own name is never flagged, the last word also in longer forms ("Servicecenter
Nord" covers "Servicecenter Nords"). See docs/language-check.md.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from faelles.languagecheck import Checker, LexiconError, builtin
from faelles.languagecheck.lexicon import parse

_WORD = re.compile(r"[^\W_]+")


def words_of(term: str) -> list[str]:
    """The term's words, lower case; a hyphen joins (the engine reads
    "bestiller-udfører" as one word). Anything else is refused."""
    words = [w.replace("-", "") for w in term.lower().split()]
    if not words or not all(_WORD.fullmatch(w) for w in words):
        raise ValidationError(
            {
                "term": _(
                    "Skriv ordet med bogstaver og tal, evt. med bindestreg; "
                    "flere ord adskilles med mellemrum."
                )
            }
        )
    if len(words) > 5:
        raise ValidationError({"term": _("Et udtryk kan højst have 5 ord.")})
    return words


def entry_data(entry: Any) -> dict[str, Any]:
    """One own ``FLAG`` entry as a lexicon table (``entry`` is an ``OwnEntry``)."""
    words = words_of(entry.term)
    data: dict[str, Any] = {
        "term": entry.term.strip(),
        "paradigm": entry.paradigm,
        "reason_da": entry.reason,
        "reason_en": entry.reason_en or entry.reason,
        "suggestions": entry.suggestion_list,
    }
    if len(words) == 1:
        data["words"] = words
        if entry.compounds:
            data["prefix"] = data["suffix"] = words
    else:
        data["phrase"] = [[f"{w}*"] for w in words]
        data["gap"] = 1
    return data


def name_glob(entry: Any) -> str:
    return " ".join(words_of(entry.term)) + "*"


def lexicon_data(entries: Iterable[Any]) -> dict[str, list]:
    """The own entries as one lexicon file's data: ``{"entry": …, "names": …}``."""
    flags, names = [], []
    for entry in entries:
        try:  # an entry saved under older rules is left out, not a broken page
            if entry.kind == "name":
                names.append(name_glob(entry))
            else:
                data = entry_data(entry)
                parse([data], source="own")
                flags.append(data)
        except (ValidationError, LexiconError):
            continue
    return {"entry": flags, "names": names}


def validate(entry: Any) -> None:
    """Refuse an entry the engine would refuse, or one that shadows a shipped
    entry (an own "kunde" would drop the shipped one's context rules)."""
    if entry.kind == "name":
        words_of(entry.term)
        return
    errors: dict[str, str] = {}
    if not entry.paradigm:
        errors["paradigm"] = _("Vælg, om ordet hører til Kommune 1.0 eller 2.0.")
    if not entry.reason.strip():
        errors["reason"] = _("Skriv i én sætning, hvorfor ordet markeres.")
    if not entry.suggestion_list:
        errors["suggestions"] = _("Giv mindst ét forslag til, hvad man kan skrive.")
    if errors:
        raise ValidationError(errors)
    shipped = {e.term.lower() for e in builtin().entries}
    if entry.term.strip().lower() in shipped:
        raise ValidationError(
            {
                "term": _(
                    "“%(term)s” er allerede med i den fælles ordliste, med sine "
                    "egne regler for sammenhængen."
                )
                % {"term": entry.term.strip()}
            }
        )
    try:
        parse([entry_data(entry)], source="own")
    except LexiconError as exc:  # a glob the engine cannot use; says which
        raise ValidationError({"term": str(exc)}) from None


_LOCAL = threading.local()  # a Checker is not thread-safe (Snowball keeps state)


def checker_for(key: tuple, entries: Iterable[Any]) -> Checker:
    """The checker for a municipality's lexicon, built once per ``key`` (which
    changes whenever the own entries do) and thread."""
    cache: dict[tuple, Checker] = getattr(_LOCAL, "checkers", None) or {}
    _LOCAL.checkers = cache
    checker = cache.get(key)
    if checker is None:
        data = lexicon_data(entries)
        lexicon = builtin()
        if data["entry"] or data["names"]:
            lexicon = lexicon.extended(data)
        if len(cache) > 50:  # municipalities in one process, a few versions each
            cache.clear()
        checker = cache[key] = Checker(lexicon)
    return checker
