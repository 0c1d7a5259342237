import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse
from taggit.models import Tag

from common.sitemaps import IdRangeSitemap

from .models import Statement, public_tags


class StatementSitemap(IdRangeSitemap):
    """Every published statement, in pages of 1,000 ids listed by the sitemap index."""

    changefreq = "monthly"

    def items(self) -> QuerySet[Statement]:
        return Statement.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, statement: Statement) -> datetime.datetime:
        return statement.updated_at


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Tag]:
        return public_tags().order_by("pk")

    def location(self, tag: Tag) -> str:
        return reverse("statements:tag", args=[tag.slug])
