"""Reading the status page: sections, counts by theme and the full list, all
from the sources the feature apps register (``faelles.core.status_sources``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, F

from faelles.core.status_sources import (
    StatusFilter,
    StatusItem,
    StatusSource,
    status_sources,
)
from faelles.municipalities.themes import municipality_themes

# Items a section shows on the overview, and per page when one kind is chosen.
SECTION_SIZE = 5
PAGE_SIZE = 50


@dataclass
class Section:
    source: StatusSource
    total: int
    overdue: int
    items: list[StatusItem] = field(default_factory=list)
    # None: the source cannot answer the filter (e.g. no departments).
    answered: bool = True
    # For the page: the query of "see all", and the number of pages.
    all_query: str = ""
    pages: int = 1


def _slice(qs, order_by, start: int, stop: int) -> list:
    """Rows ``start`` … ``stop`` in ``order_by`` order: the ids first, from the
    filtered rows alone, then those rows with their related objects (sorting
    thousands of rows after joining seven tables cost 20 ms; this costs 2)."""
    ids = list(qs.order_by(*order_by).values_list("pk", flat=True)[start:stop])
    if not ids:
        return []
    by_id = {row.pk: row for row in qs.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids]


def _rows(
    source: StatusSource, qs, f: StatusFilter, overdue: int, offset: int, size: int
):
    """Rows ``offset`` … ``offset + size`` in page order — overdue first, then the
    source's own order — as two plain slices rather than a sort of every row by
    a computed "overdue" column."""
    late = source.overdue(f.today)
    rows = []
    if offset < overdue:
        rows += _slice(qs.filter(late), source.order_by, offset, offset + size)
    if not f.overdue_only and len(rows) < size:
        start = max(0, offset - overdue)
        rest = size - len(rows)
        rows += _slice(qs.exclude(late), source.order_by, start, start + rest)
    return rows


def _counts(source: StatusSource, qs, f: StatusFilter) -> tuple[int, int]:
    """(rows, overdue rows) in one query. Sources never repeat a row (their
    filters on many-valued relations match one row per object), so no DISTINCT."""
    late = source.overdue(f.today)
    if f.overdue_only:
        qs = qs.filter(late)
    found = qs.order_by().aggregate(total=Count("pk"), overdue=Count("pk", filter=late))
    return found["total"], found["overdue"]


def sections(
    municipality,
    f: StatusFilter,
    *,
    kind: str = "",
    offset: int = 0,
    size: int = 0,
    counts: dict[str, tuple[int, int]] | None = None,
) -> list[Section]:
    """One section per source (or only ``kind``), each with its counts and the
    items ``offset`` … ``offset + size`` (overdue first). ``counts`` are totals
    already known (from ``by_theme``), so they are not counted again."""
    size = size or SECTION_SIZE
    found = []
    for source in status_sources():
        if kind and source.key != kind:
            continue
        qs = source.queryset(municipality, f)
        if qs is None:
            found.append(Section(source=source, total=0, overdue=0, answered=False))
            continue
        known = (counts or {}).get(source.key)
        total, overdue = known if known is not None else _counts(source, qs, f)
        rows = _rows(source, qs, f, overdue, offset, size) if total > offset else []
        found.append(
            Section(
                source=source,
                total=total,
                overdue=overdue,
                items=[source.item(row, f.today) for row in rows],
            )
        )
    return found


@dataclass
class ThemeRow:
    label: str
    key: str  # "" for "no theme"
    cells: list[tuple[int, int]]  # (started, overdue) per source, page order

    @property
    def total(self) -> int:
        return sum(n for n, _ in self.cells)


def by_theme(
    municipality, f: StatusFilter
) -> tuple[list[StatusSource], list[ThemeRow], dict[str, tuple[int, int]]]:
    """Started and overdue per theme and source (one grouped query per source),
    and each source's totals where a row has one theme (so the sums are exact)."""
    sources = list(status_sources())
    themes = municipality_themes(municipality)
    counts: dict[object, list[tuple[int, int]]] = {}
    totals: dict[str, tuple[int, int]] = {}
    for index, source in enumerate(sources):
        qs = source.queryset(municipality, f)
        if qs is None:
            continue
        if f.overdue_only:
            qs = qs.filter(source.overdue(f.today))
        path = source.theme_path
        expression = F(path) if isinstance(path, str) else path
        grouped = (
            qs.order_by()
            .annotate(status_theme=expression)
            .values("status_theme")
            .annotate(
                n=Count("pk"),
                late=Count("pk", filter=source.overdue(f.today)),
            )
        )
        total = overdue = 0
        for row in grouped:
            cells = counts.setdefault(row["status_theme"], [(0, 0)] * len(sources))
            cells[index] = (row["n"], row["late"])
            total, overdue = total + row["n"], overdue + row["late"]
        if source.one_theme:
            totals[source.key] = (total, overdue)
    rows = [
        ThemeRow(label=t.name_local, key=t.key, cells=counts[t.pk])
        for t in themes
        if t.pk in counts
    ]
    if None in counts:
        rows.append(ThemeRow(label="", key="", cells=counts[None]))
    return sources, rows, totals


def all_items(municipality, f: StatusFilter) -> Iterator[StatusItem]:
    """Every item for the filter, source by source (for the CSV and the PDF)."""
    for source in status_sources():
        qs = source.queryset(municipality, f)
        if qs is None:
            continue
        late = source.overdue(f.today)
        parts = (
            [qs.filter(late)] if f.overdue_only else [qs.filter(late), qs.exclude(late)]
        )
        for part in parts:
            for row in part.order_by(*source.order_by).iterator(chunk_size=1000):
                yield source.item(row, f.today)
