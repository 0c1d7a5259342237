"""The API against its own OpenAPI schema, in-process over WSGI (schemathesis): whatever is
asked of it, no server error, and every answer is what the schema says it is (status code,
content type, headers, body), with schemathesis' other default checks but two (below).

The record behind it (tests/fuzz/conftest.py) has published statements, people, events,
claims, stances and corrections, and the generated slugs and ids are swapped for real ones
half the time, so answers are not all empty lists and 404s.
"""

import json

import pytest
import schemathesis
import yaml
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import strategies as st

from claims.models import Claim, Proposition, Stance
from events.models import Event
from people.models import Organization, Person
from statements.models import Correction, Source, Statement

from .conftest import FUZZ

pytestmark = pytest.mark.django_db

# Each path parameter's real values: the rows the API lists.
REAL_KEYS = {
    "/api/people/{slug}/": lambda: Person.objects.values_list("slug", flat=True),
    "/api/organizations/{slug}/": lambda: Organization.objects.values_list("slug", flat=True),
    "/api/events/{slug}/": lambda: Event.objects.values_list("slug", flat=True),
    "/api/claims/{slug}/": lambda: Claim.objects.values_list("slug", flat=True),
    "/api/propositions/{slug}/": lambda: Proposition.objects.values_list("slug", flat=True),
    "/api/sources/{id}/": lambda: Source.objects.values_list("pk", flat=True),
    "/api/statements/{id}/": lambda: Statement.objects.values_list("pk", flat=True),
    "/api/stances/{id}/": lambda: Stance.objects.values_list("pk", flat=True),
    "/api/corrections/{id}/": lambda: Correction.objects.values_list("pk", flat=True),
}


def served_schema() -> dict:
    """The schema /api/schema/ serves, made as its view makes it (at collection, so each
    operation is a test of its own); `test_the_schema_fuzzed_is_the_one_served` checks."""
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))


schema = schemathesis.openapi.from_dict(served_schema())


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Half the time, a real slug or id in place of the generated one."""
    keys = REAL_KEYS.get(context.operation.path)
    if not keys or not path_parameters:
        return st.just(path_parameters)
    (name,) = path_parameters
    real = st.sampled_from(list(keys()))
    return st.just(path_parameters) | real.map(lambda key: {name: key})


@pytest.fixture
def app(record, settings):
    """Django's WSGI handler, as a server runs it. Django's test client keeps the test's
    database connection (and its transaction) across requests by disconnecting
    `close_old_connections` from the request signals; so does this."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]  # schemathesis' Host
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Every default check but two, each wrong here for a reason:
# - `negative_data_rejection` wants a request outside the schema refused, and the API forgives
#   on purpose what a person types into a URL: a `page_size` past 100 is 100, an unknown `sort`
#   is the default order, an unknown parameter is ignored (as on every page of the site).
# - `positive_data_acceptance` wants every request inside the schema accepted, and a filter's
#   value must name something on record: `?person=nobody-we-know` is a 400 saying so (and the
#   schema documents that 400). A schema cannot list the record's slugs.
NOT_THIS_APIS_CONTRACT = [
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.positive_data_acceptance,
]


@schema.parametrize()
@FUZZ
def test_the_api_answers_as_its_schema_says(case, app):
    case.call_and_validate(app=app, excluded_checks=NOT_THIS_APIS_CONTRACT)


def test_the_schema_fuzzed_is_the_one_served(client):
    assert yaml.safe_load(client.get("/api/schema/").content) == served_schema()


def test_every_path_of_the_schema_has_real_keys():
    """So a new resource's detail path is asked for its real rows too."""
    assert {path for path in served_schema()["paths"] if "{" in path} == set(REAL_KEYS)
