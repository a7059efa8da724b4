"""A match index on disk: one file, loaded in well under a second, shared by workers.

Building an index analyses every text (11 s for 200,000 offers); loading it from
this file only maps arrays. The file holds the index's arrays (the per-row
columns and both inverted lists, packed term by term), the records themselves
as compact JSON decoded only when a row is explained or removed, and a header
with the caller's metadata (a revision, a day, a token) and a *fingerprint* of
everything the arrays depend on besides the records: this file format, the
weights, the vocabulary and the postcode table. A file made by another version
of the engine is simply not loaded.

Layout: ``MAGIC``, an 8-byte little-endian header length, the JSON header, then
each array's raw bytes at a 64-byte aligned offset the header names. Arrays are
mapped copy-on-write (``numpy.memmap`` mode ``"c"``): every worker on the machine
reads the same pages of the operating system's cache until it changes a row of
its own copy (an added or removed listing), so N workers do not hold N copies.
Saving writes a temporary file and renames it, so a reader sees the old file or
the new one, never half of one.

Pure engine: no Django.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import numpy as np

from faelles.matching import geo, text, vocabulary
from faelles.matching.index import MatchIndex, _Columns
from faelles.matching.postings import Postings
from faelles.matching.records import Record

FORMAT = 1
MAGIC = b"FAELLES-MATCHINDEX\n"
ALIGN = 64

_RECORD_FIELDS = tuple(f.name for f in fields(Record))
_DATE_FIELDS = {"available_from", "available_until", "created"}


class StoreError(Exception):
    """The file cannot be used (missing, damaged, another engine version)."""


def fingerprint(index: MatchIndex) -> str:
    """What the arrays depend on besides the records."""
    digest = hashlib.sha256()
    digest.update(f"format={FORMAT};".encode())
    digest.update(repr(index.weights).encode())
    digest.update(f";vocabulary={index.use_vocabulary};".encode())
    digest.update(_file_digest(vocabulary.DEFAULT_PATH).encode())
    digest.update(repr(sorted(text.STEM_OVERRIDES.items())).encode())
    digest.update(repr(sorted(text.HIDDEN_IN.items())).encode())
    digest.update(repr(text.COMPOUND_RULES).encode())
    digest.update(repr(sorted(text.NOT_COMPOUND_STARTS)).encode())
    digest.update(repr(sorted(text.NOT_COMPOUND_ENDS)).encode())
    digest.update(repr(sorted(text.STOPWORDS)).encode())
    digest.update(repr(sorted(text.SPELLINGS.items())).encode())
    digest.update(repr(sorted(text.NOT_RESPELLED)).encode())
    digest.update(repr(text.RESPELLING_RULES).encode())
    digest.update(_file_digest(geo.DATA_PATH).encode())
    return digest.hexdigest()


_digests: dict[Path, str] = {}


def _file_digest(path: Path) -> str:
    if path not in _digests:
        _digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _digests[path]


# -- records -------------------------------------------------------------------------


def _encode(record: Record | None) -> bytes:
    if record is None:
        return b""
    values = []
    for name in _RECORD_FIELDS:
        value = getattr(record, name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        values.append(value)
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode()


def _decode(raw: bytes) -> Record:
    values = dict(zip(_RECORD_FIELDS, json.loads(raw), strict=True))
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = tuple(value)
        elif name in _DATE_FIELDS and value is not None:
            values[name] = dt.date.fromisoformat(value)
    return Record(**values)


class PackedRecords:
    """``MatchIndex.records`` read from a file: a record is decoded when asked for.

    Behaves like the list it replaces (length, index, iteration, ``append``, and
    setting a row to ``None`` when a record is removed); rows added or removed after
    loading live in a small overlay.
    """

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self._blob = blob
        self._offsets = offsets
        self._stored = len(offsets) - 1
        self._changed: dict[int, Record | None] = {}
        self._added: list[Record | None] = []

    def __len__(self) -> int:
        return self._stored + len(self._added)

    def __getitem__(self, row: int) -> Record | None:
        if row < 0:
            row += len(self)
        if row >= self._stored:
            return self._added[row - self._stored]
        if row in self._changed:
            return self._changed[row]
        start, end = int(self._offsets[row]), int(self._offsets[row + 1])
        if start == end:
            return None
        return _decode(self._blob[start:end].tobytes())

    def __setitem__(self, row: int, record: Record | None) -> None:
        if row >= self._stored:
            self._added[row - self._stored] = record
        else:
            self._changed[row] = record

    def __iter__(self) -> Iterator[Record | None]:
        for row in range(len(self)):
            yield self[row]

    def append(self, record: Record | None) -> None:
        self._added.append(record)


# -- writing ---------------------------------------------------------------------------


def _packed_postings(postings: Postings) -> tuple[list[str], dict[str, np.ndarray]]:
    postings.compile()
    terms = sorted(set(postings.df) | set(postings.all_terms()))
    offsets = np.zeros(len(terms) + 1, dtype=np.int64)
    rows, tfs, df = [], [], np.zeros(len(terms), dtype=np.int32)
    for i, term in enumerate(terms):
        r, f = postings.get(term)
        rows.append(r)
        tfs.append(f)
        offsets[i + 1] = offsets[i] + len(r)
        df[i] = postings.df.get(term, 0)
    return terms, {
        "offsets": offsets,
        "rows": np.concatenate(rows) if rows else np.zeros(0, np.int32),
        "tfs": np.concatenate(tfs) if tfs else np.zeros(0, np.float32),
        "df": df,
    }


def save(index: MatchIndex, path: Path, *, meta: dict[str, Any]) -> None:
    """Write ``index`` to ``path`` (atomically) with the caller's ``meta``."""
    n = len(index.records)
    arrays: dict[str, np.ndarray] = {}
    for name in _Columns.SPEC:
        arrays[f"col.{name}"] = np.ascontiguousarray(getattr(index.columns, name)[:n])
    terms: dict[str, list[str]] = {}
    for kind, postings in (
        ("text", index.text_postings),
        ("meta", index.meta_postings),
    ):
        terms[kind], packed = _packed_postings(postings)
        for key, array in packed.items():
            arrays[f"{kind}.{key}"] = array
    encoded = [_encode(index.records[row]) for row in range(n)]
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    arrays["records.offsets"] = offsets
    arrays["records.blob"] = np.frombuffer(b"".join(encoded), dtype=np.uint8)
    ids: list[str | None] = [None] * n
    for record_id, row in index.row_of.items():
        ids[row] = record_id

    layout: dict[str, dict[str, Any]] = {}
    position = 0
    for name, array in arrays.items():
        layout[name] = {
            "dtype": array.dtype.str,
            "shape": list(array.shape),
            "offset": position,
        }
        position += -(-array.nbytes // ALIGN) * ALIGN
    header = json.dumps(
        {
            "format": FORMAT,
            "fingerprint": fingerprint(index),
            "meta": meta,
            "rows": n,
            "live": index.live,
            "total_length": index.total_length,
            "ids": ids,
            "terms": terms,
            "associations": index.associations,
            "arrays": layout,
        },
        ensure_ascii=False,
    ).encode()
    start = -(-(len(MAGIC) + 8 + len(header)) // ALIGN) * ALIGN
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC)
            out.write(len(header).to_bytes(8, "little"))
            out.write(header)
            out.write(b"\0" * (start - out.tell()))
            for name, array in arrays.items():
                out.seek(start + layout[name]["offset"])
                out.write(array.tobytes())
            out.truncate(start + position)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# -- reading ------------------------------------------------------------------------


def read_header(path: Path) -> tuple[dict[str, Any], int]:
    try:
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise StoreError(f"{path} is not a match index file")
            length = int.from_bytes(handle.read(8), "little")
            header = json.loads(handle.read(length))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: {exc}") from exc
    start = -(-(len(MAGIC) + 8 + length) // ALIGN) * ALIGN
    return header, start


def load(
    path: Path, *, template: MatchIndex | None = None
) -> tuple[MatchIndex, dict[str, Any]]:
    """The index stored at ``path`` and its metadata.

    ``template`` (an empty index) gives the weights, analyzer and postcodes the
    loaded index uses; the file is refused (``StoreError``) when its fingerprint is
    not the template's.
    """
    header, start = read_header(path)
    index = MatchIndex() if template is None else template
    if header.get("format") != FORMAT or header.get("fingerprint") != fingerprint(
        index
    ):
        raise StoreError(f"{path} was made by another version of the engine")
    size = path.stat().st_size

    def array(name: str) -> np.ndarray:
        spec = header["arrays"][name]
        shape = tuple(spec["shape"])
        count = int(np.prod(shape)) if shape else 1
        if count == 0:
            return np.zeros(shape, dtype=np.dtype(spec["dtype"]))
        dtype = np.dtype(spec["dtype"])
        if start + spec["offset"] + count * dtype.itemsize > size:
            raise StoreError(f"{path} is truncated")
        mapped = np.memmap(
            path, dtype=dtype, mode="c", offset=start + spec["offset"], shape=shape
        )
        # A plain array over the same pages: memmap's subclass hooks cost on every
        # operation of a query.
        return mapped.view(np.ndarray)

    n = int(header["rows"])
    columns = _Columns(capacity=0)
    for name in _Columns.SPEC:
        setattr(columns, name, array(f"col.{name}"))
    columns.allocated = n
    index.columns = columns
    for kind, attribute in (("text", "text_postings"), ("meta", "meta_postings")):
        terms = header["terms"][kind]
        setattr(
            index,
            attribute,
            Postings.packed(
                terms,
                offsets=array(f"{kind}.offsets"),
                rows=array(f"{kind}.rows"),
                tfs=array(f"{kind}.tfs"),
                df=array(f"{kind}.df"),
            ),
        )
    index.records = PackedRecords(  # type: ignore[assignment]
        array("records.blob"), array("records.offsets")
    )
    index.row_of = {
        record_id: row for row, record_id in enumerate(header["ids"]) if record_id
    }
    index.live = int(header["live"])
    index.total_length = float(header["total_length"])
    index.associations = header["associations"]
    index.bm25_cache = {}
    return index, header["meta"]
