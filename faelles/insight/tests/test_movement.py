"""Movement between the rungs of the activity ladder: counted from the acts of
participation by highest rung per quarter, suppressed together with the people
active (small groups hidden), shown on the public and internal dashboards
without JavaScript, by area and age band where the filters allow, never another
municipality's."""

import random
from datetime import datetime

import pytest
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.insight import movement
from faelles.insight.cube import ALL
from faelles.insight.models import BirthYear, PopulationFigure, Rollup
from faelles.insight.rollups import refresh
from faelles.insight.selectors import InsightFilter, dashboard
from faelles.participation.models import ParticipationAct

pytestmark = pytest.mark.django_db

URL = "/odense/indsigt/"
# The refresh's clock: 2026K4 is running, 2026K3 the last completed quarter.
NOW = datetime(2026, 11, 15, 12, tzinfo=timezone.get_fixed_timezone(60))


def _people(municipality, n, levels, *, postcode="5000", born=1990):
    """``n`` people with the given highest rung per quarter (0 or missing:
    not active); a lower rung beside the highest changes nothing."""
    for _ in range(n):
        user = UserFactory(postcode=postcode)
        if born:
            BirthYear.objects.create(user=user, year=born)
        _acts(municipality, user, levels)


def _acts(municipality, user, levels):
    acts = []
    for period, rung in levels.items():
        if not rung:
            continue
        year, quarter = (int(x) for x in period.split("K"))
        for step, day in {(1, 3), (rung, 14)}:
            acts.append(
                ParticipationAct(
                    municipality=municipality,
                    user=user,
                    action="test.act",
                    rung=step,
                    occurred_at=datetime(
                        year, quarter * 3 - 1, day, 10, tzinfo=NOW.tzinfo
                    ),
                )
            )
    ParticipationAct.objects.bulk_create(acts)


PERIODS = [f"{y}K{q}" for y in (2025, 2026) for q in (1, 2, 3, 4)]
AREAS = ("5000", "5200", "9999")


def _organic(municipality, n=160, seed=17):
    """``n`` people whose highest rung moves from quarter to quarter as in a
    real municipality (a Markov chain: most stay, some climb, some stop);
    returns their (area, age band, levels) as the dashboard should count them."""
    rng = random.Random(seed)
    weights = (10, 4, 8, 30, 40, 8)
    truth = []
    for _ in range(n):
        level = rng.choices(range(1, 7), weights)[0] if rng.random() < 0.4 else 0
        levels = []
        for _period in PERIODS:
            levels.append(level)
            r = rng.random()
            if level == 0:
                level = rng.choices(range(1, 7), weights)[0] if r < 0.2 else 0
            elif r < 0.2:
                level = 0
            elif r > 0.8:
                level = min(6, level + 1)
            elif r > 0.65:
                level = max(1, level - 1)
        postcode = rng.choice(AREAS)
        born = rng.choice((1960, 1990, None))
        user = UserFactory(postcode=postcode)
        if born:
            BirthYear.objects.create(user=user, year=born)
        _acts(municipality, user, dict(zip(PERIODS, levels, strict=True)))
        area = postcode if postcode != "9999" else "?"
        age = {1960: "65+", 1990: "30-49", None: "?"}[born]
        truth.append((area, age, levels))
    return truth


def _true_moves(truth) -> dict:
    """The movement counted straight from the levels (the test's own count)."""
    counts: dict = {}

    def add(*key):
        counts[key] = counts.get(key, 0) + 1

    completed = PERIODS[:-1]
    for area, age, levels in truth:
        for k in range(1, len(completed)):
            i, j = levels[k - 1], levels[k]
            if not (i or j):
                continue
            name = (
                "new"
                if i == 0
                else "stopped"
                if j == 0
                else "up"
                if j > i
                else "same"
                if j == i
                else "down"
            )
            add(movement.category_key(name), ALL, ALL, ALL)
            add(movement.move_key(i, j), ALL, ALL, ALL)
            if i:
                add(movement.OUT_KEY, ALL, ALL, ALL)
            if j:
                add(movement.INTO_KEY, ALL, ALL, ALL)
            if i == 6:
                add(movement.from_top_key(), ALL, ALL, ALL)
            if j == 6:
                add(movement.to_top_key(), ALL, ALL, ALL)
            if name in ("up", "same", "down"):
                add(movement.category_key(name), completed[k], ALL, ALL)
                add(movement.category_key(name), ALL, area, ALL)
                add(movement.category_key(name), ALL, ALL, age)
    return counts


def _population(municipality):
    for postcode, name in (("5000", "Odense C"), ("5200", "Odense V")):
        PopulationFigure.objects.create(
            municipality=municipality,
            postcode=postcode,
            area_name=name,
            age_band="30-49",
            count=5000,
        )


def _cell(municipality, source, period=ALL, area=ALL, age=ALL):
    return Rollup.objects.get(
        municipality=municipality,
        source=source,
        period=period,
        area=area,
        age_band=age,
        theme=ALL,
    ).count


