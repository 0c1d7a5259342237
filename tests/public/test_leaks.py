"""Nothing unpublished reaches a public page: checked on every route the URL resolver knows.

The routes are read from the resolver, so a new public route fails `test_every_route_has_an_
example` until someone says here how to fill it in, and from then on it is leak-tested too.
"""

import pytest
from django.urls import reverse

from claims.models import Stance
from people.models import Organization
from statements.models import Correction, Statement
from tests.routes import body, public_route_names

from .conftest import (
    DRAFT_CLAIM_TEXT,
    DRAFT_TEXT,
    IN_REVIEW_TEXT,
    PROPOSED_FINDING,
    RETRACTED_TEXT,
    UNRATED_CLAIM_TEXT,
    WITHHELD_TOKENS,
)

DEMO_CLAIM = "police-and-public-managed-the-pandemic-well"

pytestmark = pytest.mark.django_db


def demo_statement_id() -> int:
    return Statement.objects.published().order_by("pk").first().pk


def first_pk(model, **where) -> int:
    return model.objects.filter(**where).order_by("pk").values_list("pk", flat=True)[0]


# The API's routes (api/urls.py), filled in like the pages'; every list also at its largest page.
API_EXAMPLES = {
    "api:api-root": lambda: ["/api/"],
    "api:schema": lambda: ["/api/schema/"],
    "api:docs": lambda: ["/api/docs/"],
    "api:popolo": lambda: ["/api/popolo.json"],
    "api:person-list": lambda: ["/api/people/?page_size=100"],
    "api:person-detail": lambda: ["/api/people/kit-malthouse/"],
    "api:organization-list": lambda: ["/api/organizations/?page_size=100"],
    "api:organization-detail": lambda: [f"/api/organizations/{Organization.objects.first().slug}/"],
    "api:source-list": lambda: ["/api/sources/?page_size=100"],
    "api:source-detail": lambda: [
        f"/api/sources/{Statement.objects.published().first().source_id}/"
    ],
    "api:event-list": lambda: ["/api/events/?page_size=100"],
    "api:event-detail": lambda: ["/api/events/clapham-common-vigil/"],
    "api:statement-list": lambda: [
        "/api/statements/?page_size=100",
        "/api/statements/?q=zebracorn+or+quokkafish+or+griffonel+or+mantichorax&page_size=100",
        "/api/statements/?tag=policing&speaker=kit-malthouse&sort=oldest&page_size=100",
        "/api/statements/?event=clapham-common-vigil&kind=direct&page_size=100",
    ],
    "api:statement-detail": lambda: [
        f"/api/statements/{demo_statement_id()}/",
        *(
            f"/api/statements/{pk}/"
            for pk in Statement.objects.filter(status="withheld").values_list("pk", flat=True)
        ),
    ],
    "api:claim-list": lambda: ["/api/claims/?page_size=100", "/api/claims/?person=kit-malthouse"],
    "api:claim-detail": lambda: [f"/api/claims/{DEMO_CLAIM}/"],
    "api:proposition-list": lambda: ["/api/propositions/"],
    "api:proposition-detail": lambda: ["/api/propositions/should-cressida-dick-resign/"],
    "api:stance-list": lambda: [
        "/api/stances/?page_size=100",
        "/api/stances/?proposition=should-cressida-dick-resign&page_size=100",
    ],
    "api:stance-detail": lambda: [
        f"/api/stances/{first_pk(Stance, statement__status='published')}/"
    ],
    "api:correction-list": lambda: ["/api/corrections/?page_size=100"],
    "api:correction-detail": lambda: [f"/api/corrections/{first_pk(Correction)}/"],
}


