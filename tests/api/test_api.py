"""The read-only JSON API: public data, the site's filters, keyset pages, clear errors."""

import pytest

from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    return response, (
        response.json() if response["Content-Type"].startswith("application/json") else None
    )


def test_the_api_root_names_every_resource(client, demo):
    response, data = get(client, "/api/")
    assert response.status_code == 200
    assert set(data) >= {"people", "statements", "claims", "events", "corrections", "stances"}


def test_statements_list_published_ones_newest_first_with_the_sites_fields(client, demo):
    response, data = get(client, "/api/statements/", page_size=3)
    assert response.status_code == 200
    first = data["results"][0]
    assert first["speaker"]["slug"] == "kit-malthouse"
    assert first["role"]["label"] == "policing minister"
    assert first["source"]["outlet"]["name"]
    assert first["url"].endswith(f"/statements/{first['id']}/")
    assert data["next"] and "after=" in data["next"] and data["previous"] is None
    assert len(data["results"]) == 3
    second, more = get(client, data["next"])
    assert {r["id"] for r in more["results"]}.isdisjoint({r["id"] for r in data["results"]})
    assert more["previous"]


def test_statements_take_the_sites_filters_and_search(client, demo):
    _, data = get(client, "/api/statements/", tag="pandemic")
    assert [r["text"][:20] for r in data["results"]] == ["Throughout this pand"]
    _, data = get(client, "/api/statements/", q="pandemic", sort="relevance")
    assert data["results"] and "pandemic" in data["results"][0]["text"].lower()
    _, data = get(client, "/api/statements/", kind="reported")
    assert {r["kind"] for r in data["results"]} == {"reported"}


@pytest.mark.parametrize(
    "params",
    [{"speaker": "nobody-at-all"}, {"said_from": "not-a-date"}, {"kind": "shouted"}],
)
def test_a_bad_filter_is_a_400_that_says_which(client, demo, params):
    response, data = get(client, "/api/statements/", **params)
    assert response.status_code == 400
    assert set(data) == set(params)


def test_a_garbled_cursor_is_a_404_with_a_reason(client, demo):
    response, data = get(client, "/api/statements/", after="garbage")
    assert response.status_code == 404 and "cursor" in data["detail"]


def test_a_statement_by_its_id_as_the_permalink_has_it(client, demo):
    statement = Statement.objects.published().first()
    response, data = get(client, f"/api/statements/{statement.pk}/")
    assert response.status_code == 200
    assert data["text"] == statement.text and data["notice"] is None
    assert "reported_in" in data
    for bad in ("0", "99999999999999999999999", "abc"):
        assert client.get(f"/api/statements/{bad}/").status_code == 404


def test_a_withheld_statement_answers_with_its_notice_and_without_its_words(client, reviewer):
    statement = factories.statement(text="Words snarkleflop.", context="Context snarkleflop")
    statement.move("withhold", by=reviewer, reason="Injunction.")
    response, data = get(client, f"/api/statements/{statement.pk}/")
    assert response.status_code == 200
    assert data["text"] is None and data["context"] is None and data["source"] is None
    assert data["notice"]["kind"] == "withheld" and "legal reasons" in data["notice"]["text"]
    assert "snarkleflop" not in response.content.decode()
    assert "Injunction" not in response.content.decode()


def test_a_retracted_statement_answers_with_its_notice_and_reason(client, reviewer):
    statement = factories.statement()
    statement.move("retract", by=reviewer, reason="Misattributed.")
    _, data = get(client, f"/api/statements/{statement.pk}/")
    assert data["notice"] == {
        "kind": "retracted",
        "date": data["notice"]["date"],
        "text": "This statement has been retracted.",
        "reason": "Misattributed.",
    }
    _, listed = get(client, "/api/statements/")
    assert statement.pk not in {r["id"] for r in listed["results"]}


def test_drafts_are_nowhere(client, demo):
    draft = factories.statement(status=Statement.Status.DRAFT, text="Draft glimmerwort.")
    assert client.get(f"/api/statements/{draft.pk}/").status_code == 404
    assert "glimmerwort" not in client.get("/api/statements/", {"page_size": 100}).content.decode()


