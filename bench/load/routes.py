"""The addresses the load scenario uses, by Django URL name.

Kept apart from locustfile.py (which needs locust, a `bench` extra) so that the
test suite can check without locust that every address still resolves to the
same view (tests/test_load_scenario.py reverses each name and compares).
Tenant addresses take ``slug``; object addresses ``pk``.
"""

ROUTES: dict[str, str] = {
    "home": "/",
    "healthz": "/healthz",
    "account_login": "/accounts/login/",
    "account_logout": "/accounts/logout/",
    "municipalities:home": "/{slug}/",
    "initiatives:list": "/{slug}/initiativer/",
    "initiatives:detail": "/{slug}/initiativer/{pk}/",
    "initiatives:support": "/{slug}/initiativer/{pk}/stoet/",
    "initiatives:worklist": "/{slug}/initiativer/mine-opgaver/",
    "events:list": "/{slug}/arrangementer/",
    "events:detail": "/{slug}/arrangementer/{pk}/",
    "events:signup": "/{slug}/arrangementer/{pk}/tilmeld/",
    "communities:list": "/{slug}/faellesskaber/",
    "communities:detail": "/{slug}/faellesskaber/{pk}/",
    "movements:list": "/{slug}/bevaegelser/",
    "movements:detail": "/{slug}/bevaegelser/{pk}/",
    "movements:pledge": "/{slug}/bevaegelser/{pk}/loefte/",
    "budgeting:list": "/{slug}/borgerbudget/",
    "budgeting:detail": "/{slug}/borgerbudget/{pk}/",
    "budgeting:ballot": "/{slug}/borgerbudget/{pk}/stem/",
    "resources:list": "/{slug}/ressourcer/",
    "resources:detail": "/{slug}/ressourcer/{pk}/",
    "resources:create_need": "/{slug}/ressourcer/opret/behov/",
    "resources:queue": "/{slug}/ressourcer/formidling/",
}


def route(name: str, **kwargs: object) -> str:
    return ROUTES[name].format(**kwargs)
