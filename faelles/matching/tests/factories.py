"""Small builders for records in tests."""

from __future__ import annotations

import itertools
from typing import Any

from faelles.matching.records import Record

_ids = itertools.count(1)


def record(title: str = "", text: str = "", **fields: Any) -> Record:
    """A record from keyword fields in the JSON shape (validated like real input)."""
    data = {"id": fields.pop("id", f"r{next(_ids)}"), "title": title, "text": text}
    data.update(fields)
    if not (title or text):
        data["text"] = "lektiehjælp"
    return Record.from_dict(data)
