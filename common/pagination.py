"""Pagination. Keyset ("newer/older") for unbounded lists, so page 500 costs what page 1 does;
and, for short lists, a numbered page that forgives a bad `?page=`.

A keyset page is addressed by the sort key of the row before it (`?after=`) or after it
(`?before=`), never by an offset. The cursor is readable, e.g. `2021-03-14_42`: the key, then
the id.
"""

import datetime
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import F, Lookup, QuerySet

# Row-value comparisons; Django's own, written for composite primary keys (5.2).
from django.db.models.fields.tuple_lookups import (  # type: ignore[import-untyped]
    Tuple,
    TupleGreaterThan,
    TupleLessThan,
)
from django.http import HttpRequest
from django.views.generic.list import MultipleObjectMixin

MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class KeysetOrder:
    """A total order on a queryset: one key column, then the id, both in the same direction."""

    key: str
    descending: bool
    parse_key: Callable[[str], Any]
    # Computes `key` when it is not a column. Set it so that it reads back exactly as compared.
    key_expression: Any = None

    def order_by(self, reverse: bool = False) -> list[str]:
        descending = self.descending != reverse
        prefix = "-" if descending else ""
        return [f"{prefix}{self.key}", f"{prefix}id"]

    def beyond(self, key: Any, pk: int, reverse: bool = False) -> Lookup:
        """Rows strictly past (key, pk) in this order (or before it when `reverse`).

        A row-value comparison, `(key, id) < (%s, %s)`, which PostgreSQL reads as a range of an
        index on (key, id) in this order: page 500 starts where page 499 ended instead of
        filtering every row before it. (SQLite gets the equivalent OR.)
        """
        comparison = TupleLessThan if self.descending != reverse else TupleGreaterThan
        return comparison(Tuple(F(self.key), F("id")), (key, pk))

    def cursor_for(self, row: Any) -> str:
        key = getattr(row, self.key)
        if isinstance(key, datetime.date):
            text = key.isoformat()
        elif isinstance(key, str):
            text = key  # read back up to the last "_", so the key may hold one itself
        else:
            text = repr(key)
        return f"{text}_{row.pk}"

    def parse_cursor(self, cursor: str) -> tuple[Any, int] | None:
        """(key, id) from a cursor, or None when it is garbled in any way."""
        key_text, _, pk_text = cursor.rpartition("_")
        try:
            key = self.parse_key(key_text)
            pk = int(pk_text)
        except (TypeError, ValueError, OverflowError):
            return None
        if not 0 < pk <= MAX_ID:
            return None
        if isinstance(key, str) and "\x00" in key:  # no text column holds one (PostgreSQL)
            return None
        return key, pk


def parse_finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


@dataclass(frozen=True)
class KeysetPage:
    items: Sequence
    earlier_cursor: str | None  # for the link back towards the first page
    later_cursor: str | None  # for the link onwards

    @property
    def has_other_pages(self) -> bool:
        return bool(self.earlier_cursor or self.later_cursor)


def keyset_page(
    queryset: QuerySet,
    order: KeysetOrder,
    *,
    after: str | None,
    before: str | None,
    per_page: int,
) -> KeysetPage | None:
    """The page after (or before) a cursor; the first page without one.

    Returns None when a cursor was given but is garbled or leads past either end, so the view
    can send the reader to the first page. Costs two queries: the page and a look one row
    beyond the other end.
    """
    going_back = bool(before) and not after
    cursor = before if going_back else after
    position = order.parse_cursor(cursor) if cursor else None
    if cursor and position is None:
        return None

    if order.key_expression is not None:
        queryset = queryset.annotate(**{order.key: order.key_expression})
    rows = queryset.order_by(*order.order_by(reverse=going_back))
    if position:
        rows = rows.filter(order.beyond(*position, reverse=going_back))
    items = list(rows[: per_page + 1])
    more_this_way = len(items) > per_page
    items = items[:per_page]
    if going_back:
        items.reverse()
    if not items:
        return None if cursor else KeysetPage([], None, None)

    first, last = items[0], items[-1]

    def any_beyond(row: Any, reverse: bool) -> bool:
        key = getattr(row, order.key)
        return queryset.filter(order.beyond(key, row.pk, reverse=reverse)).order_by().exists()

    if going_back:
        more_earlier, more_later = more_this_way, any_beyond(last, reverse=False)
    else:
        more_earlier, more_later = bool(position) and any_beyond(first, reverse=True), more_this_way
    return KeysetPage(
        items,
        earlier_cursor=order.cursor_for(first) if more_earlier else None,
        later_cursor=order.cursor_for(last) if more_later else None,
    )


if TYPE_CHECKING:
    _ListView = MultipleObjectMixin
else:
    _ListView = object


def first_page_url(request: HttpRequest) -> str:
    """The page the reader asked for, from its start: the same filters, no cursor."""
    params = request.GET.copy()
    params.pop("after", None)
    params.pop("before", None)
    return f"{request.path}?{params.urlencode()}" if params else request.path


class NearestPageMixin(_ListView):
    """For a ListView: a malformed or out-of-range `?page=` shows the nearest page."""

    request: HttpRequest

    def paginate_queryset(self, queryset: Any, page_size: int) -> tuple[Any, Any, Any, bool]:
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()


# Counts shown to readers stop here ("1,000+"): no count reads more index entries than this.
COUNT_CAP = 1000


@dataclass(frozen=True)
class CappedCount:
    """How many rows there are, counted no further than `cap`: "1,000+" past it, so a count
    never costs more than reading `cap` index entries."""

    value: int
    cap: int

    @property
    def exceeds_cap(self) -> bool:
        return self.value > self.cap

    def __str__(self) -> str:
        return f"{self.cap:,}+" if self.exceeds_cap else f"{self.value:,}"

    def __bool__(self) -> bool:
        return self.value > 0


def capped_count(queryset: QuerySet, cap: int = COUNT_CAP) -> CappedCount:
    """Count `queryset` up to `cap` (one query reading at most cap + 1 ids)."""
    return CappedCount(queryset.order_by().values("pk")[: cap + 1].count(), cap)


class EstimatedCountPaginator(Paginator):
    """For the admin's biggest tables: the whole table's size is PostgreSQL's own estimate
    (pg_class.reltuples, kept by ANALYZE), and a filtered list is counted to `COUNT_CAP` at
    most, so a list page never counts a million rows. Past the cap, narrow the list."""

    COUNT_CAP = 10_000

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return len(queryset)
        connection = connections[queryset.db]
        if connection.vendor == "postgresql" and not queryset.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [queryset.model._meta.db_table],
                )
                row = cursor.fetchone()
            if row and row[0] > self.COUNT_CAP:
                return int(row[0])
        return min(capped_count(queryset, self.COUNT_CAP).value, self.COUNT_CAP)
