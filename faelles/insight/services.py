"""Every write of the insight app: the population table and a person's birth
year. The rollups are written by ``rollups.refresh`` (a background task)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from faelles.core.audit import audit

from .models import BirthYear, PopulationFigure, PopulationImport
from .population import parse


def _refresh_later(municipality) -> None:
    from .tasks import refresh_insight

    transaction.on_commit(lambda: refresh_insight.enqueue(municipality.pk))


@transaction.atomic
def population_import(
    *,
    municipality,
    user,
    data: bytes,
    filename: str = "",
    fictional: bool = False,
    refresh_after: bool = True,
) -> PopulationImport:
    """Replace the municipality's population table with the file's figures
    (``population.PopulationError`` and nothing changed if the file is wrong).
    The figures by area are computed again by a background task
    (``refresh_after=False``: the caller computes them itself, as the demo does)."""
    cells = parse(data)
    PopulationFigure.objects.filter(municipality=municipality).delete()
    PopulationImport.objects.filter(municipality=municipality).delete()
    figures = [
        PopulationFigure(
            municipality=municipality,
            postcode=cell.postcode,
            area_name=cell.area_name,
            age_band=cell.age_band,
            count=cell.count,
        )
        for cell in cells
    ]
    for figure in figures:
        figure.full_clean(validate_unique=False)
    PopulationFigure.objects.bulk_create(figures)
    found = PopulationImport(
        municipality=municipality,
        imported_by=user,
        filename=filename[:200],
        fictional=fictional,
    )
    found.full_clean()
    found.save()
    audit(
        actor=user,
        action="insight.population_import",
        target=found,
        municipality=municipality,
        data={"rows": len(figures), "total": sum(c.count for c in cells)},
    )
    if refresh_after:
        _refresh_later(municipality)
    return found


@transaction.atomic
def birth_year_set(*, user, year: int | None) -> BirthYear | None:
    """Give (or, with None, take back) one's birth year for the statistics."""
    if year is None:
        BirthYear.objects.filter(user=user).delete()
        return None
    found = BirthYear(user=user, year=year, given_at=timezone.now())
    found.full_clean(validate_unique=False)
    found.save()
    return found
