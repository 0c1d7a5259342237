"""What each public page shows, and that it costs a bounded number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from people.models import Role
from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def crowded():
    """Forty published statements by seven speakers with roles and one unnamed spokesperson,
    with tags, events and sources."""
    event = factories.event(slug="crowded-event")
    child = factories.event(slug="crowded-child", parent=event, start_date=D(2021, 3, 20))
    outlet = factories.organization(classification="outlet", slug="the-outlet")
    speakers = []
    for n in range(8):
        role = factories.role(start_date=D(2000, 1, 1), label=f"minister {n}")
        speakers.append(role.person)
    spokespeople = factories.organization(slug="a-ministry")
    for n in range(40):
        # One in eight said by an unnamed spokesperson: lists show their organisation too.
        said_by = (
            {"organization": spokespeople, "attribution": "A spokesperson"}
            if n % 8 == 7
            else {"speaker": speakers[n % 8]}
        )
        factories.statement(
            **said_by,
            said_on=D(2021, 1, 1) + datetime.timedelta(days=n),
            source=factories.source(outlet=outlet),
            tags=[f"tag {n % 5}", "crowded"],
            events=[event, child] if n % 2 else [event],
        )
    return {"event": event, "child": child, "person": speakers[0]}


# Each list page's queries with more rows than fit on a page. On PostgreSQL, search highlights
# the page's matches in one more query. A page's statements cost four queries of their own
# besides the list (roles, unnamed speakers' organisations, tags, events: see with_related).
# A person's page adds their verdict tally and their changes of position, search its group of
# matching claims (claims' template tags).
LIST_PAGES = {
    "home": (lambda c: reverse("statements:home"), 7),
    "all statements": (lambda c: reverse("statements:list"), 9),
    "all statements, oldest first": (lambda c: reverse("statements:list") + "?sort=oldest", 9),
    "all statements, filtered": (
        lambda c: reverse("statements:list") + "?tag=crowded&event=crowded-event&kind=direct",
        11,
    ),
    "search": (lambda c: reverse("statements:search") + "?q=Statement+number", 11),
    "tag": (lambda c: reverse("statements:tag", args=["crowded"]), 9),
    "people": (lambda c: reverse("people:list"), 2),
    "people, searched": (lambda c: reverse("people:list") + "?q=Person", 2),
    "person": (lambda c: c["person"].get_absolute_url(), 14),
    "person, filtered": (lambda c: c["person"].get_absolute_url() + "?tag=crowded", 15),
    "events": (lambda c: reverse("events:list"), 2),
    "event": (lambda c: c["event"].get_absolute_url(), 13),
    "feed": (lambda c: reverse("statements:feed-rss"), 5),
    "person feed": (lambda c: reverse("statements:person-feed-atom", args=["person-x"]), 5),
    "sitemap": (lambda c: reverse("sitemap"), 8),
}


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_page_query_count_does_not_grow_with_rows(
    client, crowded, name, django_assert_max_num_queries
):
    url_for, max_queries = LIST_PAGES[name]
    url = url_for(crowded).replace("person-x", crowded["person"].slug)
    with django_assert_max_num_queries(max_queries):
        response = client.get(url)
    assert response.status_code == 200


def test_home_shows_latest_statements_events_in_the_news_tags_and_a_search_box(client, demo):
    page = client.get(reverse("statements:home")).content.decode()
    assert "Latest statements" in page
    assert "I recognise the police are in an incredible difficult position" in page
    assert "Vigil for Sarah Everard on Clapham Common" in page
    assert 'href="/tags/policing/"' in page and "women&#x27;s safety" in page
    assert 'role="search"' in page and 'name="q"' in page


def test_people_are_listed_a_to_z_with_statement_counts(client, demo):
    page = client.get(reverse("people:list")).content.decode()
    names = ["Robert Buckland", "Cressida Dick", "Max Hill", "Boris Johnson", "Kit Malthouse"]
    positions = [page.index(name) for name in names]
    assert positions == sorted(positions)
    assert "7 statements" in page and "0 statements" in page


def test_people_search_matches_other_names_once(client, demo):
    response = client.get(reverse("people:list"), {"q": "malthouse"})
    page = response.content.decode()
    # "Kit Malthouse" matches on his name and two other names, and is still one person.
    assert page.count('href="/people/kit-malthouse/"') == 1
    assert "7 statements" in page and "Cressida Dick" not in page
    assert "Kit Malthouse" in client.get(reverse("people:list"), {"q": "Mr Malt"}).content.decode()


def test_person_page_shows_roles_and_statements_newest_first_with_the_role_on_the_day(client, demo):
    kit = factories.person(name="Kit Test", slug="kit-test")
    old_role = factories.role(
        person=kit, title="Junior Minister", label="junior minister", end_date=D(2020, 12, 31)
    )
    factories.role(
        person=kit, title="Senior Minister", label="senior minister", start_date=D(2021, 1, 1)
    )
    factories.statement(speaker=kit, said_on=D(2020, 6, 1), text="Older words.")
    factories.statement(speaker=kit, said_on=D(2021, 6, 1), text="Newer words.")
    # A role changed after the fact does not move the statement: the stored role is shown.
    Role.objects.filter(pk=old_role.pk).update(label="junior minister then")

    page = client.get(kit.get_absolute_url()).content.decode()
    assert "Junior Minister" in page and "Senior Minister" in page
    assert "1 January 2019 – 31 December 2020" in strip_tags(page)
    assert page.index("Newer words.") < page.index("Older words.")
    newer, older = page.split("Newer words.")[1].split("Older words.")
    assert "senior minister" in newer
    assert "junior minister then" in older


def test_person_page_pages_by_keyset_with_a_capped_count(client, crowded):
    url = crowded["person"].get_absolute_url()
    for _ in range(25):
        factories.statement(speaker=crowded["person"], said_on=D(2022, 1, 1))
    first = client.get(url)
    assert len(first.context["page"].items) == 20
    older = client.get(url, {"after": first.context["page"].later_cursor})
    assert older.status_code == 200
    assert not {s.pk for s in older.context["page"].items} & {
        s.pk for s in first.context["page"].items
    }
    assert str(first.context["statement_count"]) == str(
        crowded["person"].statements.published().count()
    )
    # A garbled cursor sends the reader to the first page.
    assert client.get(url, {"after": "garbled"}).status_code == 302


def test_a_person_page_count_stops_at_a_cap(client, monkeypatch):
    from common import pagination

    person = factories.person()
    for _ in range(4):
        factories.statement(speaker=person)
    real = pagination.capped_count
    monkeypatch.setattr("people.views.capped_count", lambda qs: real(qs, cap=3))

    page = client.get(person.get_absolute_url()).content.decode()

    assert "3+" in page


def test_statement_list_shows_published_statements_and_filters_by_speaker(client, demo):
    other = factories.statement(text="Somebody else entirely.")
    everything = client.get(reverse("statements:list")).content.decode()
    assert "Somebody else entirely." in everything and "incredible difficult position" in everything
    only_kit = client.get(reverse("statements:list"), {"speaker": "kit-malthouse"})
    assert "Somebody else entirely." not in only_kit.content.decode()
    only_other = client.get(reverse("statements:list"), {"speaker": other.speaker.slug})
    assert "incredible difficult position" not in only_other.content.decode()


def test_tag_page_lists_statements_with_the_tag(client, demo):
    page = client.get(reverse("statements:tag", args=["pandemic"])).content.decode()
    assert "Throughout this pandemic" in page
    assert "incredible difficult position" not in page
    assert '<link rel="alternate" type="application/rss+xml"' in page


@pytest.mark.parametrize(
    "url",
    [
        "/people/nobody/",
        "/events/nothing/",
        "/tags/no-such-tag/",
        "/statements/0/",
        "/statements/999999999/",
        "/statements/99999999999999999999999999/",
        "/statements/abc/",
        "/feeds/people/nobody.rss",
        "/feeds/events/nothing.atom",
    ],
)
def test_unknown_slugs_and_ids_are_not_found(client, demo, url):
    assert client.get(url).status_code == 404


def sitemap_section(client, section: str, page: int = 1):
    url = reverse("django.contrib.sitemaps.views.sitemap", args=[section])
    return client.get(url, {"p": page})


def test_sitemap_lists_published_statements_people_events_and_tags(client, demo):
    index = client.get(reverse("sitemap")).content.decode()
    for section in ("pages", "statements", "people", "events", "tags"):
        assert f"/sitemap-{section}.xml</loc>" in index
    from statements.sitemaps import StatementSitemap

    statement = Statement.objects.published().first()
    # Page n lists ids ((n - 1) * limit, n * limit].
    own_page = sitemap_section(client, "statements", -(-statement.pk // StatementSitemap.limit))
    assert f"/statements/{statement.pk}/</loc>" in own_page.content.decode()
    assert "<lastmod>" in own_page.content.decode()
    assert "/people/kit-malthouse/</loc>" in sitemap_section(client, "people").content.decode()
    events = sitemap_section(client, "events").content.decode()
    assert "/events/clapham-common-vigil/</loc>" in events
    # Paged by id range like the statements: the tag's own page (ids grow across tests).
    from taggit.models import Tag

    from statements.sitemaps import TagSitemap

    tag = Tag.objects.get(slug="policing")
    tags = sitemap_section(client, "tags", -(-tag.pk // TagSitemap.limit)).content.decode()
    assert "/tags/policing/</loc>" in tags


def test_every_published_statement_is_in_some_sitemap_page_by_id_range(client, monkeypatch):
    from statements.sitemaps import StatementSitemap

    monkeypatch.setattr(StatementSitemap, "limit", 3)
    statements = [factories.statement() for _ in range(8)]
    draft = factories.statement(status=Statement.Status.DRAFT)

    index = client.get(reverse("sitemap")).content.decode()
    pages = index.count("/sitemap-statements.xml")

    # Page n holds ids (3(n-1), 3n]; the last page holds the highest published id.
    assert pages == -(-statements[-1].pk // 3)
    for statement in statements:
        page = sitemap_section(client, "statements", -(-statement.pk // 3)).content.decode()
        assert f"/statements/{statement.pk}/</loc>" in page
    draft_page = sitemap_section(client, "statements", -(-draft.pk // 3))
    assert f"/statements/{draft.pk}/</loc>" not in draft_page.content.decode()
    assert sitemap_section(client, "statements", pages + 1).status_code == 404
    assert sitemap_section(client, "statements", "x").status_code == 404


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get(reverse("robots"))
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_pages_have_landmarks_a_skip_link_and_labelled_search(client, demo):
    page = client.get(reverse("statements:list")).content.decode()
    assert '<a class="skip-link" href="#main">' in page and '<main id="main"' in page
    assert "<header" in page and "<nav" in page and "<footer" in page
    assert '<label for="site-search-q"' in page and 'id="site-search-q"' in page
    for field in ["said_from", "said_to", "speaker", "event", "tag", "kind", "outlet", "sort"]:
        assert f'<label for="id_{field}">' in page, field


def test_dates_are_written_as_a_uk_newsroom_writes_them(client, demo):
    assert "14 March 2021" in client.get(reverse("statements:home")).content.decode()
