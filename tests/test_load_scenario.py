"""The load scenario (bench/load/, run by bench/bench_load.py) still fits the site.

The scenario itself is too slow for the suite (ten minutes against gunicorn and
PostgreSQL). These checks keep it honest without locust: every address it uses
resolves to the view of the same name, every URL name in the locustfile is one
of those addresses, and each write it makes — found on the real page, filled as
the scenario fills it and sent — is confirmed with the message it looks for.
"""

import ast
import importlib.util
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.communities.factories import MovementFactory
from faelles.events.factories import EventFactory
from faelles.initiatives.factories import InitiativeFactory
from faelles.resources.models import Listing

LOAD = Path(__file__).resolve().parent.parent / "bench" / "load"


def _module(name):
    spec = importlib.util.spec_from_file_location(
        f"faelles_load_{name}", LOAD / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


routes = _module("routes")
forms = _module("forms")


@pytest.mark.parametrize("name", sorted(routes.ROUTES))
def test_every_address_is_the_view_of_that_name(name):
    template = routes.ROUTES[name]
    kwargs = {}
    if "{slug}" in template:
        kwargs["municipality_slug"] = "odense"
    if "{pk}" in template:
        kwargs["pk"] = 7
    assert reverse(name, kwargs=kwargs) == routes.route(name, slug="odense", pk=7)


def test_the_locustfile_only_uses_those_addresses():
    tree = ast.parse((LOAD / "locustfile.py").read_text())
    names = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"[a-z_]+:[a-z_]+", node.value)
    }
    called = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "route"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert len(names) > 10
    assert names | called <= set(routes.ROUTES)


def test_the_locustfile_imports():
    # locust (the `bench` extra) patches the standard library with gevent when it
    # is imported, so the locustfile is imported in a process of its own.
    if importlib.util.find_spec("locust") is None:
        pytest.skip("locust is in the `bench` extra (make bench installs it)")
    path = str(LOAD / "locustfile.py")
    script = (
        f"import runpy; names = runpy.run_path({path!r}); "
        "assert {'Visitor', 'Citizen', 'Employee'} <= set(names)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def _send(client, page, action, fill):
    response = client.get(page)
    assert response.status_code == 200, page
    form = forms.find_form(response.content.decode(), action, page)
    assert form is not None, f"no form for {action} on {page}"
    assert any(name == "csrfmiddlewaretoken" for name, _ in form["fields"])
    data = fill(form)
    response = client.post(action, _as_dict(data), follow=True)
    assert response.status_code == 200
    return response.content.decode()


def _as_dict(pairs):
    data = {}
    for key, value in pairs:
        data.setdefault(key, []).append(value)
    return data


@pytest.mark.django_db
def test_each_write_of_the_scenario_is_confirmed(municipality, citizen, password):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    login = routes.route("account_login")
    page = client.get(login).content.decode()
    data = forms.fill_login(
        forms.find_form(page, login), email=citizen.email, password=password
    )
    page = client.post(login, _as_dict(data), follow=True).content.decode()
    assert forms.find_form(page, routes.route("account_logout")) is not None

    def url(name, **kwargs):
        return routes.route(name, slug="odense", **kwargs)

    event = EventFactory(municipality=municipality)
    page = _send(
        client,
        url("events:detail", pk=event.pk),
        url("events:signup", pk=event.pk),
        forms.unchanged,
    )
    assert forms.said("signup", page)

    initiative = InitiativeFactory(municipality=municipality)
    page = _send(
        client,
        url("initiatives:detail", pk=initiative.pk),
        url("initiatives:support", pk=initiative.pk),
        forms.unchanged,
    )
    assert forms.said("support", page)

    movement = MovementFactory(municipality=municipality)
    page = _send(
        client,
        url("movements:detail", pk=movement.pk),
        url("movements:pledge", pk=movement.pk),
        lambda form: forms.fill_pledge(form, amount=7),
    )
    assert forms.said("pledge", page)

    budget_round = BudgetRoundFactory(municipality=municipality, max_projects=3)
    for title in ("Legeplads", "Bænke", "Lys på stien"):
        ProjectFactory(round=budget_round, title=title, cost=10_000)
    ballot = url("budgeting:ballot", pk=budget_round.pk)
    page = _send(
        client,
        ballot,
        ballot,
        lambda form: forms.fill_vote(
            form, projects=2, birth_year=1980, postcode="5000", rng=random.Random(1)
        ),
    )
    assert forms.said("vote", page)

    need = url("resources:create_need")
    page = _send(
        client,
        need,
        need,
        lambda form: forms.fill_need(form, title="Lasttest 1", postcode="5000"),
    )
    assert forms.said("need", page)
    assert Listing.objects.filter(title="Lasttest 1").count() == 1
