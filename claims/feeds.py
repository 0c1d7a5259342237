"""RSS and Atom feeds of newly published verdicts: all of them, and per person."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html

from common.html import paragraphs_html
from people.models import Person

from .models import Claim, ClaimQuerySet

FEED_LENGTH = 30


class LatestVerdictsFeed(Feed):
    """Claims by the date their current verdict was published, newest first. Every text goes
    out escaped: feed readers render descriptions and RSS titles as HTML."""

    def as_title(self, text: str) -> str:
        flat = " ".join(text.split())
        return flat if issubclass(self.feed_type, Atom1Feed) else escape(flat)

    def title(self, obj: Person | None = None) -> str:
        return self.as_title("On Record: latest verdicts")

    def description(self, obj: Person | None = None) -> str:
        return self.as_title("Claims newly rated, newest first.")

    def subtitle(self, obj: Person | None = None) -> str:
        return self.description(obj)

    def link(self, obj: Person | None = None) -> str:
        return reverse("claims:list")

    def claims(self, obj: Person | None) -> ClaimQuerySet:
        return Claim.objects.published()

    def items(self, obj: Person | None = None) -> QuerySet[Claim]:
        claims = self.claims(obj).with_related()
        return claims.order_by("-verdict__published_at", "-id")[:FEED_LENGTH]

    def item_title(self, claim: Claim) -> str:
        assert claim.verdict is not None
        return self.as_title(f"{claim.verdict.get_rating_display()}: {claim.short_text}")

    def item_description(self, claim: Claim) -> str:
        assert claim.verdict is not None
        verdict = format_html("<p>Verdict: {}.</p>", claim.verdict.get_rating_display())
        return (
            format_html("<p>{}</p>", claim.text) + verdict + paragraphs_html(claim.verdict.finding)
        )

    def item_pubdate(self, claim: Claim) -> datetime.datetime | None:
        return claim.verdict.published_at if claim.verdict else None

    def item_categories(self, claim: Claim) -> list[str]:
        return [tag.name for tag in claim.tags.all()]


class PersonVerdictsFeed(LatestVerdictsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Person:
        return get_object_or_404(Person, slug=slug)

    def title(self, person: Person | None = None) -> str:
        assert person is not None
        return self.as_title(f"On Record: verdicts on claims by {person.name}")

    def description(self, person: Person | None = None) -> str:
        assert person is not None
        return self.as_title(f"Claims {person.name} made, newly rated, newest first.")

    def link(self, person: Person | None = None) -> str:
        assert person is not None
        return person.get_absolute_url()

    def claims(self, person: Person | None) -> ClaimQuerySet:
        assert person is not None
        return Claim.objects.published().made_by(person)


class AtomLatestVerdictsFeed(LatestVerdictsFeed):
    feed_type = Atom1Feed


class AtomPersonVerdictsFeed(PersonVerdictsFeed):
    feed_type = Atom1Feed
