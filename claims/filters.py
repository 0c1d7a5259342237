"""The filter form of /claims/: by verdict, speaker, event, tag and the date of the verdict."""

from functools import partial
from typing import Any

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from taggit.models import Tag

from common.filters import OfferedChoiceFilter
from events.models import Event
from people.models import Person
from statements.filters import FACET_WINDOW, DateInput, most_frequent
from statements.models import Statement

from .models import Claim, ClaimQuerySet, Rating, TaggedClaim


def public_claim_tags() -> QuerySet[Tag]:
    """Tags on at least one public claim."""
    tagged = TaggedClaim.objects.filter(
        tag=OuterRef("pk"), content_object__in=Claim.objects.published()
    )
    return Tag.objects.filter(Exists(tagged))


FACET_STATEMENTS = 1000


class ClaimFilter(django_filters.FilterSet):
    """Filters public claims. Each choice list offers what is most frequent among the latest
    rated claims (a bounded window) and accepts any public value by its slug."""

    verdict = django_filters.ChoiceFilter(
        field_name="verdict__rating",
        choices=Rating.choices,
        label="Verdict",
        empty_label="Any verdict",
    )
    person = OfferedChoiceFilter(
        method="filter_person",
        queryset=Person.objects.all(),
        to_field_name="slug",
        label="Said by",
        empty_label="Anyone",
    )
    event = OfferedChoiceFilter(
        field_name="events",
        queryset=Event.objects.all(),
        to_field_name="slug",
        label="Event",
        empty_label="Any event",
    )
    tag = OfferedChoiceFilter(
        field_name="tags",
        queryset=Tag.objects.none(),
        to_field_name="slug",
        label="Tag",
        empty_label="Any tag",
    )
    rated_from = django_filters.DateFilter(
        field_name="rated_on", lookup_expr="gte", label="Rated from", widget=DateInput
    )
    rated_to = django_filters.DateFilter(
        field_name="rated_on", lookup_expr="lte", label="Rated to", widget=DateInput
    )

    class Meta:
        model = Claim
        fields = ["verdict", "person", "event", "tag", "rated_from", "rated_to"]

    def __init__(self, data: Any = None, queryset: QuerySet | None = None, **kwargs: Any) -> None:
        super().__init__(data, queryset, **kwargs)
        window = self.queryset.order_by("-rated_on", "-id")[:FACET_WINDOW].values("pk")
        published = Statement.Status.PUBLISHED
        # The statements making those claims, no more than a bounded number: one claim may
        # be repeated by thousands.
        making = Claim.statements.through.objects.filter(claim__in=window).values("statement_id")
        facets = {
            "person": (
                Person.objects.filter(
                    statements__in=making[:FACET_STATEMENTS], statements__status=published
                ),
                "statements",
            ),
            "event": (Event.objects.filter(claims__in=window), "claims"),
            "tag": (
                Tag.objects.filter(claims_taggedclaim_items__content_object__in=window),
                "claims_taggedclaim_items",
            ),
        }
        self.filters["tag"].queryset = public_claim_tags()
        for name, (in_window, through) in facets.items():
            accepted = self.filters[name].queryset
            self.filters[name].extra["offered"] = partial(
                most_frequent, in_window, through, accepted, self.data.get(name)
            )

    def filter_person(self, queryset: ClaimQuerySet, name: str, person: Person) -> QuerySet:
        return queryset.made_by(person)

    @property
    def is_filtering(self) -> bool:
        return any(self.data.get(name) for name in self.filters)
