"""sitemap.xml: every public page a search engine should know; retracted and draft never."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse
from taggit.models import Tag

from events.models import Event
from people.models import Person

from .models import Statement, public_tags


class StatementSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self) -> QuerySet[Statement]:
        return Statement.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, statement: Statement):
        return statement.updated_at


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Person]:
        return Person.objects.only("slug").order_by("pk")


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Event]:
        return Event.objects.only("slug").order_by("pk")


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Tag]:
        return public_tags().order_by("pk")

    def location(self, tag: Tag) -> str:
        return reverse("statements:tag", args=[tag.slug])


class IndexPageSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return ["statements:home", "statements:list", "people:list", "events:list"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": IndexPageSitemap,
    "statements": StatementSitemap,
    "people": PersonSitemap,
    "events": EventSitemap,
    "tags": TagSitemap,
}
