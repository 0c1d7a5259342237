from django.urls import path

from common.cache import cached_page
from statements.caching import on_event, on_record

from . import views

app_name = "events"
urlpatterns = [
    path("", cached_page(on_record)(views.EventListView.as_view()), name="list"),
    path("<slug:slug>/", cached_page(on_event)(views.EventDetailView.as_view()), name="detail"),
]
