import datetime

import pytest
from django.db import connection

from statements.models import Statement
from statements.search import SEARCH_INDEX
from tests import factories

from .helpers import postgresql_only


@postgresql_only
def test_search_uses_the_gin_index(db):
    speaker, source = factories.person(), factories.source()
    Statement.objects.bulk_create(
        Statement(
            text=f"Words on the record, number {n}.",
            speaker=speaker,
            source=source,
            said_on=datetime.date(2021, 3, 14),
            status=Statement.Status.PUBLISHED,
        )
        for n in range(2000)
    )
    factories.statement(text="The vigil was peaceful.")
    with connection.cursor() as cursor:
        # New GIN entries wait in the index's pending list until (auto)vacuum merges them, and
        # the planner prices a long pending list high; merge now, as autovacuum would.
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [SEARCH_INDEX])
        cursor.execute("ANALYZE statements_statement")
        # Small tables are cheaper to read whole; forbid that, as a big table's size would.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Statement.objects.published().search("vigil").explain()
    assert SEARCH_INDEX in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index only")
def test_sqlite_search_uses_the_fts5_trigram_index(db):
    factories.statement(text="The vigil was peaceful.")

    plan = Statement.objects.published().search("vigil").explain()

    assert "statement_search VIRTUAL TABLE INDEX" in plan, plan
