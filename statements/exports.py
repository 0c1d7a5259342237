"""The statements of a list as rows for a download (common/exports.py): the same filters and
search as the page, every matching statement, newest first (or oldest, as asked)."""

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest

from .filters import StatementFilter
from .forms import Sort, StatementListOptions
from .models import Statement, StatementQuerySet
from .ordering import NEWEST_FIRST, OLDEST_FIRST

COLUMNS = [
    "id",
    "url",
    "said_on",
    "said_at",
    "speaker",
    "speaker_slug",
    "role",
    "organization",
    "attribution",
    "kind",
    "text",
    "context",
    "outlet",
    "source",
    "source_url",
    "archive_url",
    "medium",
    "events",
    "tags",
]
CHUNK = 2000  # rows read from the database at a time (and prefetched for)


def exported_statements(scope: StatementQuerySet, request: HttpRequest) -> StatementQuerySet:
    """`scope` narrowed by the request's filters and search, in the export's order. A search
    sorted by relevance on the page is exported newest first: relevance ranks a bounded set of
    candidates, and an export is every match."""
    filterset = StatementFilter(request.GET, queryset=scope)
    options = StatementListOptions(request.GET)
    statements = filterset.qs
    if options.search_text:
        statements = statements.search(options.search_text)
    order = OLDEST_FIRST if options.ordering == Sort.OLDEST else NEWEST_FIRST
    return statements.with_related().order_by(*order.order_by())


def statement_rows(statements: StatementQuerySet, request: HttpRequest) -> Iterator[dict[str, Any]]:
    for statement in statements.iterator(chunk_size=CHUNK):
        yield row(statement, request)


def row(statement: Statement, request: HttpRequest) -> dict[str, Any]:
    source = statement.source
    role = statement.role
    return {
        "id": statement.pk,
        "url": request.build_absolute_uri(statement.get_absolute_url()),
        "said_on": statement.said_on.isoformat(),
        "said_at": statement.said_at.isoformat() if statement.said_at else None,
        "speaker": statement.speaker_name,
        "speaker_slug": statement.speaker.slug if statement.speaker else None,
        "role": role.display_label if role else None,
        "organization": (
            role.organization.name
            if role
            else (statement.organization.name if statement.organization else None)
        ),
        "attribution": statement.attribution or None,
        "kind": statement.kind,
        "text": statement.text,
        "context": statement.context or None,
        "outlet": source.outlet.name,
        "source": source.title,
        "source_url": source.url or None,
        "archive_url": source.archive_url or None,
        "medium": source.medium,
        "events": "; ".join(
            e.title for e in sorted(statement.events.all(), key=lambda e: (e.start_date, e.title))
        ),
        "tags": "; ".join(sorted(tag.name for tag in statement.tags.all())),
    }
