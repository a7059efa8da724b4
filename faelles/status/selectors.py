"""Reading the status page: sections, counts by theme and the full list, all
from the sources the feature apps register (``faelles.core.status_sources``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Value, When

from faelles.core.status_sources import (
    StatusFilter,
    StatusItem,
    StatusSource,
    status_sources,
)
from faelles.municipalities.themes import municipality_themes

# Items a section shows on the overview, and per page when one kind is chosen.
SECTION_SIZE = 10
PAGE_SIZE = 50


@dataclass
class Section:
    source: StatusSource
    total: int
    overdue: int
    items: list[StatusItem] = field(default_factory=list)
    # None: the source cannot answer the filter (e.g. no departments).
    answered: bool = True


def _ordered(source: StatusSource, qs, f: StatusFilter):
    """Overdue first, then the source's own order."""
    late = Case(
        When(source.overdue(f.today), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    qs = qs.annotate(status_overdue=late)
    if f.overdue_only:
        qs = qs.filter(status_overdue=1)
    return qs.order_by("-status_overdue", *source.order_by)


def _counts(source: StatusSource, qs, f: StatusFilter) -> tuple[int, int]:
    if f.overdue_only:
        qs = qs.filter(source.overdue(f.today))
    found = qs.order_by().aggregate(
        total=Count("pk", distinct=True),
        overdue=Count("pk", filter=source.overdue(f.today), distinct=True),
    )
    return found["total"], found["overdue"]


def sections(
    municipality, f: StatusFilter, *, kind: str = "", offset: int = 0, size: int = 0
) -> list[Section]:
    """One section per source (or only ``kind``), each with its counts and the
    first ``size`` items from ``offset`` (overdue first)."""
    size = size or SECTION_SIZE
    found = []
    for source in status_sources():
        if kind and source.key != kind:
            continue
        qs = source.queryset(municipality, f)
        if qs is None:
            found.append(Section(source=source, total=0, overdue=0, answered=False))
            continue
        total, overdue = _counts(source, qs, f)
        rows = _ordered(source, qs, f)[offset : offset + size] if total else []
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
) -> tuple[list[StatusSource], list[ThemeRow]]:
    """Started and overdue per theme and source: one grouped query per source."""
    sources = list(status_sources())
    themes = municipality_themes(municipality)
    counts: dict[object, list[tuple[int, int]]] = {}
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
                n=Count("pk", distinct=True),
                late=Count("pk", filter=source.overdue(f.today), distinct=True),
            )
        )
        for row in grouped:
            cells = counts.setdefault(row["status_theme"], [(0, 0)] * len(sources))
            cells[index] = (row["n"], row["late"])
    rows = [
        ThemeRow(label=t.name_local, key=t.key, cells=counts[t.pk])
        for t in themes
        if t.pk in counts
    ]
    if None in counts:
        rows.append(ThemeRow(label="", key="", cells=counts[None]))
    return sources, rows


def all_items(municipality, f: StatusFilter) -> Iterator[StatusItem]:
    """Every item for the filter, source by source (for the CSV and the PDF)."""
    for source in status_sources():
        qs = source.queryset(municipality, f)
        if qs is None:
            continue
        for row in _ordered(source, qs, f).iterator(chunk_size=1000):
            yield source.item(row, f.today)
