from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from statements.sitemaps import SITEMAPS

admin.site.site_header = "On Record — editors"
admin.site.site_title = "On Record admin"
admin.site.index_title = "The record"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("people/", include("people.urls")),
    path("events/", include("events.urls")),
    path("", include("statements.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
