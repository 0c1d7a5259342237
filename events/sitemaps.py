from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Event


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Event]:
        return Event.objects.only("slug").order_by("pk")