# How to fill each route in with the demo's slugs and ids, plus query strings worth trying
# (a search that would match both unpublished texts, filters that would include them).
EXAMPLES = {
    "statements:home": lambda: [reverse("statements:home")],
    "statements:list": lambda: [
        reverse("statements:list"),
        reverse("statements:list") + "?q=zebracorn+or+quokkafish",
        reverse("statements:list") + "?tag=policing&speaker=kit-malthouse&sort=oldest",
        reverse("statements:list") + "?event=clapham-common-vigil&kind=direct",
    ],
    "statements:detail": lambda: [
        reverse("statements:detail", args=[demo_statement_id()]),
        *(
            statement.get_absolute_url()
            for statement in Statement.objects.filter(status="withheld")
        ),
    ],
    "statements:search": lambda: [
        reverse("statements:search") + "?q=zebracorn",
        reverse("statements:search") + "?q=quokkafish",
        reverse("statements:search") + "?q=Malthouse&tag=policing",
    ],
    "statements:tag": lambda: [reverse("statements:tag", args=["policing"])],
    "statements:export": lambda: [
        "/statements/export.csv",
        "/statements/export.json?q=zebracorn+or+quokkafish+or+griffonel+or+mantichorax",
        "/statements/export.json?tag=policing&sort=oldest",
    ],
    "people:export": lambda: [
        "/people/kit-malthouse/export.csv",
        "/people/kit-malthouse/export.json?tag=policing",
    ],
    "claims:export": lambda: ["/claims/export.csv", "/claims/export.json?person=kit-malthouse"],
    "statements:corrections": lambda: [
        reverse("statements:corrections"),
        reverse("statements:corrections") + "?after=2999-01-01T00:00:00+00:00_1",
    ],
    "statements:corrections-rss": lambda: [reverse("statements:corrections-rss")],
    "statements:corrections-atom": lambda: [reverse("statements:corrections-atom")],
    "statements:feed-rss": lambda: [reverse("statements:feed-rss")],
    "statements:feed-atom": lambda: [reverse("statements:feed-atom")],
    "statements:person-feed-rss": lambda: [
        reverse("statements:person-feed-rss", args=["kit-malthouse"])
    ],
    "statements:person-feed-atom": lambda: [
        reverse("statements:person-feed-atom", args=["kit-malthouse"])
    ],
    "statements:event-feed-rss": lambda: [
        reverse("statements:event-feed-rss", args=["clapham-common-vigil"])
    ],
    "statements:event-feed-atom": lambda: [
        reverse("statements:event-feed-atom", args=["clapham-common-vigil"])
    ],
    "statements:tag-feed-rss": lambda: [reverse("statements:tag-feed-rss", args=["policing"])],
    "statements:tag-feed-atom": lambda: [reverse("statements:tag-feed-atom", args=["policing"])],
    "people:list": lambda: [reverse("people:list"), reverse("people:list") + "?q=Malthouse"],
    "people:detail": lambda: [
        reverse("people:detail", args=["kit-malthouse"]),
        reverse("people:detail", args=["kit-malthouse"]) + "?tag=policing",
    ],
    "events:list": lambda: [reverse("events:list")],
    "events:detail": lambda: [
        reverse("events:detail", args=["clapham-common-vigil"]),
        reverse("events:detail", args=["clapham-common-vigil"]) + "?speaker=kit-malthouse",
    ],
    "sitemap": lambda: [reverse("sitemap")],
    "django.contrib.sitemaps.views.sitemap": lambda: [
        reverse("django.contrib.sitemaps.views.sitemap", args=[section])
        for section in ("pages", "statements", "people", "events", "tags", "claims", "positions")
    ],
    "claims:list": lambda: [
        reverse("claims:list"),
        reverse("claims:list") + "?verdict=false",
        reverse("claims:list") + "?person=kit-malthouse&tag=policing",
    ],
    "claims:detail": lambda: [reverse("claims:detail", args=[DEMO_CLAIM])],
    "claims:feed-rss": lambda: [reverse("claims:feed-rss")],
    "claims:feed-atom": lambda: [reverse("claims:feed-atom")],
    "claims:person-feed-rss": lambda: [reverse("claims:person-feed-rss", args=["kit-malthouse"])],
    "claims:person-feed-atom": lambda: [reverse("claims:person-feed-atom", args=["kit-malthouse"])],
    "claims:positions": lambda: [reverse("claims:positions")],
    "claims:position": lambda: [reverse("claims:position", args=["should-cressida-dick-resign"])],
    "robots": lambda: [reverse("robots")],
    "healthz": lambda: [reverse("healthz")],
    **API_EXAMPLES,
}


def test_every_api_endpoint_in_the_schema_has_an_example(client, unpublished):
    """The schema's paths, each matched by an example (so a new endpoint is leak-tested)."""
    import re

    import yaml

    schema = yaml.safe_load(client.get("/api/schema/").content)
    examples = [url.split("?")[0] for name, urls in API_EXAMPLES.items() for url in urls()]
    for path in schema["paths"]:
        pattern = re.sub(r"\{[^}]+\}", "[^/]+", path)  # "/api/people/{slug}/"
        assert any(re.fullmatch(pattern, url) for url in examples), path


