from django.urls import path, register_converter

from . import feeds, views


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
    path("", views.HomeView.as_view(), name="home"),
    path("statements/", views.StatementListView.as_view(), name="list"),
    path("statements/<statement_id:pk>/", views.StatementDetailView.as_view(), name="detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("feeds/statements.rss", feeds.LatestStatementsFeed(), name="feed-rss"),
    path("feeds/statements.atom", feeds.AtomLatestStatementsFeed(), name="feed-atom"),
    path("feeds/people/<slug:slug>.rss", feeds.PersonStatementsFeed(), name="person-feed-rss"),
    path(
        "feeds/people/<slug:slug>.atom", feeds.AtomPersonStatementsFeed(), name="person-feed-atom"
    ),
    path("feeds/events/<slug:slug>.rss", feeds.EventStatementsFeed(), name="event-feed-rss"),
    path("feeds/events/<slug:slug>.atom", feeds.AtomEventStatementsFeed(), name="event-feed-atom"),
    path("feeds/tags/<slug:slug>.rss", feeds.TagStatementsFeed(), name="tag-feed-rss"),
    path("feeds/tags/<slug:slug>.atom", feeds.AtomTagStatementsFeed(), name="tag-feed-atom"),
]
