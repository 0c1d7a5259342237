from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps_views
from django.urls import include, path
from django.views.generic import TemplateView

from claims.sitemaps import ClaimSitemap, PropositionSitemap
from common.cache import cached_page
from common.sitemaps import NamedPagesSitemap
from common.views import healthz
from events.sitemaps import EventSitemap
from people.sitemaps import PersonSitemap
from statements.caching import on_record
from statements.sitemaps import StatementSitemap, TagSitemap

record_page = cached_page(on_record)

admin.site.site_header = "On Record — editors"
admin.site.site_title = "On Record admin"
admin.site.index_title = "The record"

# sitemap.xml: every public page a search engine should know; retracted and draft never.
SITEMAPS = {
    "pages": NamedPagesSitemap(
        [
            "statements:home",
            "statements:list",
            "people:list",
            "events:list",
            "claims:list",
            "claims:positions",
        ]
    ),
    "statements": StatementSitemap,
    "people": PersonSitemap,
    "events": EventSitemap,
    "tags": TagSitemap,
    "claims": ClaimSitemap,
    "positions": PropositionSitemap,
}

handler404 = "common.views.page_not_found"
handler500 = "common.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("people/", include("people.urls")),
    path("events/", include("events.urls")),
    path("", include("claims.urls")),
    path("", include("statements.urls")),
    # An index of sections, each in pages (?p=2): the statements section is paged by id range.
    path("sitemap.xml", record_page(sitemaps_views.index), {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        record_page(sitemaps_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
