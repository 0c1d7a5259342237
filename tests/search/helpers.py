"""What the search tests share: which statements a query finds, and the PostgreSQL-only mark."""

import pytest
from django.db import connection

from statements.models import Statement

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search only"
)


def found(q: str, queryset=None) -> set[int]:
    """The ids of the published statements that searching for `q` returns."""
    queryset = Statement.objects.published() if queryset is None else queryset
    return set(queryset.search(q).values_list("pk", flat=True))
