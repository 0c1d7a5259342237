"""No search string reaches PostgreSQL in a form it cannot parse: every search route answers."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HOSTILE = ["-" * 33, "- " * 33, "-(" * 33, "-" * 200 + "vigil", '"' * 99, "or " * 80]


@pytest.mark.parametrize("q", HOSTILE)
@pytest.mark.parametrize("route", ["statements:search", "statements:list", "statements:tag"])
def test_hostile_searches_answer_200_on_every_search_route(client, demo, route, q):
    url = reverse(route, args=["policing"]) if route == "statements:tag" else reverse(route)

    response = client.get(url, {"q": q})

    assert response.status_code == 200
