"""The one filter form for lists of statements: by date range, speaker, event, tag, kind, outlet."""

from typing import Any

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from taggit.models import Tag

from events.models import Event
from people.models import Organization, Person

from .models import Statement


class DateInput(forms.DateInput):
    """A native date picker; its value travels as an ISO date, which every locale parses."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class StatementFilter(django_filters.FilterSet):
    """Filters any scope of published statements (everything, one person's, one tag's).

    Each choice list offers only what occurs in the scope, so a person's page lists the events
    and tags that person spoke about, and no list names anything only a draft mentions.
    Invalid values (a malformed date, an unknown slug) become form errors and are ignored.
    """

    said_from = django_filters.DateFilter(
        field_name="said_on", lookup_expr="gte", label="From", widget=DateInput
    )
    said_to = django_filters.DateFilter(
        field_name="said_on", lookup_expr="lte", label="To", widget=DateInput
    )
    speaker = django_filters.ModelChoiceFilter(
        queryset=Person.objects.none(), to_field_name="slug", label="Speaker", empty_label="Anyone"
    )
    event = django_filters.ModelChoiceFilter(
        field_name="events",
        label="Event",
        queryset=Event.objects.none(),
        to_field_name="slug",
        empty_label="Any event",
    )
    tag = django_filters.ModelChoiceFilter(
        field_name="tags",
        label="Tag",
        queryset=Tag.objects.none(),
        to_field_name="slug",
        empty_label="Any tag",
    )
    kind = django_filters.ChoiceFilter(
        choices=Statement.Kind.choices, label="Kind", empty_label="Any kind"
    )
    outlet = django_filters.ModelChoiceFilter(
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
        **kwargs: Any,
    ) -> None:
        super().__init__(data, queryset, **kwargs)
        for name in without:
            del self.filters[name]
        in_scope = self.queryset
        choices = {
            "speaker": Person.objects.filter(Exists(in_scope.filter(speaker=OuterRef("pk")))),
            "event": Event.objects.filter(Exists(in_scope.filter(events=OuterRef("pk")))),
            "tag": Tag.objects.filter(Exists(in_scope.filter(tags=OuterRef("pk")))).order_by(
                "name"
            ),
            "outlet": Organization.objects.filter(
                Exists(in_scope.filter(source__outlet=OuterRef("pk")))
            ),
        }
        for name, queryset_in_scope in choices.items():
            if name in self.filters:
                self.filters[name].queryset = queryset_in_scope

    @property
    def is_filtering(self) -> bool:
        """Whether any filter was applied (valid or not), so the page can offer to clear them."""
        return any(self.data.get(name) for name in self.filters)
