"""The pages the site benchmark times, one row each, and the target each must meet.

A row names a page, says which URLs stand for it and what it must meet at 1,000,000 statements.
The URLs are worked out against the site under test (`Site`, in site_benchmark.py): the biggest
speaker is found in the database, a "deepest page" is reached by following the page's own
pagination links, so a row stays right when a list changes how it paginates. Adding a page is
adding a line to PAGES; adding a load for the throughput test is adding a line to LOADS.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlencode

from django.urls import reverse


class Site(Protocol):
    """What a row may ask of the site under test."""

    person: str  # slug of the speaker with most published statements
    event: str  # slug of the event with most published statements
    tag: str  # slug of the tag on most published statements
    filtered_list: str  # /statements/ filtered by that tag and a date range
    common_word: str  # in many statements
    rare_word: str  # in a handful
    phrase: str  # two words that often stand together, in quotes
    claim: str  # slug of the public claim made by most published statements
    proposition: str  # slug of the proposition with most published stances
    claimant: str  # slug of the person who made most public claims

    def permalinks(self, count: int) -> list[str]:
        """Permalinks of `count` random published statements, all different."""
        ...

    def random_people(self, count: int) -> list[str]:
        """Pages of up to `count` random people, all different."""
        ...

    def deepest(self, path: str) -> str:
        """The last page of the list at `path`, reached through its pagination links."""
        ...

    def older(self, path: str, times: int) -> str:
        """The page `times` "older" links after `path` (or the last one, if the list ends)."""
        ...

    def sitemap_page(self) -> str:
        """One page of the sitemap beyond the first: a section page if it is an index."""
        ...

    def api_older(self, path: str, times: int) -> str:
        """The API page `times` `next` links on from `path`."""
        ...


@dataclass(frozen=True)
class Target:
    """What a page must meet at 1,000,000 statements, besides what every page must (GROWTH)."""

    p95_ms: float | None = None
    # The page's p95 at most this many times the p95 of its slowest query run alone.
    times_bare_sql: float | None = None
    max_bytes: int | None = None


PERMALINK = Target(p95_ms=15)
TIMELINE = Target(p95_ms=30)  # a person's statements, an event's timeline: at any depth
LIST = Target(p95_ms=40)  # home, the A-Z, the lists: at any depth
FILTERED_LIST = Target(p95_ms=40, max_bytes=100_000)
SEARCH = Target(p95_ms=60, times_bare_sql=1.5)
FEED = Target(p95_ms=30)
SITEMAP = Target(p95_ms=200)
ADMIN_SEARCH = Target(p95_ms=150)
NO_TARGET = Target()

# Every page: its p95 at the largest size at most this many times its p95 at the smallest.
GROWTH = 1.5
# Each load of LOADS, with 32 connections: at least this many requests/s, and no errors.
THROUGHPUT_RPS = 300


@dataclass(frozen=True)
class Page:
    """A row: the page's name, its URLs (asked of the Site when the row is measured; several
    are cycled through, one per request) and its target."""

    name: str
    urls: Callable[[Site], list[str]]
    target: Target
    staff: bool = False  # requested signed in as a superuser

    @property
    def times_bare_sql(self) -> bool:
        """Whether its slowest query is also timed alone, for the page's overhead over it."""
        return self.target.times_bare_sql is not None


def search(q: str, sort: str) -> list[str]:
    return [f"{reverse('statements:search')}?{urlencode({'q': q, 'sort': sort})}"]


def admin(q: str = "") -> list[str]:
    """The admin's statement list, searched for `q` when given."""
    changelist = reverse("admin:statements_statement_changelist")
    return [f"{changelist}?{urlencode({'q': q})}" if q else changelist]


def feed(url_name: str, slug: str | None = None) -> list[str]:
    return [reverse(url_name, args=[slug] if slug else [])]


def person(slug: str) -> str:
    return reverse("people:detail", args=[slug])


def event(slug: str) -> str:
    return reverse("events:detail", args=[slug])


def claim(slug: str) -> str:
    return reverse("claims:detail", args=[slug])


def position(slug: str) -> str:
    return reverse("claims:position", args=[slug])


# The permalink row asks for more ids than it makes requests: warm-up and timed requests each
# get their own statement.
PERMALINKS = 10_000

