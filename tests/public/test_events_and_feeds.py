"""Event timelines, and the feeds every statement list offers."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def test_event_timeline_mixes_statements_and_child_events_in_chronological_order(client, demo):
    response = client.get(reverse("events:detail", args=["clapham-common-vigil"]))
    entries = response.context["entries"]
    days = [entry.day for entry in entries]
    assert days == sorted(days)
    kinds = [("statement" if entry.statement else entry.event.slug) for entry in entries]
    assert kinds[-1] == "crime-and-justice-taskforce-meeting-march-2021"
    assert "clapham-common-vigil-policing-investigation" in kinds
    page = response.content.decode()
    assert page.count('class="timeline__date"') == 2  # grouped by day: 14 and 15 March
    for entry in entries:
        if entry.statement:
            assert entry.statement.get_absolute_url() in page


def test_event_page_shows_parent_children_and_people_involved(client, demo):
    page = client.get(
        reverse("events:detail", args=["crime-and-justice-taskforce-meeting-march-2021"])
    ).content.decode()
    assert "Part of" in page and 'href="/events/clapham-common-vigil/"' in page
    assert "Cressida Dick" in page and "expected attendee" in page
    vigil = client.get(reverse("events:detail", args=["clapham-common-vigil"])).content.decode()
    assert "What followed" in vigil and "Crime and justice taskforce meeting" in vigil


def test_event_timeline_filters_by_person(client, demo):
    event = factories.event(slug="hearing", start_date=D(2021, 5, 1))
    alice, bob = factories.person(slug="alice"), factories.person(slug="bob")
    factories.statement(speaker=alice, text="Alice speaks.", events=[event])
    factories.statement(speaker=bob, text="Bob speaks.", events=[event])
    page = client.get(event.get_absolute_url(), {"speaker": "alice"}).content.decode()
    assert "Alice speaks." in page and "Bob speaks." not in page
    unknown = client.get(event.get_absolute_url(), {"speaker": "carol"})
    assert unknown.status_code == 200 and "Bob speaks." in unknown.content.decode()


def test_event_timeline_numbers_its_pages(client):
    event = factories.event(slug="long-story")
    for n in range(60):
        factories.statement(said_on=D(2021, 1, 1) + datetime.timedelta(days=n), events=[event])
    first = client.get(event.get_absolute_url())
    last = client.get(event.get_absolute_url(), {"page": "99"})
    assert len(first.context["entries"]) == 50 and len(last.context["entries"]) == 10
    assert first.context["entries"][-1].day < last.context["entries"][0].day


def test_events_list_counts_published_statements(client, demo):
    page = client.get(reverse("events:list")).content.decode()
    assert "Vigil for Sarah Everard on Clapham Common" in page
    assert "6 statements" in page


@pytest.mark.parametrize(
    "name, args",
    [
        ("statements:feed-rss", []),
        ("statements:person-feed-rss", ["kit-malthouse"]),
        ("statements:event-feed-rss", ["clapham-common-vigil"]),
        ("statements:tag-feed-rss", ["policing"]),
    ],
)
def test_rss_feeds_list_published_statements_with_permalinks(client, demo, name, args):
    response = client.get(reverse(name, args=args))
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("./channel/item")
    assert items and all("/statements/" in item.findtext("link") for item in items)


@pytest.mark.parametrize(
    "name, args",
    [
        ("statements:feed-atom", []),
        ("statements:person-feed-atom", ["kit-malthouse"]),
        ("statements:event-feed-atom", ["clapham-common-vigil"]),
        ("statements:tag-feed-atom", ["policing"]),
    ],
)
def test_atom_feeds_are_well_formed(client, demo, name, args):
    response = client.get(reverse(name, args=args))
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert entries


@pytest.mark.parametrize(
    "page, feed",
    [
        (reverse("statements:home"), reverse("statements:feed-rss")),
        (reverse("statements:list"), reverse("statements:feed-atom")),
        (
            reverse("people:detail", args=["kit-malthouse"]),
            reverse("statements:person-feed-rss", args=["kit-malthouse"]),
        ),
        (
            reverse("events:detail", args=["clapham-common-vigil"]),
            reverse("statements:event-feed-atom", args=["clapham-common-vigil"]),
        ),
        (
            reverse("statements:tag", args=["policing"]),
            reverse("statements:tag-feed-rss", args=["policing"]),
        ),
    ],
)
def test_pages_advertise_their_feeds(client, demo, page, feed):
    html = client.get(page).content.decode()
    assert '<link rel="alternate" type="application/' in html
    assert f'href="{feed}"' in html
