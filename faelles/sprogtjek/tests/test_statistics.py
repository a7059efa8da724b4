"""Statistics per department and month: counts only, never per person, nothing
shown behind fewer than 5 checks."""

import html
from datetime import date, datetime, time

import pytest
from django.utils import timezone

from faelles.accounts.models import User
from faelles.languagecheck import check
from faelles.organisations.factories import DepartmentFactory
from faelles.sprogtjek import services
from faelles.sprogtjek.models import MonthlyChecks, MonthlyTerm
from faelles.sprogtjek.selectors import statistics

URL = "/odense/sprogtjek/statistik/"
TODAY = date(2026, 12, 5)


def _at(year, month):
    return timezone.make_aware(datetime.combine(date(year, month, 10), time(12)))


def _checks(municipality, department, n, when, text="Kære kunde"):
    for _ in range(n):
        services.check_record(
            municipality=municipality,
            department=department,
            result=check(text),
            now=when,
        )


def test_the_models_hold_no_person_and_no_text():
    for model in (MonthlyChecks, MonthlyTerm):
        fields = {f.name for f in model._meta.get_fields()}
        assert not any(
            getattr(f, "related_model", None) is User for f in model._meta.get_fields()
        )
        assert not fields & {"user", "text", "created_at", "person"}


@pytest.mark.django_db
def test_a_check_adds_to_its_departments_month(municipality):
    department = DepartmentFactory(municipality=municipality)
    _checks(
        municipality, department, 2, _at(2026, 11), "Kære kunde. Kunden og kunderne."
    )
    _checks(municipality, department, 1, _at(2026, 12))
    rows = MonthlyChecks.objects.order_by("month").values_list("month", "checks")
    assert list(rows) == [(date(2026, 11, 1), 2), (date(2026, 12, 1), 1)]
    assert MonthlyTerm.objects.get(month=date(2026, 11, 1)).findings == 6


@pytest.mark.django_db
def test_a_person_without_a_department_is_not_counted(municipality):
    _checks(municipality, None, 3, _at(2026, 12))
    assert not MonthlyChecks.objects.exists()


@pytest.mark.django_db
def test_fewer_than_five_checks_are_never_shown(municipality):
    big = DepartmentFactory(municipality=municipality, name="Sundhed")
    small = DepartmentFactory(municipality=municipality, name="Kultur")
    _checks(municipality, big, 9, _at(2026, 11))
    _checks(municipality, big, 7, _at(2026, 12))
    _checks(municipality, small, 3, _at(2026, 11), "Vi leverer ydelser.")
    stats = statistics(municipality=municipality, today=TODAY)
    rows = {row.name: row for row in stats.rows}
    nov, dec = (
        stats.months.index(date(2026, 11, 1)),
        stats.months.index(date(2026, 12, 1)),
    )
    published = [
        n for row in stats.rows for n in [*row.months, row.total] if n is not None
    ]
    assert all(n == 0 or n >= 5 for n in published)
    assert rows["Kultur"].months[nov] is None and rows["Kultur"].total is None
    # and it cannot be worked out from Kultur's other months (all zero)
    assert rows["Kultur"].months[dec] == 0
    assert rows["Sundhed"].months[nov] == 9
    assert rows["Sundhed"].months[dec] == 7
    # terms only for the departments whose checks are shown
    assert stats.departments == ["Sundhed"]
    assert {t.term for t in stats.terms} == {"kunde"}


@pytest.mark.django_db
def test_the_page_is_for_administrators_and_shows_dashes(
    client, municipality, employee, municipal_admin
):
    client.force_login(employee)
    assert client.get(URL).status_code == 403
    department = DepartmentFactory(municipality=municipality, name="Sundhed")
    small = DepartmentFactory(municipality=municipality, name="Kultur")
    now = timezone.now()
    _checks(municipality, department, 6, now)
    _checks(municipality, small, 2, now)
    client.force_login(municipal_admin)
    page = html.unescape(client.get(URL).content.decode())
    assert "Sundhed" in page and "Kultur" in page
    assert "skjult" in page
    assert "færre end 5 tjek" in page


@pytest.mark.django_db
def test_the_page_reads_few_queries(
    client, municipality, municipal_admin, django_assert_max_num_queries
):
    now = timezone.now()
    for i in range(8):
        _checks(municipality, DepartmentFactory(municipality=municipality), 5 + i, now)
    client.force_login(municipal_admin)
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_first_checks_of_a_month_at_once_both_count(municipality, monkeypatch):
    """The month's row appears between our update (no row yet) and our insert:
    the insert fails on the unique constraint and the count is added instead."""
    from django.db.models.query import QuerySet

    department = DepartmentFactory(municipality=municipality)
    real_update = QuerySet.update
    raced = []

    def update(self, **kwargs):
        if self.model is MonthlyChecks and not raced:
            raced.append(True)
            MonthlyChecks.objects.create(  # the other request's first check
                municipality=municipality,
                department=department,
                month=timezone.localdate().replace(day=1),
                checks=1,
            )
            return 0
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update)
    _checks(municipality, department, 1, timezone.now())
    assert MonthlyChecks.objects.get().checks == 2
