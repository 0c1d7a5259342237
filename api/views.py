"""The read-only JSON API: the public record, by the same QuerySets and filters as the pages.

Every queryset starts from a `published()` method (or, for a statement's own resource, the
states whose permalink is public), so nothing unpublished can be listed by construction.
"""

import datetime
import re
from typing import Any, cast

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from claims.filters import ClaimFilter
from claims.models import Claim, ClaimQuerySet, Proposition, Stance
from claims.ordering import NEWEST_RATED
from common.pagination import KeysetOrder
from events.models import Event
from people.models import Organization, Person, Role
from statements.filters import StatementFilter
from statements.forms import StatementListOptions
from statements.models import Correction, Source, Statement, StatementQuerySet
from statements.ordering import LATEST_NOTES
from statements.views import searched_and_ordered
from statements.workflow import PERMALINK_STATES

from . import serializers

A_TO_Z = KeysetOrder("sort_name", descending=False, parse_key=str)
BY_NAME = KeysetOrder("name", descending=False, parse_key=str)
BY_TITLE = KeysetOrder("title", descending=False, parse_key=str)
BY_QUESTION = KeysetOrder("question", descending=False, parse_key=str)
NEWEST_EVENTS = KeysetOrder("start_date", descending=True, parse_key=datetime.date.fromisoformat)
NEWEST_SOURCES = KeysetOrder("published_on", descending=True, parse_key=datetime.date.fromisoformat)
BY_ID = KeysetOrder("id", descending=False, parse_key=int)


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    keyset_order: KeysetOrder = BY_ID

    def get_keyset_order(self) -> KeysetOrder:
        return self.keyset_order


class PersonViewSet(ReadOnly):
    """People on the record, A-Z, with their other names, roles over time and links."""

    serializer_class = serializers.PersonSerializer
    lookup_field = "slug"
    keyset_order = A_TO_Z

    def get_queryset(self) -> QuerySet[Person]:
        roles = Prefetch(
            "roles", queryset=Role.objects.select_related("organization").order_by("-start_date")
        )
        # The stubs do not take a custom QuerySet in a Prefetch here.
        return Person.objects.prefetch_related(roles, "other_names", "links")  # type: ignore[arg-type]


class OrganizationViewSet(ReadOnly):
    serializer_class = serializers.OrganizationSerializer
    lookup_field = "slug"
    keyset_order = BY_NAME
    queryset = Organization.objects.all()


class SourceViewSet(ReadOnly):
    """Where published statements were said: newest first. A source only drafts rest on (an
    article being imported) is not public yet."""

    serializer_class = serializers.SourceSerializer
    keyset_order = NEWEST_SOURCES

    def get_queryset(self) -> QuerySet[Source]:
        published = Statement.objects.published().filter(source=OuterRef("pk"))
        return Source.objects.filter(Exists(published)).select_related("outlet")


class EventViewSet(ReadOnly):
    """Events, most recent first, with their parent and children."""

    serializer_class = serializers.EventSerializer
    lookup_field = "slug"
    keyset_order = NEWEST_EVENTS
    queryset = Event.objects.select_related("parent").prefetch_related("children")


SEARCH_PARAMETERS = [
    OpenApiParameter("q", str, description="Full-text search, web-search syntax."),
    OpenApiParameter(
        "sort",
        str,
        enum=["newest", "oldest", "relevance"],
        description="Newest first unless searching (then relevance).",
    ),
]


@extend_schema_view(list=extend_schema(parameters=SEARCH_PARAMETERS))
class StatementViewSet(ReadOnly):
    """Published statements, filtered (the site's filters), searched and ordered as on
    /statements/; a statement's own resource also answers for a retracted or withheld one,
    with its notice (and, withheld, without its words)."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = StatementFilter

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return serializers.StatementDetailSerializer
        return serializers.StatementSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return super().get_serializer_context() | {"detail": self.action == "retrieve"}

    def get_queryset(self) -> QuerySet[Statement]:
        if self.action == "retrieve":
            reported_in = Source.objects.select_related("outlet")
            return (
                Statement.objects.filter(status__in=PERMALINK_STATES)
                .with_related()
                .prefetch_related(Prefetch("reported_in", queryset=reported_in))
            )
        return Statement.objects.published()

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        if self.action != "list":
            return queryset
        options = StatementListOptions(self.request.query_params)
        statements, self._order = searched_and_ordered(cast(StatementQuerySet, queryset), options)
        return statements.with_related()

    def get_keyset_order(self) -> KeysetOrder:
        return self._order

    def get_object(self) -> Statement:
        # The id converter of the site: digits only and within the database's bigint.
        value = str(self.kwargs.get("pk", ""))
        if not value.isdigit() or len(value) > 18:
            raise Http404("No statement found.")
        return super().get_object()


class ClaimFilterForTheSchema(ClaimFilter):
    """The site's claim filter, saying for the schema that `person` is a person's slug."""

    @extend_schema_field(OpenApiTypes.STR)
    def filter_person(self, queryset: ClaimQuerySet, name: str, person: Person) -> QuerySet:
        return super().filter_person(queryset, name, person)


@extend_schema_view(list=extend_schema(parameters=SEARCH_PARAMETERS[:1]))
class ClaimViewSet(ReadOnly):
    """Public claims (published, with a published verdict), newest verdict first, with the
    site's claim filters."""

    lookup_field = "slug"
    keyset_order = NEWEST_RATED
    filter_backends = [DjangoFilterBackend]
    filterset_class = ClaimFilterForTheSchema

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return serializers.ClaimDetailSerializer
        return serializers.ClaimSerializer

    def get_queryset(self) -> QuerySet[Claim]:
        claims = (
            Claim.objects.published().with_related().prefetch_related("verdict__evidence__outlet")
        )
        if self.action == "retrieve":
            claims = claims.prefetch_related("corrections", "events")
        return claims

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        q = self.request.query_params.get("q", "").strip()
        if self.action == "list" and q:
            queryset = cast(ClaimQuerySet, queryset).search(q[:200])
        return queryset


class PropositionViewSet(ReadOnly):
    serializer_class = serializers.PropositionSerializer
    lookup_field = "slug"
    keyset_order = BY_QUESTION
    queryset = Proposition.objects.all()


@extend_schema_view(
    list=extend_schema(
        parameters=[OpenApiParameter("proposition", str, description="A proposition's slug.")]
    )
)
class StanceViewSet(ReadOnly):
    """Stances taken by published statements, oldest first; `?proposition=` one question's."""

    serializer_class = serializers.StanceSerializer
    queryset = Stance.objects.published().select_related("proposition", "statement__speaker")

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        slug = self.request.query_params.get("proposition")
        if slug is not None:
            # Only what could be a slug is looked up (PostgreSQL refuses a NUL in a query).
            could_be = re.fullmatch(r"[-\w]{1,100}", slug) is not None
            if not could_be or not Proposition.objects.filter(slug=slug).exists():
                raise ValidationError({"proposition": f"No proposition “{slug[:100]}”."})
            queryset = queryset.filter(proposition__slug=slug)
        return queryset


class CorrectionViewSet(ReadOnly):
    """Public corrections, retractions and restorations, newest first (as /corrections/)."""

    serializer_class = serializers.CorrectionSerializer
    keyset_order = LATEST_NOTES
    queryset = Correction.objects.public()
