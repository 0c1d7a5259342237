"""Feed readers render descriptions and RSS titles as HTML: nothing stored may become markup."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hostile_statement():
    speaker = factories.person(name=f"Eve {SCRIPT}", slug="eve")
    role = factories.role(
        person=speaker,
        label=f"minister {SCRIPT}",
        organization=factories.organization(name=f"Dept {SCRIPT}"),
    )
    return factories.statement(
        text=f"First {SCRIPT} paragraph.\nSecond <b>paragraph</b>\nof the quote.",
        speaker=speaker,
        role=role,
        source=factories.source(outlet=factories.organization(name=f"Outlet {SCRIPT}")),
        tags=[f"tag {SCRIPT}"],
    )


def feed_urls(statement) -> list[str]:
    return [
        reverse("statements:feed-rss"),
        reverse("statements:feed-atom"),
        reverse("statements:person-feed-rss", args=[statement.speaker.slug]),
        reverse("statements:person-feed-atom", args=[statement.speaker.slug]),
        reverse("statements:tag-feed-rss", args=[statement.tags.get().slug]),
    ]


def test_a_person_named_with_a_script_tag_is_text_in_their_feeds_description(
    client, hostile_statement
):
    feed = client.get(reverse("statements:person-feed-rss", args=["eve"])).content
    channel = ET.fromstring(feed).find("channel")

    # The element's text, as a feed reader renders it, is escaped HTML: shown, never run.
    assert channel.findtext("description") == (
        "What Eve &lt;script&gt;alert(1)&lt;/script&gt; has said on the record, newest first."
    )
    assert channel.findtext("title") == (
        "On Record: statements by Eve &lt;script&gt;alert(1)&lt;/script&gt;"
    )


@pytest.mark.parametrize("feed", range(5))
def test_no_feed_description_or_title_carries_live_markup(client, hostile_statement, feed):
    url = feed_urls(hostile_statement)[feed]
    root = ET.fromstring(client.get(url).content)

    html_texts = [
        element.text or ""
        for element in root.iter()
        if element.tag in {"description", "title", f"{ATOM}summary"}
    ]
    assert html_texts
    for text in html_texts:
        assert "<script" not in text and "<b>" not in text, (url, text)
    for summary in root.iter(f"{ATOM}summary"):
        assert summary.get("type") == "html"


def test_an_rss_item_keeps_the_quotes_paragraphs_as_escaped_paragraphs(client, hostile_statement):
    item = ET.fromstring(client.get(reverse("statements:feed-rss")).content).find("channel/item")

    description = item.findtext("description")

    assert description.startswith(
        "<p>First &lt;script&gt;alert(1)&lt;/script&gt; paragraph.</p>\n"
        "<p>Second &lt;b&gt;paragraph&lt;/b&gt;</p>\n<p>of the quote.</p>"
    )
    assert "Outlet &lt;script&gt;" in description and "minister &lt;script&gt;" in description


def test_an_item_title_is_one_line_cut_at_a_word(client, demo):
    root = ET.fromstring(client.get(reverse("statements:feed-rss")).content)

    for title in root.iter("title"):
        assert "\n" not in title.text
        assert len(title.text) <= 200
    atom = ET.fromstring(client.get(reverse("statements:feed-atom")).content)
    for title in atom.iter(f"{ATOM}title"):
        assert "\n" not in title.text


def test_atom_titles_are_plain_text(client, hostile_statement):
    atom = ET.fromstring(client.get(reverse("statements:person-feed-atom", args=["eve"])).content)

    assert atom.findtext(f"{ATOM}title") == f"On Record: statements by Eve {SCRIPT}"
    assert atom.find(f"{ATOM}title").get("type") in (None, "text")
