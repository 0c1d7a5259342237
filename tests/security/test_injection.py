"""Every public page, feed, sitemap and JSON-LD block, filled with hostile records, carries no
live markup and no link that is not http(s). Routes are read from the URL resolver, so a new
route fails `test_every_route_has_a_hostile_example` until it is covered here."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimCorrection, ClaimStatus, Proposition, Stance, Verdict
from events.models import Participation
from people.models import OtherName, PersonLink
from statements.models import Correction, Statement
from tests import factories
from tests.routes import body, public_route_names

pytestmark = pytest.mark.django_db

PAYLOAD = (
    '<script>alert(1)</script> </script> "><img src=x onerror=alert(1)> '
    "'><svg onload=alert(1)> \u202eevil\u202c \u2066isolated\u2069"
)
# The database refuses URLs that are not http(s) (tests/security/test_stored_urls.py); these
# are the hostile ones it must accept.
HOSTILE_URLS = [
    'https://evil.example/"><script>alert(1)</script>',
    "HTTP://evil.example/?q=<img src=x onerror=alert(1)>&x='y'",
]
SAFE_HREF_STARTS = ("/", "?", "#", "http://", "https://")


@pytest.fixture
def hostile():
    outlet = factories.organization(name=f"Outlet {PAYLOAD}", url=HOSTILE_URLS[0])
    person = factories.person(
        name=f"Hostile {PAYLOAD}", slug="hostile-person", summary=PAYLOAD, image_url=HOSTILE_URLS[1]
    )
    OtherName.objects.create(person=person, name=f"Alias {PAYLOAD}", note=PAYLOAD)
    for url in HOSTILE_URLS:
        PersonLink.objects.create(person=person, url=url, label=f"Link {PAYLOAD}"[:100])
    role = factories.role(
        person=person,
        title=f"Minister {PAYLOAD}",
        label=f"minister {PAYLOAD}"[:100],
        organization=factories.organization(name=f"Ministry {PAYLOAD}"),
    )
    parent = factories.event(title=f"Parent {PAYLOAD}", slug="hostile-parent")
    event = factories.event(
        title=f"Event {PAYLOAD}",
        slug="hostile-event",
        location=PAYLOAD,
        description=PAYLOAD,
        parent=parent,
    )
    factories.event(title=f"Child {PAYLOAD}", slug="hostile-child", parent=event)
    Participation.objects.create(event=event, person=person, role=PAYLOAD)
    source = factories.source(
        outlet=outlet, title=f"Headline {PAYLOAD}", url=HOSTILE_URLS[0], archive_url=HOSTILE_URLS[1]
    )
    reported = factories.source(outlet=outlet, title=f"Report {PAYLOAD}", url=HOSTILE_URLS[1])
    tag_name = f"tag {PAYLOAD}"[:100]
    statement = factories.statement(
        text=f"First {PAYLOAD}\nSecond {PAYLOAD}",
        speaker=person,
        role=role,
        source=source,
        context=PAYLOAD,
        events=[event],
        tags=[tag_name],
        said_on=datetime.date(2021, 3, 14),
    )
    statement.reported_in.add(reported)
    factories.statement(
        text=f"Unnamed {PAYLOAD}",
        organization=outlet,
        attribution=f"a spokesperson {PAYLOAD}",
        source=source,
        kind=Statement.Kind.PARTIAL,
        events=[event],
    )
    hostile_claims(statement, source)
    hostile_corrections(statement, source)
    return {"statement": statement, "tag": statement.tags.get().slug}


def hostile_corrections(statement: Statement, source) -> None:
    """A correction and a retraction whose reasons, changed values and earlier words are all
    hostile text."""
    Correction.objects.create(
        statement=statement,
        kind=Correction.Kind.CORRECTION,
        reason=f"Reason {PAYLOAD}",
        changes=[{"field": "speaker", "label": PAYLOAD, "before": PAYLOAD, "after": PAYLOAD}],
        earlier_text=f"Earlier {PAYLOAD}\nwords {PAYLOAD}",
    )
    retracted = factories.statement(text=f"Retracted {PAYLOAD}", source=source)
    retracted.move("retract", by=None, reason=f"Retraction {PAYLOAD}")


def hostile_claims(statement: Statement, evidence) -> None:
    """A rated claim, its earlier verdict, a proposition and a stance, all hostile text."""
    claim = Claim.objects.create(
        text=f"Claim {PAYLOAD}",
        short_text=f"Claim {PAYLOAD}"[:75],
        slug="hostile-claim",
        status=ClaimStatus.PUBLISHED,
    )
    claim.statements.add(statement)
    claim.tags.add(f"claim tag {PAYLOAD}"[:100])
    first = Verdict.objects.create(claim=claim, rating="half-true", finding=f"First {PAYLOAD}")
    first.publish(None)
    second = Verdict.objects.create(
        claim=claim, rating="false", finding=f"Finding {PAYLOAD}", change_reason=PAYLOAD
    )
    second.evidence.add(evidence)
    second.publish(None)
    proposition = Proposition.objects.create(
        question=f"Question {PAYLOAD}"[:200], slug="hostile-question", description=PAYLOAD
    )
    Stance.objects.create(proposition=proposition, statement=statement, position="supports")
    ClaimCorrection.objects.create(
        claim=claim,
        reason=f"Reason {PAYLOAD}",
        earlier_text=f"Earlier {PAYLOAD}",
        earlier_short_text="Earlier",
    )


def hostile_api_examples(statement: Statement) -> dict[str, list[str]]:
    """Every API route over the hostile records."""
    lists = {
        "person": "people",
        "organization": "organizations",
        "source": "sources",
        "event": "events",
        "statement": "statements",
        "claim": "claims",
        "proposition": "propositions",
        "stance": "stances",
        "correction": "corrections",
    }
    details = {
        "person": "hostile-person",
        "organization": statement.source.outlet.slug,
        "source": statement.source_id,
        "event": "hostile-event",
        "statement": statement.pk,
        "claim": "hostile-claim",
        "proposition": "hostile-question",
        "stance": Stance.objects.get(statement=statement).pk,
        "correction": Correction.objects.filter(statement=statement).get().pk,
    }
    examples = {
        "api:api-root": ["/api/"],
        "api:schema": ["/api/schema/"],
        "api:docs": ["/api/docs/"],
        "api:popolo": ["/api/popolo.json"],
    }
    for name, path in lists.items():
        examples[f"api:{name}-list"] = [f"/api/{path}/?page_size=100"]
        examples[f"api:{name}-detail"] = [f"/api/{path}/{details[name]}/"]
    examples["api:statement-list"].append("/api/statements/?q=Hostile+script+alert&sort=relevance")
    return examples


def hostile_examples(hostile) -> dict[str, list[str]]:
    statement, tag = hostile["statement"], hostile["tag"]
    search = "?q=Hostile+script+alert&sort=relevance"
    return {
        "statements:home": [reverse("statements:home")],
        "statements:list": [reverse("statements:list"), reverse("statements:list") + search],
        "statements:detail": [
            statement.get_absolute_url(),
            *(s.get_absolute_url() for s in Statement.objects.filter(status="retracted")),
        ],
        **hostile_api_examples(statement),
        "statements:export": ["/statements/export.csv", "/statements/export.json" + search],
        "people:export": [
            "/people/hostile-person/export.csv",
            "/people/hostile-person/export.json",
        ],
        "claims:export": ["/claims/export.csv", "/claims/export.json"],
        "statements:corrections": [reverse("statements:corrections")],
        "statements:corrections-rss": [reverse("statements:corrections-rss")],
        "statements:corrections-atom": [reverse("statements:corrections-atom")],
        "statements:search": [reverse("statements:search") + search],
        "statements:tag": [reverse("statements:tag", args=[tag])],
        "statements:feed-rss": [reverse("statements:feed-rss")],
        "statements:feed-atom": [reverse("statements:feed-atom")],
        "statements:person-feed-rss": [
            reverse("statements:person-feed-rss", args=["hostile-person"])
        ],
        "statements:person-feed-atom": [
            reverse("statements:person-feed-atom", args=["hostile-person"])
        ],
        "statements:event-feed-rss": [reverse("statements:event-feed-rss", args=["hostile-event"])],
        "statements:event-feed-atom": [
            reverse("statements:event-feed-atom", args=["hostile-event"])
        ],
        "statements:tag-feed-rss": [reverse("statements:tag-feed-rss", args=[tag])],
        "statements:tag-feed-atom": [reverse("statements:tag-feed-atom", args=[tag])],
        "people:list": [reverse("people:list"), reverse("people:list") + "?q=Hostile"],
        "people:detail": [reverse("people:detail", args=["hostile-person"])],
        "events:list": [reverse("events:list")],
        "events:detail": [
            reverse("events:detail", args=["hostile-event"]),
            reverse("events:detail", args=["hostile-child"]),
        ],
        "sitemap": [reverse("sitemap")],
        "django.contrib.sitemaps.views.sitemap": [
            reverse("django.contrib.sitemaps.views.sitemap", args=[section])
            for section in (
                "pages",
                "statements",
                "people",
                "events",
                "tags",
                "claims",
                "positions",
            )
        ],
        "claims:list": [reverse("claims:list"), reverse("claims:list") + "?person=hostile-person"],
        "claims:detail": [reverse("claims:detail", args=["hostile-claim"])],
        "claims:feed-rss": [reverse("claims:feed-rss")],
        "claims:feed-atom": [reverse("claims:feed-atom")],
        "claims:person-feed-rss": [reverse("claims:person-feed-rss", args=["hostile-person"])],
        "claims:person-feed-atom": [reverse("claims:person-feed-atom", args=["hostile-person"])],
        "claims:positions": [reverse("claims:positions")],
        "claims:position": [reverse("claims:position", args=["hostile-question"])],
        "robots": [reverse("robots")],
        "healthz": [reverse("healthz")],
    }


class MarkupFinder(HTMLParser):
    """Every element and attribute that would run or load something, as a browser parses."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            is_link = name in {"href", "src", "cite", "action", "formaction", "poster", "data"}
            if is_link and value and not value.strip().lower().startswith(SAFE_HREF_STARTS):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in {"img", "iframe", "object", "embed", "base"} or (
            tag == "svg" and "onload" in attributes
        ):
            self.problems.append(f"<{tag}>")
        if tag == "script":
            if attributes.get("type") == "application/ld+json":
                self._in_json_ld = True
            elif not (attributes.get("src") or "").startswith("/static/"):
                self.problems.append(f"<script {attributes}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(data)


def live_markup_in_html(html: str) -> list[str]:
    finder = MarkupFinder()
    finder.feed(html)
    finder.close()
    for block in finder.json_ld:
        assert "<" not in block, "a JSON-LD block holds a raw <"
        json.loads(block)
    return finder.problems


def live_markup_in_feed(xml: bytes) -> list[str]:
    root = ET.fromstring(xml)
    problems = []
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        html_typed = name in {"description", "summary"} or (
            name == "title" and not element.tag.startswith("{")
        )
        if html_typed and element.text:
            problems += live_markup_in_html(element.text)
        text = (element.text or "").strip().lower()
        if name in {"link", "loc", "id"} and "://" in text and not text.startswith("http"):
            problems.append(f"<{name}>{element.text}")
        href = element.get("href")
        if href and not href.lower().startswith(SAFE_HREF_STARTS):
            problems.append(f"<{name} href={href!r}>")
    return problems


def non_http_links_in_json(data: Any) -> list[str]:
    """Values of `…url` keys anywhere in `data` that are not http(s) addresses."""
    problems = []
    if isinstance(data, dict):
        for key, value in data.items():
            is_link = key.endswith("url") and isinstance(value, str) and bool(value)
            if is_link and not value.lower().startswith(("http://", "https://")):
                problems.append(f"{key}={value!r}")
            problems += non_http_links_in_json(value)
    elif isinstance(data, list):
        for item in data:
            problems += non_http_links_in_json(item)
    return problems


def test_every_route_has_a_hostile_example(hostile):
    assert sorted(hostile_examples(hostile)) == public_route_names(), (
        "Add the new route to hostile_examples so it is injection-tested."
    )


@pytest.mark.parametrize("route", public_route_names())
def test_no_public_page_carries_live_markup_or_a_non_http_link(client, hostile, route):
    for url in hostile_examples(hostile)[route]:
        response = client.get(url)
        assert response.status_code == 200, url
        content_type = response["Content-Type"]
        content = body(response)
        if "html" in content_type:
            assert live_markup_in_html(content.decode()) == [], url
        elif "xml" in content_type:
            assert live_markup_in_feed(content) == [], url
        elif "json" in content_type:
            # JSON is data, never a page: browsers must not sniff it into HTML, and its links
            # are web addresses only.
            assert response["X-Content-Type-Options"] == "nosniff", url
            assert non_http_links_in_json(json.loads(content)) == [], url
        elif "csv" in content_type:
            # A download, never shown as a page; no cell a spreadsheet would run as a formula.
            assert response["Content-Disposition"].startswith("attachment;"), url
            assert response["X-Content-Type-Options"] == "nosniff", url
            cells = [cell for line in csv.reader(io.StringIO(content.decode())) for cell in line]
            assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))], url
        else:
            assert "<script" not in content.decode(), url


def test_the_hostile_text_is_shown_as_text_not_dropped(client, hostile):
    page = client.get(hostile["statement"].get_absolute_url()).content.decode()

    assert "First &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Headline &lt;script&gt;" in page
    assert 'href="https://evil.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page


@pytest.mark.parametrize(
    "html",
    [
        "<p>What <script>alert(1)</script> said</p>",
        '<p>"><img src=x onerror=alert(1)></p>',
        '<a href="javascript:alert(1)">Source</a>',
        '<a href=" JaVaScRiPt:alert(1)">Source</a>',
        '<blockquote cite="data:text/html,x">',
    ],
)
def test_the_checker_finds_what_the_fixes_prevent(html):
    assert live_markup_in_html(html)


def test_the_checker_finds_markup_in_a_feed_description_escaped_only_for_xml():
    feed = b"<rss><channel><description>What &lt;script&gt;alert(1)&lt;/script&gt; said"
    assert live_markup_in_feed(feed + b"</description></channel></rss>")