PAGES: list[Page] = [
    Page("home", lambda s: [reverse("statements:home")], LIST),
    Page("people A-Z", lambda s: [reverse("people:list")], LIST),
    Page("biggest speaker, first page", lambda s: [person(s.person)], TIMELINE),
    Page("biggest speaker, deepest page", lambda s: [s.deepest(person(s.person))], TIMELINE),
    Page("permalink, random published ids", lambda s: s.permalinks(PERMALINKS), PERMALINK),
    Page("biggest event, first page", lambda s: [event(s.event)], TIMELINE),
    Page("biggest event, deepest page", lambda s: [s.deepest(event(s.event))], TIMELINE),
    Page("all statements, first page", lambda s: [reverse("statements:list")], LIST),
    Page("tag + date range, first page", lambda s: [s.filtered_list], FILTERED_LIST),
    Page("tag + date range, 200 deep", lambda s: [s.older(s.filtered_list, 200)], FILTERED_LIST),
    Page("search common word, newest", lambda s: search(s.common_word, "newest"), SEARCH),
    Page("search common word, relevance", lambda s: search(s.common_word, "relevance"), SEARCH),
    Page("search rare word, newest", lambda s: search(s.rare_word, "newest"), SEARCH),
    Page("search rare word, relevance", lambda s: search(s.rare_word, "relevance"), SEARCH),
    Page("search phrase, newest", lambda s: search(s.phrase, "newest"), SEARCH),
    Page("search phrase, relevance", lambda s: search(s.phrase, "relevance"), SEARCH),
    Page("feed: latest, RSS", lambda s: feed("statements:feed-rss"), FEED),
    Page("feed: latest, Atom", lambda s: feed("statements:feed-atom"), FEED),
    Page("feed: person, RSS", lambda s: feed("statements:person-feed-rss", s.person), FEED),
    Page("feed: person, Atom", lambda s: feed("statements:person-feed-atom", s.person), FEED),
    Page("feed: event, RSS", lambda s: feed("statements:event-feed-rss", s.event), FEED),
    Page("feed: event, Atom", lambda s: feed("statements:event-feed-atom", s.event), FEED),
    Page("feed: tag, RSS", lambda s: feed("statements:tag-feed-rss", s.tag), FEED),
    Page("feed: tag, Atom", lambda s: feed("statements:tag-feed-atom", s.tag), FEED),
    Page("sitemap.xml", lambda s: [reverse("sitemap")], SITEMAP),
    Page("sitemap, a page beyond the first", lambda s: [s.sitemap_page()], SITEMAP),
    Page("admin: statements", lambda s: admin(), NO_TARGET, staff=True),
    Page("admin: search rare word", lambda s: admin(s.rare_word), ADMIN_SEARCH, staff=True),
    Page("admin: search common word", lambda s: admin(s.common_word), ADMIN_SEARCH, staff=True),
    Page("claims: list", lambda s: [reverse("claims:list")], LIST),
    Page("claims: list, deepest page", lambda s: [s.deepest(reverse("claims:list"))], LIST),
    Page("claims: biggest claim, first page", lambda s: [claim(s.claim)], LIST),
    Page("claims: biggest claim, deepest page", lambda s: [s.deepest(claim(s.claim))], LIST),
    Page("positions: biggest proposition", lambda s: [position(s.proposition)], LIST),
    Page("person with most claims (verdict tally)", lambda s: [person(s.claimant)], LIST),
    Page("feed: latest verdicts, RSS", lambda s: feed("claims:feed-rss"), FEED),
    # The JSON API: the same targets as the pages it mirrors.
    Page("api: statements, first page", lambda s: ["/api/statements/"], LIST),
    Page("api: statements, 200 deep", lambda s: [s.api_older("/api/statements/", 200)], LIST),
    Page(
        "api: biggest speaker's statements",
        lambda s: [f"/api/statements/?speaker={s.person}"],
        TIMELINE,
    ),
    Page(
        "api: statement, random published ids",
        lambda s: [
            url.replace("/statements/", "/api/statements/") for url in s.permalinks(PERMALINKS)
        ],
        PERMALINK,
    ),
    Page("api: people, first page", lambda s: ["/api/people/"], LIST),
    Page("api: claims, first page", lambda s: ["/api/claims/"], LIST),
]


@dataclass(frozen=True)
class Load:
    name: str
    paths: Callable[[Site], list[str]]


LOADS: list[Load] = [
    Load("permalinks, random published ids", lambda s: s.permalinks(PERMALINKS)),
    Load("person pages, random people", lambda s: s.random_people(5_000)),
    # A story breaks: everyone reads the same quote and its speaker's page.
    Load("breaking news: one permalink", lambda s: s.permalinks(1)),
    Load("breaking news: the biggest speaker's page", lambda s: [person(s.person)]),
]
