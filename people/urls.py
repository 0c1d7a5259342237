from django.urls import path

from common.cache import cached_page
from statements.caching import on_person, on_record

from . import views
from .redirects import follow_merged_slug

app_name = "people"
urlpatterns = [
    path("", cached_page(on_record)(views.PersonListView.as_view()), name="list"),
    path(
        "<slug:slug>/",
        follow_merged_slug(cached_page(on_person)(views.PersonDetailView.as_view())),
        name="detail",
    ),
    path(
        "<slug:slug>/export.<export_format:format>",
        follow_merged_slug(views.export_person),
        name="export",
    ),
]