def test_people_with_other_names_roles_and_links(client, demo):
    _, data = get(client, "/api/people/kit-malthouse/")
    assert data["name"] == "Kit Malthouse"
    assert "Mr Malthouse" in {n["name"] for n in data["other_names"]}
    assert data["roles"][0]["organization"]["name"]
    assert data["url"].endswith("/people/kit-malthouse/")


def test_claims_with_verdicts_and_filters(client, demo):
    _, data = get(client, "/api/claims/")
    assert data["results"] and all(r["verdict"]["rating"] for r in data["results"])
    slug = data["results"][0]["slug"]
    _, claim = get(client, f"/api/claims/{slug}/")
    assert claim["slug"] == slug and "earlier_verdicts" in claim
    response, _ = get(client, "/api/claims/", verdict="not-a-rating")
    assert response.status_code == 400


def test_corrections_and_stances(client, demo):
    _, corrections = get(client, "/api/corrections/")
    assert len(corrections["results"]) == 1 and corrections["results"][0]["kind"] == "correction"
    _, stances = get(client, "/api/stances/", proposition="should-cressida-dick-resign")
    assert stances["results"][0]["position"] == "opposes"
    response, data = get(client, "/api/stances/", proposition="no-such-question")
    assert response.status_code == 400


def test_cors_lets_any_site_read_the_api_but_not_the_pages(client, demo):
    api = client.get("/api/statements/", HTTP_ORIGIN="https://newsroom.example")
    assert api["Access-Control-Allow-Origin"] == "*"
    page = client.get("/statements/", HTTP_ORIGIN="https://newsroom.example")
    assert "Access-Control-Allow-Origin" not in page


def test_the_api_is_read_only(client, demo):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/statements/", {}, content_type="application/json")
        assert response.status_code == 405, method


def test_anonymous_clients_are_throttled_with_retry_after(client, demo, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    # The rate is read when the class is defined; the configured one is API_ANON_RATE.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    codes = [client.get("/api/people/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/people/")
    assert int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()


def test_the_schema_and_its_docs_are_served_from_the_site(client, demo):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs and "cdn" not in docs.lower() and "unpkg" not in docs


def test_a_list_item_is_what_the_full_serializer_says(rf, demo):
    """The list's direct build of a statement (for speed) agrees with DRF's serializers."""
    from rest_framework.request import Request

    from api.serializers import StatementSerializer

    request = Request(rf.get("/api/statements/"))
    for statement in Statement.objects.published().with_related():
        fast = StatementSerializer(statement, context={"request": request}).data
        full = super(StatementSerializer, StatementSerializer(context={"request": request}))
        assert fast == full.to_representation(statement), statement.pk


def test_the_schema_documents_the_errors_and_a_withheld_statements_nulls(client):
    """Found by tests/fuzz (schemathesis): answers the schema did not describe."""
    import yaml

    schema = yaml.safe_load(client.get("/api/schema/").content)
    statements = schema["paths"]["/api/statements/"]["get"]["responses"]
    assert {"200", "400", "404", "429"} <= set(statements)
    assert {"200", "404", "429"} <= set(schema["paths"]["/api/people/{slug}/"]["get"]["responses"])
    detail = schema["components"]["schemas"]["StatementDetail"]["properties"]
    assert detail["text"]["nullable"] and detail["context"]["nullable"]


def test_an_address_the_api_does_not_route_is_its_json_404_and_a_page_stays_a_page(client):
    """Found by tests/fuzz: `/api/stances/1.5/` was the site's HTML 404 page."""
    for url in ("/api/stances/1.5/", "/api/nothing-here/"):
        response, data = get(client, url)
        assert response.status_code == 404 and data == {"detail": "Not found."}, url
    page = client.get("/people/nobody-at-all/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "url",
    [
        "/api/stances/?proposition=%00",
        "/api/people/?after=Kit%00_1",
        "/api/stances/?proposition=a/b",
    ],
)
def test_a_nul_or_a_non_slug_in_a_filter_or_cursor_is_a_client_error(client, demo, url):
    """Found by tests/fuzz on PostgreSQL, which refuses a NUL in a query (each was a 500)."""
    assert client.get(url).status_code in (400, 404)