def test_every_published_move_is_the_true_count_and_small_ones_are_hidden(
    municipality,
):
    _population(municipality)
    truth = _organic(municipality)
    refresh(municipality, now=NOW)
    true = _true_moves(truth)
    stored = {
        (r.source, r.period, r.area, r.age_band): r.count
        for r in Rollup.objects.filter(
            municipality=municipality, source__in=movement.keys()
        )
    }
    assert stored, "the movement was computed"
    shown = 0
    for key, count in stored.items():
        expected = true.get(key, 0)
        if 0 < expected < 5:
            assert count is None, f"{key}: {expected} people shown"
        elif count is not None:
            assert count == expected, key
            shown += count > 0
    # Most of it is shown: a realistic municipality is not one big secret.
    assert shown > len(true) / 2
    # The people active agree with the levels, quarter by quarter.
    for k, period in enumerate(PERIODS):
        active = sum(1 for _a, _g, levels in truth if levels[k])
        assert _cell(municipality, "ladder.any", period) in (None, active)


def test_a_hidden_move_is_not_a_total_minus_the_other_moves(municipality):
    """Over the window the moves out of the quarters before each change are
    up + same + down + stopped, and each of up, same and down is the sum of
    its quarters: where one of a sum is hidden, so is another of it."""
    _population(municipality)
    _organic(municipality, n=90, seed=5)
    refresh(municipality, now=NOW)
    changes = PERIODS[1:-1]

    def hidden(total, parts):
        return [p for p in parts if p is None] + [None] * (total is None)

    window = {
        c: _cell(municipality, movement.category_key(c)) for c in movement.CATEGORIES
    }
    out = _cell(municipality, movement.OUT_KEY)
    assert len(hidden(out, [window[c] for c in movement.OUT_OF])) != 1
    into = _cell(municipality, movement.INTO_KEY)
    assert len(hidden(into, [window[c] for c in movement.INTO])) != 1
    for c in movement.BOTH:
        key = movement.category_key(c)
        quarters = [_cell(municipality, key, p) for p in changes]
        assert len(hidden(window[c], quarters)) != 1, (c, window[c], quarters)


@pytest.fixture
def moving(municipality):
    _population(municipality)
    _organic(municipality)
    refresh(municipality, now=NOW)
    return municipality


def test_the_dashboards_show_the_movement_with_a_chart_and_its_table(
    client, moving, employee
):
    up = movement.category_key("up")
    for url in (URL, URL + "intern/"):
        if url.endswith("intern/"):
            client.force_login(employee)
        response = client.get(url)
        page = response.content.decode()
        assert 'id="insight-movement"' in page
        assert 'id="chart-movement-t"' in page  # the SVG's title
        view = response.context["board"].movement
        assert [p for p, _label in view.changes] == PERIODS[1:-1]
        series = dict(view.series)
        assert series["Rykket op"] == [_cell(moving, up, p) for p in PERIODS[1:-1]]
        assert any(series["Rykket op"])
        assert "Fra ↓ til →" in page and "Trin 6: Aktiv i kommunens ledelse" in page
        assert view.matrix[4][5] == _cell(moving, movement.move_key(4, 5))
        assert view.matrix[0][0] is True


def test_a_quarter_shows_its_own_moves(client, moving):
    view = client.get(URL, {"periode": "2026K3"}).context["board"].movement
    assert dict(view.focus) == {
        label: _cell(moving, movement.category_key(c), "2026K3")
        for c, label in zip(
            movement.BOTH, ["Rykket op", "Samme trin", "Rykket ned"], strict=True
        )
    }
    assert view.focus_label == "Fra 2. kvartal 2026 til 3. kvartal 2026"
    # No moves into the first quarter of the window, nor the running one.
    for period in ("2025K1", "2026K4"):
        view = client.get(URL, {"periode": period}).context["board"].movement
        assert not view.focus and "afsluttet kvartal" in view.note


def test_by_area_and_by_age_band_over_the_window(client, moving):
    response = client.get(URL, {"omraade": "5000"})
    view = response.context["board"].movement
    assert view.group_label == "5000 Odense C"
    assert dict(view.window) == {
        "Rykket op": _cell(moving, movement.category_key("up"), ALL, "5000"),
        "Samme trin": _cell(moving, movement.category_key("same"), ALL, "5000"),
        "Rykket ned": _cell(moving, movement.category_key("down"), ALL, "5000"),
    }
    assert not view.series and not view.matrix
    assert 'id="chart-movement-window-t"' in response.content.decode()
    view = client.get(URL, {"alder": "65+"}).context["board"].movement
    assert dict(view.window)["Samme trin"] == _cell(
        moving, movement.category_key("same"), ALL, ALL, "65+"
    )


def test_no_movement_by_theme_or_by_area_and_age_together(client, moving):
    view = client.get(URL, {"tema": "-"}).context["board"].movement
    assert "tema" in view.note and not view.window
    view = (
        client.get(URL, {"omraade": "5000", "alder": "30-49"}).context["board"].movement
    )
    assert "begge sammen" in view.note and not view.window


def test_the_dashboard_with_movement_stays_within_a_few_queries(
    client, moving, django_assert_max_num_queries
):
    for query in ({}, {"periode": "2026K3"}, {"omraade": "5000"}):
        with django_assert_max_num_queries(8):
            assert client.get(URL, query).status_code == 200


def test_another_municipalitys_movement_is_not_shown(
    client, municipality, other_municipality
):
    _people(other_municipality, 20, {"2026K2": 4, "2026K3": 5})
    refresh(other_municipality, now=NOW)
    refresh(municipality, now=NOW)
    view = dashboard(municipality=municipality, f=InsightFilter()).movement
    assert not view.changes and not any(n for row in view.matrix for n in row[1:])
    theirs = dashboard(municipality=other_municipality, f=InsightFilter()).movement
    assert dict(theirs.series)["Rykket op"][-1] == 20
    assert client.get("/faxe/indsigt/").context["board"].movement.matrix[4][5] == 20
