"""Whatever query string a reader, a crawler or a script sends to a public route, the site
answers with a page, a redirect, a 400 or a 404: never a server error.

Every route the URL resolver knows is tried (filled in as tests/public/test_leaks.py's EXAMPLES
says), so a new route is fuzzed by default. Each route's parameter names are read from what it
offers: the fields of its pages' GET forms (the FilterSet's and the search box's), the query
strings of its links (cursors), the API schema's parameters, plus every FilterSet's names and
the paging parameters, and names no page uses.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import django_filters
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.public.test_leaks import EXAMPLES
from tests.routes import body, public_route_names

from .conftest import FUZZ, send
from .hostile import query_strings
from .pages import offered_parameters

pytestmark = pytest.mark.django_db

# What a public GET may answer, redirects followed: 503 never, on a healthy database.
PUBLIC_ANSWERS = {200, 400, 404}
PAGING = ["after", "before", "page", "page_size", "p", "q", "sort", "format"]


def links_in_json(data: Any, found: dict[str, list[str]]) -> None:
    """The query parameters of every link in an API answer (its `next` and `previous`)."""
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            links_in_json(item, found)
    elif isinstance(data, str) and data.startswith("http") and "?" in data:
        for key, value in parse_qsl(urlsplit(data).query):
            found[key].append(value)


@cache
def schema_parameters() -> dict[str, list[str]]:
    """Each API path's query parameters, as a pattern of the path and the names."""
    from django.test import Client

    schema = yaml.safe_load(Client().get("/api/schema/").content)
    return {
        re.sub(r"\{[^}]+\}", "[^/]+", path): [
            p["name"] for op in ops.values() for p in op.get("parameters", []) if p["in"] == "query"
        ]
        for path, ops in schema["paths"].items()
    }


def every_filter_name() -> set[str]:
    """The names of every FilterSet's filters in the project."""
    names: set[str] = set()
    pending = [django_filters.FilterSet]
    while pending:
        filterset = pending.pop()
        pending += filterset.__subclasses__()
        names |= set(filterset.base_filters)
    return names


@dataclass
class Offered:
    urls: list[str]
    names: list[str]
    values: dict[str, list[str]]


@pytest.fixture
def offered(client, record, route) -> Offered:
    """The route's example URLs and the parameters they offer, read from their answers."""
    urls = EXAMPLES[route]()
    values: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        path, _, query = url.partition("?")
        for key, value in parse_qsl(query):
            values[key].append(value)
        response = client.get(url)
        content = body(response)
        if "html" in response.get("Content-Type", ""):
            for key, found in offered_parameters(content.decode()).items():
                values[key] += found
        elif "json" in response.get("Content-Type", ""):
            data = json.loads(content)
            links_in_json(data, values)
            if isinstance(data, dict) and "next" in data:  # a list: its cursors, one a row
                links_in_json(json.loads(body(client.get(f"{path}?page_size=1"))), values)
        for pattern, names in schema_parameters().items():
            if re.fullmatch(pattern, path):
                for name in names:
                    values[name]  # noqa: B018 (named, with no value offered)
    names = sorted(set(values) | every_filter_name() | set(PAGING))
    return Offered(urls, names, {key: sorted(set(found)) for key, found in values.items()})


@pytest.mark.parametrize("route", public_route_names())
@FUZZ
@given(data=st.data())
def test_a_hostile_query_string_is_answered_without_a_server_error(client, offered, data):
    url = data.draw(st.sampled_from(offered.urls), label="url")
    query = data.draw(query_strings(offered.names, offered.values), label="query")
    send(client, "GET", f"{url}{'&' if '?' in url else '?'}{query}", acceptable=PUBLIC_ANSWERS)


def test_the_offered_parameters_are_read_from_the_pages(client, record):
    """The fixture finds a list's filters and cursors, so the fuzzing aims at them."""
    offered = offered_parameters(client.get("/statements/").content.decode())
    assert {"said_from", "speaker", "tag", "kind", "q", "sort"} <= set(offered)
    assert "kit-malthouse" in offered["speaker"]
    assert {"said_from", "verdict", "person"} <= every_filter_name()
