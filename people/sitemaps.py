from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Person


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Person]:
        return Person.objects.only("slug").order_by("pk")
