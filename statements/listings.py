"""Querysets the public pages share that the models do not (yet) provide."""

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from taggit.models import Tag

from events.models import Event

from .models import Statement

PUBLISHED = Q(statements__status=Statement.Status.PUBLISHED)


def public_tags() -> QuerySet[Tag]:
    """Tags on at least one published statement; a tag only drafts carry is not public yet."""
    return Tag.objects.filter(Exists(Statement.objects.published().filter(tags=OuterRef("pk"))))


def most_used_tags(limit: int) -> list[Tag]:
    """The tags on most published statements, alphabetically, each with `statement_count`."""
    tagged = "statements_taggedstatement_items"
    tags = (
        Tag.objects.annotate(
            statement_count=Count(
                tagged,
                filter=Q(**{f"{tagged}__content_object__status": Statement.Status.PUBLISHED}),
            )
        )
        .filter(statement_count__gt=0)
        .order_by("-statement_count", "name")[:limit]
    )
    return sorted(tags, key=lambda tag: tag.name.casefold())


def with_statement_counts(queryset: QuerySet) -> QuerySet:
    """People or events, each with `statement_count`: how many published statements name it."""
    return queryset.annotate(statement_count=Count("statements", filter=PUBLISHED))


def events_in_the_news(limit: int) -> QuerySet[Event]:
    """Events with the most recently said published statements, with their statement counts."""
    return (
        with_statement_counts(Event.objects.all())
        .annotate(latest_said_on=Max("statements__said_on", filter=PUBLISHED))
        .filter(statement_count__gt=0)
        .order_by("-latest_said_on", "title")[:limit]
    )
