import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Claim, Proposition


class ClaimSitemap(Sitemap):
    """Rated, published claims; a few per thousand statements, so Django's own paging."""

    changefreq = "weekly"
    limit = 5000

    def items(self) -> QuerySet[Claim]:
        return Claim.objects.published().only("slug", "rated_on").order_by("pk")

    def lastmod(self, claim: Claim) -> datetime.date | None:
        return claim.rated_on


class PropositionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Proposition]:
        return Proposition.objects.only("slug").order_by("pk")
