"""The council's PDF report for a period: built by the background task, public
figures only; an unknown period is a 404."""

import pytest

from faelles.insight.report import report_html
from faelles.insight.rollups import refresh

pytestmark = pytest.mark.django_db


def test_the_report_is_a_pdf(client, municipality):
    refresh(municipality)
    response = client.get("/odense/indsigt/rapport.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_report_names_its_period(municipality):
    done = refresh(municipality)
    html = report_html(municipality, done.periods[-1])
    quarter = done.periods[-1].split("K")
    assert f"{quarter[1]}. kvartal {quarter[0]}" in html
    assert "Aktive på platformen" in html


def test_an_unknown_period_is_not_found(client, municipality):
    refresh(municipality)
    assert client.get("/odense/indsigt/rapport.pdf?periode=1999K1").status_code == 404


def test_the_report_has_the_movement_between_rungs_and_no_pulse(municipality):
    from faelles.insight.tests.test_movement import NOW, _organic, _population

    _population(municipality)
    _organic(municipality, n=60)
    done = refresh(municipality, now=NOW)
    html = report_html(municipality, done.periods[-2])
    assert "Bevægelser mellem trinene" in html and "Fra trin til trin" in html
    assert "Rykket op" in html and "Trin 6: Aktiv i kommunens ledelse" in html
    assert "Fra 2. kvartal 2026 til 3. kvartal 2026" in html
    assert "Social kapital" not in html
