"""schemathesis over the open API's own OpenAPI document: for every operation it
generates path and query parameters from the schema (and, in its negative phase,
values the schema does not allow), calls the app in process, and checks every
answer — no server error, a status the operation declares, a content type and a
body that conform to the schema, headers as declared.

The world of the other API tests (two municipalities full of public and hidden
rows, conftest.py) is in the database while it runs, so the generated ids hit
real objects as well as missing ones."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from faelles.api.openapi import openapi_document

schema = schemathesis.openapi.from_dict(openapi_document())
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def _one_connection():
    """The app runs in this process and thread: like Django's test client, keep
    the request signals from closing the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_answers_as_its_schema_says(case, world):
    case.call_and_validate()