def test_every_route_has_an_example():
    assert public_route_names() == sorted(EXAMPLES), (
        "Add the new route to EXAMPLES so it is leak-tested."
    )


@pytest.mark.parametrize("route", public_route_names())
def test_unpublished_statements_appear_on_no_public_page(client, unpublished, route):
    retracted_url = unpublished["retracted"].get_absolute_url()
    draft_url = unpublished["draft"].get_absolute_url()
    in_review_url = unpublished["in_review"].get_absolute_url()
    withheld_url = unpublished["withheld"].get_absolute_url()
    for url in EXAMPLES[route]():
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        page = body(response).decode()
        assert "secret-draft-tag" not in page, url
        assert DRAFT_TEXT not in page and draft_url not in page, url
        assert IN_REVIEW_TEXT not in page and in_review_url not in page, url
        assert RETRACTED_TEXT not in page and retracted_url not in page, url
        for token in WITHHELD_TOKENS:
            assert token not in page, (url, token)
        # Its own page and resource name it (cite this, `url`); nothing else does.
        if url not in (withheld_url, f"/api/statements/{unpublished['withheld'].pk}/"):
            assert withheld_url not in page, url
        assert DRAFT_CLAIM_TEXT not in page and "draft-claim" not in page, url
        assert UNRATED_CLAIM_TEXT not in page and "unrated-claim" not in page, url
        assert PROPOSED_FINDING not in page, url


def test_a_retracted_statement_keeps_its_permalink_with_notice_and_noindex(client, unpublished):
    response = client.get(unpublished["retracted"].get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert RETRACTED_TEXT in page
    assert "This statement has been retracted" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "application/ld+json" not in page and DRAFT_TEXT not in page


def test_a_draft_is_not_found_for_the_public(client, unpublished):
    assert client.get(unpublished["draft"].get_absolute_url()).status_code == 404
    assert client.get(unpublished["in_review"].get_absolute_url()).status_code == 404


def test_a_withheld_statement_keeps_its_permalink_with_a_notice_and_no_words(client, unpublished):
    response = client.get(unpublished["withheld"].get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "This statement has been withheld for legal reasons on" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "application/ld+json" not in page and 'property="og:' not in page
    assert "Kit Malthouse" in page  # who and when stay, so the link still makes sense
    assert "contempt of court" not in page  # the legal advice is the newsroom's


def test_staff_still_see_a_withheld_statement_and_its_history(admin_client, unpublished):
    from .conftest import WITHHELD_EARLIER_TEXT, WITHHELD_TEXT

    withheld = unpublished["withheld"]
    change = admin_client.get(reverse("admin:statements_statement_change", args=[withheld.pk]))
    assert WITHHELD_TEXT in change.content.decode()
    history = admin_client.get(reverse("admin:statements_statement_history", args=[withheld.pk]))
    page = history.content.decode()
    assert "leviathor" in page and "mantichorax" in page
    assert WITHHELD_EARLIER_TEXT.split()[1] in page


def test_staff_preview_a_draft_marked_as_such(editor_client, unpublished):
    response = editor_client.get(unpublished["draft"].get_absolute_url())
    assert response.status_code == 200
    assert DRAFT_TEXT in response.content.decode()
    assert "Only staff can see this page" in response.content.decode()


def test_draft_and_unrated_claims_are_not_found_for_the_public(client, unpublished):
    for slug in ("draft-claim", "unrated-claim"):
        assert client.get(reverse("claims:detail", args=[slug])).status_code == 404


def test_unpublished_stances_are_not_counted(client, unpublished):
    page = client.get(reverse("claims:positions")).content.decode()
    assert "0 support · 1 oppose" in page


def test_unpublished_statements_are_not_counted(client, unpublished):
    person_page = client.get(reverse("people:list")).content.decode()
    assert "7 statements" in person_page  # the demo's seven published ones, not eleven


def test_a_tag_only_unpublished_statements_carry_is_not_found(client, unpublished):
    assert client.get(reverse("statements:tag", args=["secret-draft-tag"])).status_code == 404
    feed = reverse("statements:tag-feed-rss", args=["secret-draft-tag"])
    assert client.get(feed).status_code == 404
