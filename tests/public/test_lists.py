"""Statement lists: filters, keyset pages, sorting, search, and bad input that must not break."""

import datetime
import re

import pytest
from django.urls import reverse

from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def texts(response) -> list[str]:
    return [statement.text for statement in response.context["page"].items]


@pytest.fixture
def fifty():
    """Fifty published statements on twenty-five days, two a day."""
    speaker = factories.person(slug="prolific")
    source = factories.source()
    return [
        factories.statement(
            speaker=speaker, source=source, said_on=D(2021, 1, 1) + datetime.timedelta(days=n // 2)
        )
        for n in range(50)
    ]


def walk(client, url: str, link: str = "after") -> list[list[str]]:
    pages = []
    while url:
        response = client.get(url)
        pages.append(texts(response))
        cursor = getattr(
            response.context["page"], f"{'later' if link == 'after' else 'earlier'}_cursor"
        )
        url = f"{reverse('statements:list')}?{link}={cursor}" if cursor else None
    return pages


def test_keyset_pages_cover_every_statement_once_newest_first(client, fifty):
    pages = walk(client, reverse("statements:list"))
    seen = [text for page in pages for text in page]
    expected = [s.text for s in sorted(fifty, key=lambda s: (s.said_on, s.pk), reverse=True)]
    assert [len(page) for page in pages] == [20, 20, 10]
    assert seen == expected


def test_newer_link_leads_back_to_the_previous_page(client, fifty):
    first = client.get(reverse("statements:list"))
    second = client.get(reverse("statements:list"), {"after": first.context["page"].later_cursor})
    assert first.context["page"].earlier_cursor is None
    back = client.get(reverse("statements:list"), {"before": second.context["page"].earlier_cursor})
    assert texts(back) == texts(first)
    assert back.context["page"].earlier_cursor is None


def test_a_deep_keyset_page_costs_what_the_first_does(client, fifty, django_assert_max_num_queries):
    first = client.get(reverse("statements:list"))
    second = client.get(reverse("statements:list"), {"after": first.context["page"].later_cursor})
    # The first page's seven queries, plus one look back for the "newer" link.
    with django_assert_max_num_queries(8):
        client.get(reverse("statements:list"), {"after": second.context["page"].later_cursor})


def test_oldest_first(client, fifty):
    response = client.get(reverse("statements:list"), {"sort": "oldest"})
    assert texts(response)[0] == min(fifty, key=lambda s: (s.said_on, s.pk)).text
    assert "Newer statements" in response.content.decode()


@pytest.mark.parametrize(
    "cursor", ["garbage", "2021-13-45_3", "2021-01-01_", "_", "2021-01-01_-4", "9" * 40, "nan_1"]
)
def test_a_garbled_cursor_sends_the_reader_to_the_first_page(client, fifty, cursor):
    response = client.get(reverse("statements:list"), {"after": cursor, "tag": "x"})
    assert response.status_code == 302
    assert response.url == f"{reverse('statements:list')}?tag=x"


def test_a_cursor_past_the_end_sends_the_reader_to_the_first_page(client, fifty):
    response = client.get(reverse("statements:list"), {"after": "1900-01-01_1"})
    assert response.status_code == 302


def test_filters_by_date_range_event_tag_kind_and_outlet(client, demo):
    outlet = factories.organization(slug="the-times", name="The Times", classification="outlet")
    event = factories.event(slug="budget")
    other = factories.statement(
        text="A budget remark.",
        kind="reported",
        said_on=D(2022, 5, 1),
        source=factories.source(outlet=outlet),
        events=[event],
        tags=["economy"],
    )
    url = reverse("statements:list")
    for params in [
        {"said_from": "2022-01-01"},
        {"said_to": "2022-12-31", "said_from": "2022-05-01"},
        {"event": "budget"},
        {"tag": "economy"},
        {"outlet": "the-times"},
        {"kind": "reported", "said_from": "2022-01-01"},
    ]:
        assert texts(client.get(url, params)) == [other.text], params
    assert other.text not in texts(client.get(url, {"said_to": "2021-12-31"}))
    assert other.text not in texts(client.get(url, {"outlet": "sky-news"}))


@pytest.mark.parametrize(
    "params",
    [
        {"said_from": "14 Smarch 2021"},
        {"said_to": "2021-02-30"},
        {"said_from": "99999-01-01"},
        {"kind": "shouted"},
        {"tag": "no-such-tag"},
        {"event": "no-such-event"},
        {"speaker": "\x00"},
        {"outlet": "x" * 5000},
        {"sort": "sideways"},
        {"page": "-1", "after": ""},
    ],
)
def test_bad_filter_values_are_shown_as_errors_and_ignored(client, demo, params):
    response = client.get(reverse("statements:list"), params)
    assert response.status_code == 200
    assert len(texts(response)) == 7  # the demo's seven, unfiltered by what was not understood


def test_bad_filter_values_are_reported_to_the_reader(client, demo):
    response = client.get(reverse("statements:list"), {"kind": "shouted", "said_to": "soon"})
    page = response.content.decode()
    assert "Some filters were not understood" in page
    assert "Select a valid choice" in page and "Enter a valid date" in page


def test_person_page_filters_by_tag(client, demo):
    url = reverse("people:detail", args=["kit-malthouse"])
    response = client.get(url, {"tag": "pandemic"})
    assert [s.text[:24] for s in response.context["page"].items] == ["Throughout this pandemic"]
    # The person page offers only the tags this person's statements carry.
    offered = response.context["filterset"].form.fields["tag"].queryset
    assert set(offered.values_list("slug", flat=True)) >= {"pandemic", "policing"}
    assert "speaker" not in response.context["filterset"].form.fields


@pytest.mark.parametrize(
    "q",
    [
        '"distressing',
        "police & crime",
        "police | crime",
        "!police",
        "100%",
        "-",
        "or",
        "x" * 5000,
        "Полиция",
        "警察",
        "شرطة",
        "police\x00\x01\x1f",
        "<script>alert(1)</script>",
        "'; DROP TABLE statements_statement; --",
    ],
)
def test_odd_search_strings_work(client, demo, q):
    for url in (reverse("statements:search"), reverse("statements:list")):
        response = client.get(url, {"q": q})
        assert response.status_code == 200, url
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_finds_statements_and_highlights_the_match(client, demo):
    response = client.get(reverse("statements:search"), {"q": "pandemic"})
    assert [s.text[:24] for s in response.context["page"].items] == ["Throughout this pandemic"]
    assert re.search(r"<mark>pandemic</mark>", response.content.decode())


def test_search_matches_speakers_other_names_and_combines_with_filters(client, demo):
    response = client.get(reverse("statements:search"), {"q": "Mr Malthouse", "tag": "pandemic"})
    assert len(response.context["page"].items) == 1


def test_search_sorts_by_relevance_unless_asked_otherwise(client, demo):
    response = client.get(reverse("statements:search"), {"q": "police"})
    assert response.context["options"].ordering == "relevance"
    ranks = [s.relevance for s in response.context["page"].items]
    assert ranks == sorted(ranks, reverse=True)
    newest = client.get(reverse("statements:search"), {"q": "police", "sort": "newest"})
    assert newest.context["options"].ordering == "newest"


def test_relevance_pages_cover_every_match_once(client):
    for n in range(30):
        factories.statement(text="police " * (n % 4 + 1) + f"remark {n}")
    seen, url = [], reverse("statements:search") + "?q=police"
    while url:
        response = client.get(url)
        seen += [s.pk for s in response.context["page"].items]
        cursor = response.context["page"].later_cursor
        url = f"{reverse('statements:search')}?q=police&after={cursor}" if cursor else None
    assert sorted(seen) == sorted(Statement.objects.values_list("pk", flat=True))
    assert len(seen) == len(set(seen))


def test_an_empty_search_shows_the_search_box_only(client, demo):
    response = client.get(reverse("statements:search"))
    assert response.status_code == 200
    assert response.context["page"] is None
    assert "Type a word, a phrase or a name" in response.content.decode()
