"""The one filter form for lists of statements: by date range, speaker, event, tag, kind, outlet."""

import re
from functools import partial
from typing import Any, TypeVar

import django_filters
from django import forms
from django.db.models import Count, Exists, Model, OuterRef, QuerySet
from taggit.models import Tag

from common.filters import OfferedChoiceFilter
from events.models import Event
from people.models import Organization, Person

from .models import Statement, public_tags


class DateInput(forms.DateInput):
    """A native date picker; its value travels as an ISO date, which every locale parses."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


# A filter offers at most FACETS_OFFERED speakers, events, tags or outlets: the most frequent
# among the scope's FACET_WINDOW latest statements, a bounded cost whatever the archive's size.
FACETS_OFFERED = 50
FACET_WINDOW = 250

M = TypeVar("M", bound=Model)


class StatementFilter(django_filters.FilterSet):
    """Filters any scope of published statements (everything, one person's, one tag's).

    Each choice list offers the speakers, events, tags and outlets most frequent among the
    scope's latest statements (a person's page lists the events and tags that person spoke
    about lately), and accepts any public one by its slug; no list names anything only a draft
    mentions.
    Invalid values (a malformed date, an unknown slug) become form errors and are ignored.
    """

    said_from = django_filters.DateFilter(
        field_name="said_on", lookup_expr="gte", label="From", widget=DateInput
    )
    said_to = django_filters.DateFilter(
        field_name="said_on", lookup_expr="lte", label="To", widget=DateInput
    )
    speaker = OfferedChoiceFilter(
        queryset=Person.objects.none(), to_field_name="slug", label="Speaker", empty_label="Anyone"
    )
    event = OfferedChoiceFilter(
        field_name="events",
        label="Event",
        queryset=Event.objects.none(),
        to_field_name="slug",
        empty_label="Any event",
    )
    tag = OfferedChoiceFilter(
        field_name="tags",
        label="Tag",
        queryset=Tag.objects.none(),
        to_field_name="slug",
        empty_label="Any tag",
    )
    kind = django_filters.ChoiceFilter(
        choices=Statement.Kind.choices, label="Kind", empty_label="Any kind"
    )
    outlet = OfferedChoiceFilter(
        field_name="source__outlet",
        label="Outlet",
        queryset=Organization.objects.none(),
        to_field_name="slug",
        empty_label="Any outlet",
    )

    class Meta:
        model = Statement
        fields = ["said_from", "said_to", "speaker", "event", "tag", "kind", "outlet"]

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet | None = None,
        *,
        without: tuple[str, ...] = (),
        window: QuerySet[Statement] | None = None,
        **kwargs: Any,
    ) -> None:
        """`window`: the scope's latest statements, when the page has a quicker way to them
        than `queryset.most_recent(FACET_WINDOW)` (an event's, from its links)."""
        super().__init__(data, queryset, **kwargs)
        for name in without:
            del self.filters[name]
        # What a select offers: the most frequent among the scope's latest statements. What it
        # accepts: anything public, looked up by its slug.
        latest = self.queryset.most_recent(FACET_WINDOW) if window is None else window
        window_ids = latest.values("pk")
        published = Statement.objects.published()
        facets = {
            "speaker": (
                Person.objects.all(),
                Person.objects.filter(statements__in=window_ids),
                "statements",
            ),
            "event": (
                Event.objects.all(),
                Event.objects.filter(statements__in=window_ids),
                "statements",
            ),
            "tag": (
                public_tags(),
                Tag.objects.filter(statements_taggedstatement_items__content_object__in=window_ids),
                "statements_taggedstatement_items",
            ),
            "outlet": (
                Organization.objects.filter(
                    Exists(published.filter(source__outlet=OuterRef("pk")))
                ),
                Organization.objects.filter(sources__statements__in=window_ids),
                "sources__statements",
            ),
        }
        for name, (accepted, in_window, through) in facets.items():
            if name in self.filters:
                self.filters[name].queryset = accepted
                self.filters[name].extra["offered"] = partial(
                    most_frequent, in_window, through, accepted, self.data.get(name)
                )

    @property
    def is_filtering(self) -> bool:
        """Whether any filter was applied (valid or not), so the page can offer to clear them."""
        return any(self.data.get(name) for name in self.filters)


def most_frequent(
    in_window: QuerySet[M],
    through: str,
    accepted: QuerySet[M] | None = None,
    chosen: str | None = None,
    limit: int = FACETS_OFFERED,
) -> list[M]:
    """The `limit` rows most frequent in the window, alphabetically, and the chosen one (looked
    up in `accepted`) if it is not among them: two queries at most, each bounded by the window."""
    top = list(in_window.annotate(uses=Count(through)).order_by("-uses", "pk")[:limit])
    # Only something that could be a slug is looked up: the value is what the reader sent.
    looks_like_a_slug = bool(chosen) and re.fullmatch(r"[-\w]{1,250}", chosen or "") is not None
    offered = {getattr(row, "slug", None) for row in top}
    if accepted is not None and looks_like_a_slug and chosen not in offered:
        top += list(accepted.filter(slug=chosen)[:1])
    return sorted(top, key=lambda row: str(row).casefold())
