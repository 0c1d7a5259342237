from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "On Record — editors"
admin.site.site_title = "On Record admin"
admin.site.index_title = "The record"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("people/", include("people.urls")),
    path("events/", include("events.urls")),
    path("", include("statements.urls")),
]
