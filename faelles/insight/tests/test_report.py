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
