from django.urls import include, path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import popolo, views

router = DefaultRouter(trailing_slash=True)
router.register("people", views.PersonViewSet, basename="person")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("sources", views.SourceViewSet, basename="source")
router.register("events", views.EventViewSet, basename="event")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("propositions", views.PropositionViewSet, basename="proposition")
router.register("stances", views.StanceViewSet, basename="stance")
router.register("corrections", views.CorrectionViewSet, basename="correction")

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("popolo.json", popolo.popolo, name="popolo"),
    path("docs/", TemplateView.as_view(template_name="api/docs.html"), name="docs"),
    path("", include(router.urls)),
]
