from django.urls import path

from common.cache import cached_page
from people.redirects import follow_merged_slug
from statements.caching import on_record

from . import feeds, views

record_page = cached_page(on_record)


app_name = "claims"
urlpatterns = [
    path("claims/", record_page(views.ClaimListView.as_view()), name="list"),
    path("claims/export.<export_format:format>", views.export_claims, name="export"),
    path("claims/feed/rss/", record_page(feeds.LatestVerdictsFeed()), name="feed-rss"),
    path("claims/feed/atom/", record_page(feeds.AtomLatestVerdictsFeed()), name="feed-atom"),
    path(
        "claims/by/<slug:slug>/feed/rss/",
        follow_merged_slug(record_page(feeds.PersonVerdictsFeed())),
        name="person-feed-rss",
    ),
    path(
        "claims/by/<slug:slug>/feed/atom/",
        follow_merged_slug(record_page(feeds.AtomPersonVerdictsFeed())),
        name="person-feed-atom",
    ),
    path("claims/<slug:slug>/", record_page(views.ClaimDetailView.as_view()), name="detail"),
    path("positions/", record_page(views.PropositionListView.as_view()), name="positions"),
    path(
        "positions/<slug:slug>/",
        record_page(views.PropositionDetailView.as_view()),
        name="position",
    ),
]
