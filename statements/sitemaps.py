import datetime

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


class TagSitemap(IdRangeSitemap):
    """Public tags, paged by id range too: counting the tags that have a published statement
    joins every tag row in the archive, and the index would do it on every request."""

    changefreq = "weekly"

    def items(self) -> QuerySet[Tag]:
        return public_tags().order_by("pk")

    def location(self, tag: Tag) -> str:
        return reverse("statements:tag", args=[tag.slug])
