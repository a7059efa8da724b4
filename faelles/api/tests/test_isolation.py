"""Isolation between municipalities: another municipality's object is a 404
on every address that takes an id, exactly as an object that does not exist."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

CHILD_PARENT = {"BudgetProject": "BudgetRound", "Recommendation": "TaskCommittee"}


@override_settings(FAELLES_API_ANONYMOUS_RATE=100_000)
def test_every_address_with_an_id_is_404_for_another_municipalitys_object(
    client, world
):
    mine, theirs = world
    document = client.get("/api/v1/openapi.json").json()
    checked = []
    for path, item in document["paths"].items():
        if "{id}" not in path:
            continue
        name = item["get"]["operationId"].rsplit("_", 1)[0]
        kind = CHILD_PARENT.get(name, name)
        for pk in theirs.public[kind]:
            own = path.replace("{slug}", theirs.municipality.slug).replace(
                "{id}", str(pk)
            )
            assert client.get(own).status_code == 200, own
            foreign = path.replace("{slug}", mine.municipality.slug).replace(
                "{id}", str(pk)
            )
            response = client.get(foreign)
            assert response.status_code == 404, foreign
            assert response.json() == {"detail": "Findes ikke."}
            checked.append(foreign)
    assert len({p.rsplit("/", 2)[0] for p in checked}) >= 10


def test_impossible_ids_are_404(client, municipality):
    for pk in ("0", "-1", "9223372036854775808", "1e3", "abc"):
        url = f"/api/v1/kommuner/{municipality.slug}/initiativer/{pk}/"
        assert client.get(url).status_code == 404, pk
