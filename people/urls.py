from django.urls import path

from common.cache import cached_page
from statements.caching import on_person, on_record

from . import views

app_name = "people"
urlpatterns = [
    path("", cached_page(on_record)(views.PersonListView.as_view()), name="list"),
    path("<slug:slug>/", cached_page(on_person)(views.PersonDetailView.as_view()), name="detail"),
]
