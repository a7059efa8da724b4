"""The pulse's pages role by role: answering once, results only when closed
and only for groups of 5, who sees which units, the MED export, rounds."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.notifications.models import Notification
from faelles.organisations.factories import DepartmentFactory
from faelles.organisations.sections import leader_sections
from faelles.pulse import services
from faelles.pulse.factories import RoundFactory
from faelles.pulse.models import Receipt, Response, Round
from faelles.pulse.sections import leader_section

from .conftest import BASE, answers, form_data, staff

pytestmark = pytest.mark.django_db


def test_index_login_for_anonymous_403_for_citizen_200_for_staff(
    client, citizen, employee, municipal_admin
):
    assert client.get(BASE).status_code == 302
    client.force_login(citizen)
    assert client.get(BASE).status_code == 403
    for person in (employee, municipal_admin):
        client.force_login(person)
        assert client.get(BASE).status_code == 200


def test_an_employee_answers_once_and_cannot_change_it(client, employee, open_round):
    client.force_login(employee)
    url = f"{BASE}{open_round.pk}/"
    page = client.get(url).content.decode()
    assert "Stoler ledelsen på, at medarbejderne gør et godt stykke arbejde?" in page
    response = client.post(url, form_data(4))
    assert response.status_code == 302
    assert Response.objects.count() == 1 and Receipt.objects.count() == 1
    assert "Du har svaret på denne pulsmåling" in client.get(url).content.decode()
    client.post(url, form_data(1))
    assert Response.objects.count() == 1
    assert Response.objects.get().answers["vt1"] == 4


def test_an_incomplete_answer_is_explained_and_changes_nothing(
    client, employee, open_round
):
    client.force_login(employee)
    data = form_data(3)
    del data["item_ju4"]
    data["item_vt1"] = "9"
    page = client.post(f"{BASE}{open_round.pk}/", data)
    assert page.status_code == 200
    assert "Vælg et svar." in page.content.decode()
    assert not Response.objects.exists() and not Receipt.objects.exists()


def test_only_employees_with_a_department_answer(
    client, municipal_admin, open_round, municipality
):
    client.force_login(municipal_admin)  # an administrator without a department
    assert client.post(f"{BASE}{open_round.pk}/", form_data()).status_code == 403
    assert not Response.objects.exists()


def test_a_closed_round_takes_no_answers(employee, municipality):
    today = timezone.localdate()
    closed = RoundFactory(
        municipality=municipality,
        opens_on=today - timedelta(days=10),
        closes_on=today - timedelta(days=1),
    )
    with pytest.raises(Exception, match="ikke åben"):
        services.response_submit(round_=closed, user=employee, answers=answers())


def test_the_round_waits_in_the_workspace_until_answered(client, employee, open_round):
    client.force_login(employee)
    work = client.get("/odense/arbejde/").content.decode()
    assert "Pulsmåling venter" in work and open_round.title in work
    services.response_submit(round_=open_round, user=employee, answers=answers())
    work = client.get("/odense/arbejde/").content.decode()
    assert open_round.title not in work
    assert "Pulsmåling" in work  # the tool stays


def _answer(round_, people, value=4):
    for person in people:
        services.response_submit(round_=round_, user=person, answers=answers(value))


def _close(round_):
    Round.objects.filter(pk=round_.pk).update(
        opens_on=round_.opens_on - timedelta(days=30),
        closes_on=timezone.localdate() - timedelta(days=1),
    )
    round_.refresh_from_db()
    return services.round_results(round_=round_)


def test_results_show_after_closing_only_for_groups_of_five(
    client, employee, leader, units, municipality, open_round
):
    department, nord, syd = units
    _answer(open_round, [employee, leader, *staff(department, 1)], 5)
    _answer(open_round, staff(nord, 6), 4)
    _answer(open_round, staff(syd, 3), 2)
    client.force_login(leader)
    assert (
        "Der er endnu ingen afsluttede"
        in client.get(f"{BASE}resultater/").content.decode()
    )
    _close(open_round)
    page = client.get(f"{BASE}resultater/").content.decode()
    assert "Enhed Nord" in page and "Enhed Syd" in page
    rows = {r.key: r for r in _table(leader, municipality, open_round)}
    assert rows[f"sub:{department.pk}"].n == 12
    assert rows[f"sub:{syd.pk}"].n is None  # 3 answers
    # Nord (6) is hidden too: 12 − 3 (own staff) − 6 would give Syd away.
    assert rows[f"sub:{nord.pk}"].n is None or rows[f"own:{department.pk}"].n is None


def _table(user, municipality, round_):
    from faelles.pulse import selectors

    scope = selectors.scope_for(user=user, municipality=municipality)
    return selectors.result_table(
        municipality=municipality, round_=round_, scope=scope
    ).rows


def test_an_employee_sees_the_municipality_and_own_unit_a_leader_the_units_under(
    employee, leader, units, municipality, open_round
):
    department, nord, syd = units
    other = staff(nord, 1)[0]
    _answer(open_round, staff(nord, 6))
    _close(open_round)
    leader_keys = {r.key for r in _table(leader, municipality, open_round)}
    assert {f"sub:{nord.pk}", f"sub:{syd.pk}", f"sub:{department.pk}"} <= leader_keys
    other_keys = {r.key for r in _table(other, municipality, open_round)}
    assert other_keys == {"all", f"sub:{nord.pk}"}


def test_trend_over_three_rounds_in_chart_and_table(
    client, employee, units, municipality
):
    department, nord, _syd = units
    today = timezone.localdate()
    for n, value in enumerate((2, 3, 4)):
        round_ = RoundFactory(municipality=municipality, title=f"Runde {n + 1}")
        _answer(round_, staff(nord, 6), value)
        Round.objects.filter(pk=round_.pk).update(
            opens_on=today - timedelta(days=100 - n * 30),
            closes_on=today - timedelta(days=90 - n * 30),
        )
    client.force_login(employee)
    page = client.get(f"{BASE}resultater/").content.decode()
    assert page.count("<polyline") >= 4  # a line per scale
    for title in ("Runde 1", "Runde 2", "Runde 3"):
        assert title in page
    # Horizontal trust has two reversed items: (25+25+75)/3, (50+50+50)/3 …
    assert ">42<" in page and ">50<" in page and ">58<" in page


def test_the_med_export_has_the_same_suppression(
    client, leader, employee, units, municipality, open_round
):
    department, nord, syd = units
    formula = DepartmentFactory(
        municipality=municipality, parent=department, name="=1+1"
    )
    _answer(open_round, staff(nord, 7))
    _answer(open_round, staff(syd, 2))
    _answer(open_round, staff(formula, 6))
    _close(open_round)
    client.force_login(employee)
    assert client.get(f"{BASE}{open_round.pk}/eksport.csv").status_code == 403
    client.force_login(leader)
    response = client.get(f"{BASE}{open_round.pk}/eksport.csv")
    assert response.status_code == 200
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    by_label = {row[0]: row for row in rows if row}
    assert by_label["Enhed Syd"][2] == ""
    assert "'=1+1" in by_label and "=1+1" not in by_label  # not run as a formula
    assert all(row[2] not in {"1", "2", "3", "4"} for row in rows[1:] if len(row) > 2)


def test_an_administrator_opens_a_round_and_employees_are_told(
    client, municipal_admin, employee, django_capture_on_commit_callbacks
):
    client.force_login(municipal_admin)
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}ny/",
            {
                "title": "Pulsmåling vinter",
                "opens_on": today.isoformat(),
                "closes_on": (today + timedelta(days=14)).isoformat(),
            },
        )
    assert response.status_code == 302
    round_ = Round.objects.get()
    assert Notification.objects.filter(
        recipient=employee, kind="pulse.round_open"
    ).exists()
    bad = client.post(
        f"{BASE}ny/",
        {
            "title": "Forkert",
            "opens_on": today.isoformat(),
            "closes_on": (today - timedelta(days=3)).isoformat(),
        },
    )
    assert "Slutdatoen skal ligge på eller efter startdatoen." in bad.content.decode()
    assert Round.objects.count() == 1
    client.post(f"{BASE}{round_.pk}/luk/")
    round_.refresh_from_db()
    assert round_.closed_on == today and round_.results is not None


def test_only_administrators_open_and_close_rounds(client, leader, open_round):
    client.force_login(leader)
    assert client.get(f"{BASE}ny/").status_code == 403
    assert client.post(f"{BASE}{open_round.pk}/luk/").status_code == 403


def test_a_citizen_does_not_see_a_round(client, citizen, open_round):
    client.force_login(citizen)
    assert client.get(f"{BASE}{open_round.pk}/").status_code == 404


def test_the_leaders_page_section_shows_the_units_led(
    rf, leader, employee, units, municipality, open_round
):
    from faelles.organisations.selectors import departments_led_by

    department, nord, _syd = units
    _answer(open_round, staff(nord, 5))
    _close(open_round)
    request = rf.get("/odense/leder/")
    request.user, request.municipality = leader, municipality
    context = leader_section(request, departments_led_by(leader, municipality))
    labels = [row.label for row in context["pulse_rows"]]
    assert "Enhed Nord" in labels
    assert next(r for r in context["pulse_rows"] if r.label == "Enhed Nord").n == 5
    request.user = employee  # not a leader: nothing
    assert leader_section(request, {nord.pk}) is None
    request.user = leader
    assert any(
        t == "pulse/_leader_section.html"
        for t, _ in leader_sections(request, {nord.pk})
    )


def test_the_leaders_page_shows_the_top_levels_of_many_units(
    client, rf, leader, municipal_admin, units, municipality, open_round
):
    """An administrator's page covers every unit (300 in a large
    municipality): the section shows the top levels that fit in
    ``ROWS_SHOWN`` and says where every unit is; a leader's few units are all
    shown."""
    from faelles.organisations.selectors import department_tree, departments_led_by
    from faelles.pulse import sections

    department, nord, _syd = units
    tops = [
        DepartmentFactory(municipality=municipality, name=f"Forvaltning {i}")
        for i in range(3)
    ]
    for top in tops:
        for k in range(sections.ROWS_SHOWN // 2):
            DepartmentFactory(
                municipality=municipality, parent=top, name=f"Team {k:02}"
            )
    _answer(open_round, staff(nord, 5))
    _close(open_round)
    request = rf.get("/odense/leder/")
    request.user, request.municipality = municipal_admin, municipality
    every = set(department_tree(municipality))
    context = leader_section(request, every)
    assert context["pulse_summary"] and context["pulse_units"] == len(every)
    labels = [row.label for row in context["pulse_rows"]]
    assert {f"Forvaltning {i}" for i in range(3)} <= set(labels)
    assert "Team 00" not in labels and len(labels) <= sections.ROWS_SHOWN
    assert all(not row.own_staff for row in context["pulse_rows"])
    # The leader's department and its two units: every row, no summary.
    request.user = leader
    context = leader_section(request, departments_led_by(leader, municipality))
    assert not context["pulse_summary"]
    assert {"Enhed Nord", "Enhed Syd"} <= {row.label for row in context["pulse_rows"]}
    # On the page, the administrator is told where every unit is.
    client.force_login(municipal_admin)
    page = client.get("/odense/leder/").content.decode()
    assert f"Her vises de øverste niveauer af {len(every)} enheder." in page


def test_the_top_levels_fill_the_section_as_far_as_they_fit():
    from faelles.pulse import sections
    from faelles.pulse.selectors import Row

    def rows(*depths):
        return [
            Row(key=str(i), label=str(i), depth=d, n=None, scores=[])
            for i, d in enumerate(depths)
        ]

    limit = sections.ROWS_SHOWN
    # One top unit with many under it: the top and the next level when it fits.
    found = sections._top_levels(rows(1, *[2] * (limit - 1), *[3] * limit))
    assert [r.depth for r in found] == [1] + [2] * (limit - 1)
    # A top level that alone is too long is still shown.
    found = sections._top_levels(rows(*[1] * (limit + 5), 2))
    assert len(found) == limit + 5


def test_results_page_queries_are_bounded(
    client, django_assert_max_num_queries, municipal_admin, units, municipality
):
    department, nord, syd = units
    today = timezone.localdate()
    for n in range(4):
        round_ = RoundFactory(municipality=municipality, title=f"Runde {n}")
        _answer(round_, staff(nord, 5))
        Round.objects.filter(pk=round_.pk).update(
            opens_on=today - timedelta(days=100 - n * 20),
            closes_on=today - timedelta(days=95 - n * 20),
        )
    client.force_login(municipal_admin)
    client.get(f"{BASE}resultater/")  # computes and stores the results once
    with django_assert_max_num_queries(14):
        assert client.get(f"{BASE}resultater/?enhed={nord.pk}").status_code == 200
    assert client.get(f"{BASE}resultater/?enhed=999999").status_code == 404
    assert client.get(f"{BASE}resultater/?runde=abc").status_code == 404


def test_personal_data_export_says_which_rounds_not_what(employee, open_round):
    from faelles.pulse.gdpr import export_personal_data

    services.response_submit(round_=open_round, user=employee, answers=answers(1))
    data = export_personal_data(employee)
    assert [r["round"] for r in data["rounds_answered"]] == [open_round.title]
    assert "vt1" not in str(data)
    employee.delete()
    assert not Receipt.objects.exists() and Response.objects.count() == 1


def test_index_and_sig_fra_cost_the_same_whatever_their_size(
    client, django_assert_max_num_queries, leader, units, municipality
):
    department, nord, _syd = units
    for n in range(3):
        round_ = RoundFactory(municipality=municipality, title=f"Runde {n}")
        _answer(round_, staff(nord, 5))
        _close(round_)
    people = staff(nord, 3)
    for n, person in enumerate(people):
        concern = services.concern_raise(
            municipality=municipality,
            user=person,
            title=f"Henvendelse {n}",
            body="Noget, vi bør tale om.",
            department=department,
        )
        if n:
            services.concern_answer(concern=concern, actor=leader, answer="Svar.")
    client.force_login(leader)
    client.get(BASE)
    for url in (BASE, f"{BASE}sig-fra/", f"{BASE}resultater/"):
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200, url
