"""Download these results: the page's filters, every match, streamed, safe in a spreadsheet."""

import csv
import io
import json

import pytest

from statements.models import Statement
from tests import factories
from tests.routes import body

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[dict]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")  # a spreadsheet reads it as UTF-8
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_statements_export_is_every_published_statement_newest_first(client, demo):
    response = client.get("/statements/export.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="on-record-statements-')
    rows = read_csv(response)
    assert len(rows) == Statement.objects.published().count() == 7
    assert {row["speaker"] for row in rows} == {"Kit Malthouse"}
    assert rows[0]["role"] == "policing minister" and rows[0]["url"].startswith("http")
    assert "\n" in next(row["text"] for row in rows if row["kind"] == "direct")  # paragraphs kept


def test_the_export_takes_the_pages_filters_search_and_order(client, demo):
    rows = read_csv(client.get("/statements/export.csv", {"tag": "pandemic"}))
    assert [row["tags"] for row in rows] == ["pandemic; policing"]
    searched = json.loads(body(client.get("/statements/export.json", {"q": "pandemic"})))
    assert searched and all("pandemic" in row["text"].lower() for row in searched)
    oldest = json.loads(body(client.get("/statements/export.json", {"sort": "oldest"})))
    newest = json.loads(body(client.get("/statements/export.json")))
    assert [r["id"] for r in oldest] == [r["id"] for r in reversed(newest)]


def test_a_person_page_and_the_claims_list_export_too(client, demo):
    person = read_csv(client.get("/people/kit-malthouse/export.csv"))
    assert len(person) == 7
    claims = json.loads(body(client.get("/claims/export.json")))
    assert claims and all(row["verdict"] for row in claims)
    assert client.get("/people/nobody-at-all/export.csv").status_code == 404
    assert client.get("/statements/export.xlsx").status_code == 404


def test_cells_a_spreadsheet_would_run_are_written_as_text(client):
    for text in ('=HYPERLINK("https://evil.example")', "+1 cost", "-2 too", "@SUM(A1)"):
        factories.statement(text=text)
    rows = read_csv(client.get("/statements/export.csv"))
    assert sorted(row["text"] for row in rows) == [
        "'+1 cost",
        "'-2 too",
        '\'=HYPERLINK("https://evil.example")',
        "'@SUM(A1)",
    ]
    # JSON is data, not a spreadsheet: the words as they are.
    raw = {row["text"] for row in json.loads(body(client.get("/statements/export.json")))}
    assert '=HYPERLINK("https://evil.example")' in raw


def test_the_pages_offer_the_download_with_their_filters(client, demo):
    page = client.get("/statements/", {"tag": "policing"}).content
    assert b'href="/statements/export.csv?tag=policing"' in page
    person = client.get("/people/kit-malthouse/").content
    assert b'href="/people/kit-malthouse/export.json"' in person
    tag = client.get("/tags/policing/").content
    assert b'href="/statements/export.csv?tag=policing"' in tag
    claims = client.get("/claims/").content
    assert b'href="/claims/export.csv"' in claims
    event = client.get("/events/clapham-common-vigil/").content
    assert b'href="/statements/export.csv?event=clapham-common-vigil"' in event


def test_the_download_drops_the_pages_cursor_and_keeps_its_filters(rf):
    from django.template import Context, Template

    request = rf.get("/statements/", {"tag": "policing", "after": "2021-03-14_3", "before": "x"})
    html = Template('{% load on_record %}{% download_links "statements:export" %}').render(
        Context({"request": request})
    )
    assert 'href="/statements/export.csv?tag=policing"' in html
    assert 'href="/statements/export.json?tag=policing"' in html
