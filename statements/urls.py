from django.urls import path, register_converter

from common.cache import cached_page
from people.redirects import follow_merged_slug

from . import feeds, views
from .caching import on_record, on_statement

record_page = cached_page(on_record)


class StatementIdConverter:
    """A positive id that fits the database's bigint, so an absurd id is a 404, not a crash."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(StatementIdConverter, "statement_id")

app_name = "statements"
urlpatterns = [
    path("", record_page(views.HomeView.as_view()), name="home"),
    path("statements/", record_page(views.StatementListView.as_view()), name="list"),
    path(
        "statements/<statement_id:pk>/",
        cached_page(on_statement)(views.StatementDetailView.as_view()),
        name="detail",
    ),
    path("search/", record_page(views.SearchView.as_view()), name="search"),
    path("statements/export.<export_format:format>", views.export_statements, name="export"),
    path("tags/<slug:slug>/", record_page(views.TagDetailView.as_view()), name="tag"),
    path("corrections/", record_page(views.CorrectionListView.as_view()), name="corrections"),
    path("feeds/corrections.rss", record_page(feeds.CorrectionsFeed()), name="corrections-rss"),
    path(
        "feeds/corrections.atom",
        record_page(feeds.AtomCorrectionsFeed()),
        name="corrections-atom",
    ),
    path("feeds/statements.rss", record_page(feeds.LatestStatementsFeed()), name="feed-rss"),
    path("feeds/statements.atom", record_page(feeds.AtomLatestStatementsFeed()), name="feed-atom"),
    path(
        "feeds/people/<slug:slug>.rss",
        follow_merged_slug(record_page(feeds.PersonStatementsFeed())),
        name="person-feed-rss",
    ),
    path(
        "feeds/people/<slug:slug>.atom",
        follow_merged_slug(record_page(feeds.AtomPersonStatementsFeed())),
        name="person-feed-atom",
    ),
    path(
        "feeds/events/<slug:slug>.rss",
        record_page(feeds.EventStatementsFeed()),
        name="event-feed-rss",
    ),
    path(
        "feeds/events/<slug:slug>.atom",
        record_page(feeds.AtomEventStatementsFeed()),
        name="event-feed-atom",
    ),
    path("feeds/tags/<slug:slug>.rss", record_page(feeds.TagStatementsFeed()), name="tag-feed-rss"),
    path(
        "feeds/tags/<slug:slug>.atom",
        record_page(feeds.AtomTagStatementsFeed()),
        name="tag-feed-atom",
    ),
]
