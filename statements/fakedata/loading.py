"""Writing the fake rows: COPY on PostgreSQL, batched INSERTs on SQLite; the same rows.

On PostgreSQL a million statements would spend most of their time in what runs per row: the
insert trigger of migration 0003 that computes each statement's `search_vector` (three
sub-selects and three `to_tsvector` calls, about 120 µs a row), the upkeep of a dozen indexes,
and the deferred foreign-key checks queued for every row until commit. So, inside the run's one
transaction (a failure rolls all of it back, trigger and indexes included):

- the secondary indexes, unique constraints and foreign keys of the three big tables
  (statements, their tags, their events) are dropped, their definitions kept as PostgreSQL
  prints them, and restored after the load: each index is built once, each foreign key
  checked with one join;
- the insert trigger is disabled; each batch of statements is copied into a temporary table
  and moved into place by one INSERT ... SELECT that computes the search vectors with joins,
  as `statement_search_document()` does (tests/statements/test_generate_fake.py checks every
  vector against the function). The speaker's part (their names) and the source's part (its
  headline) are computed once per person and per source, which is what the function computes
  for a statement with no attribution and no context; the others get theirs computed in full;
- the database works on one batch while Python makes the next (see PostgresLoader);
- the trigger is enabled again. The event links' trigger (0007) is disabled likewise: the rows
  written carry the statement's date, time and status it would copy.

What is left is the database's own work, mostly `to_tsvector` on every text and the GIN
index build, which is why a million statements take about two minutes on two cores.

On SQLite the full-text index of migration 0006 is likewise filled in one statement after
the load, its insert trigger dropped meanwhile and recreated from its stored definition.
"""

import importlib
import io
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from django.core.management.color import no_style
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper

from .records import STATEMENT_EVENTS, STATEMENT_TAGS, STATEMENTS, Row, Table

Phase = Callable[[str], AbstractContextManager[None]]


class Loader:
    """Writes rows with batched INSERTs: the portable way."""

    def __init__(self, connection: BaseDatabaseWrapper, phase: Phase) -> None:
        self.connection = connection
        self.phase = phase

    def quote(self, name: str) -> str:
        return self.connection.ops.quote_name(name)

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Around the writes, inside the run's transaction."""
        yield

    def write(self, table: Table, rows: list[Row]) -> None:
        columns = ", ".join(self.quote(column) for column in table.columns)
        values = ", ".join(["%s"] * len(table.columns))
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self.quote(table.name)} ({columns}) VALUES ({values})", rows
            )

    def reset_sequences(self, written: Iterable[type[models.Model]]) -> None:
        """Set id sequences past the explicit ids, so the next ORM insert gets a fresh one."""
        with self.connection.cursor() as cursor:
            for sql in self.connection.ops.sequence_reset_sql(no_style(), list(written)):
                cursor.execute(sql)

    def analyze(self, tables: Iterable[Table]) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# From migration statements/0006_sqlite_statement_search.py.
SQLITE_INSERT_TRIGGER = "statement_search_on_insert"


class SqliteLoader(Loader):
    """Batched INSERTs, with the full-text index of migration 0006 filled in one statement
    after the load instead of by its insert trigger row by row (five times slower)."""

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
                [SQLITE_INSERT_TRIGGER],
            )
            trigger = cursor.fetchone()
            if trigger:
                cursor.execute(f"DROP TRIGGER {SQLITE_INSERT_TRIGGER}")
            # A page cache that holds the growing indexes (the default 2 MB does not).
            cursor.execute("PRAGMA cache_size")
            (cache_size,) = cursor.fetchone()
            cursor.execute("PRAGMA cache_size = -1000000")  # in KiB: up to 1 GB
        try:
            yield
            if trigger:
                with self.phase("search index"), self.connection.cursor() as cursor:
                    cursor.execute(
                        "INSERT INTO statement_search(rowid, document) "
                        f"SELECT id, {sqlite_search_document()} FROM statements_statement"
                    )
                    cursor.execute(trigger[0])
        finally:
            with self.connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")


def sqlite_search_document() -> str:
    """Each statement's document in SQLite's full-text index, as the migration defines it."""
    migration = importlib.import_module("statements.migrations.0006_sqlite_statement_search")
    return migration.DOCUMENT.format(statement_id="statements_statement.id")


def copy_text(value: int | str | None) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, int):
        return str(value)
    if "\\" in value or "\n" in value or "\t" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace("\n", "\\n")
        return value.replace("\t", "\\t").replace("\r", "\\r")
    return value


# From migration statements/0003_statement_search_vector.py.
INSERT_TRIGGER = "statement_search_vector_on_insert"
# From migration statements/0007_statement_event_said.py: the rows written carry the copies
# of the statement's date, time and status the trigger would look up, link by link.
LINK_FILL_TRIGGER = "statement_event_fill"
STAGED_STATEMENTS = "fake_statement"
SPEAKER_DOCUMENTS = "fake_speaker_document"
SOURCE_DOCUMENTS = "fake_source_document"
# Batches being written or waiting: enough to keep the database busy, few to bound memory.
QUEUED_BATCHES = 2


class PostgresLoader(Loader):
    """Writes rows with COPY, and loads the big tables without their indexes and trigger.

    The database works on one batch while Python makes the next: batches are written, in
    order, by one worker thread on the same connection (psycopg2 lets go of the GIL while the
    server works), and the main thread never uses the connection while a batch is queued.
    """

    BULK_TABLES = (STATEMENTS, STATEMENT_TAGS, STATEMENT_EVENTS)

    def __init__(self, connection: BaseDatabaseWrapper, phase: Phase) -> None:
        super().__init__(connection, phase)
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="generate-fake")
        self.queued: deque[Future[None]] = deque()
        self.documents_made = False
        self.raw: Any = None  # the psycopg2 connection, which the worker uses

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        statements = self.quote(STATEMENTS.name)
        links = self.quote(STATEMENT_EVENTS.name)
        with self.connection.cursor() as cursor:
            cursor.execute("SET LOCAL TIME ZONE 'UTC'")  # rows give times in UTC
            # Room to build the indexes, and to join statements to documents in memory.
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            cursor.execute("SET LOCAL work_mem = '256MB'")
            restore = [sql for table in self.BULK_TABLES for sql in self.unindex(cursor, table)]
            cursor.execute(f"ALTER TABLE {statements} DISABLE TRIGGER {INSERT_TRIGGER}")
            cursor.execute(f"ALTER TABLE {links} DISABLE TRIGGER {LINK_FILL_TRIGGER}")
            cursor.execute(f"CREATE TEMPORARY TABLE {STAGED_STATEMENTS} (LIKE {statements})")
        self.raw = self.connection.connection
        try:
            yield
            with self.phase("last batches"):
                while self.queued:
                    self.queued.popleft().result()
        finally:
            self.worker.shutdown(wait=True, cancel_futures=True)
        with self.connection.cursor() as cursor:
            with self.phase("indexes and keys"):
                for sql in restore:
                    cursor.execute(sql)
            cursor.execute(f"ALTER TABLE {statements} ENABLE TRIGGER {INSERT_TRIGGER}")
            cursor.execute(f"ALTER TABLE {links} ENABLE TRIGGER {LINK_FILL_TRIGGER}")
            cursor.execute(
                f"DROP TABLE IF EXISTS {STAGED_STATEMENTS}, {SPEAKER_DOCUMENTS}, {SOURCE_DOCUMENTS}"
            )

    def unindex(self, cursor: CursorWrapper, table: Table) -> list[str]:
        """Drop `table`'s indexes other than its primary key, its unique constraints and its
        foreign keys; return the statements that restore them as they were, indexes first."""
        name = self.quote(table.name)
        cursor.execute(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
              FROM pg_index i
             WHERE i.indrelid = %s::regclass AND NOT i.indisprimary
               AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                                             AND c.conrelid = i.indrelid)
             ORDER BY 1
            """,
            [name],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            """
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
             WHERE conrelid = %s::regclass AND contype IN ('u', 'f')
             ORDER BY contype DESC, conname
            """,
            [name],
        )
        constraints = cursor.fetchall()
        for index, _ in indexes:
            cursor.execute(f"DROP INDEX {index}")
        for constraint, _ in constraints:
            cursor.execute(f"ALTER TABLE {name} DROP CONSTRAINT {self.quote(constraint)}")
        return [definition for _, definition in indexes] + [
            f"ALTER TABLE {name} ADD CONSTRAINT {self.quote(constraint)} {definition}"
            for constraint, definition in constraints
        ]

    def write(self, table: Table, rows: list[Row]) -> None:
        data = "".join(["\t".join(map(copy_text, row)) + "\n" for row in rows]).encode()
        if table == STATEMENTS:
            self.queue(self.insert_statements, data)
        else:
            self.queue(self.copy, self.quote(table.name), table, data)

    def queue(self, job: Callable[..., None], *args: object) -> None:
        while len(self.queued) >= QUEUED_BATCHES:
            self.queued.popleft().result()  # raises what the batch raised
        self.queued.append(self.worker.submit(job, *args))

    # What the worker runs.

    def copy(self, name: str, table: Table, data: bytes) -> None:
        columns = ", ".join(self.quote(column) for column in table.columns)
        with self.raw.cursor() as cursor:
            sql = f"COPY {name} ({columns}) FROM STDIN"
            cursor.copy_expert(sql, io.BytesIO(data), size=len(data) + 1)

    def insert_statements(self, data: bytes) -> None:
        """Move a batch of statements into place, through the staging table, with the
        document that `statement_search_document()` computes for each."""
        if not self.documents_made:
            self.make_documents()
        with self.raw.cursor() as cursor:
            cursor.execute(f"TRUNCATE {STAGED_STATEMENTS}")
        self.copy(STAGED_STATEMENTS, STATEMENTS, data)
        columns = ", ".join(self.quote(column) for column in STATEMENTS.columns)
        staged = ", ".join(f"s.{self.quote(column)}" for column in STATEMENTS.columns)
        english = "'english'::regconfig"
        with self.raw.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {self.quote(STATEMENTS.name)} ({columns}, search_vector)
                SELECT {staged},
                       setweight(to_tsvector({english}, coalesce(s.text, '')), 'A')
                       || CASE WHEN s.attribution = '' AND speaker.id IS NOT NULL
                               THEN speaker.document
                               ELSE setweight(to_tsvector({english}, concat_ws(' ',
                                        s.attribution, speaker.name, speaker.other_names)), 'B')
                          END
                       || CASE WHEN s.context = '' AND source.id IS NOT NULL
                               THEN source.document
                               ELSE setweight(to_tsvector({english},
                                        concat_ws(' ', s.context, source.title)), 'C')
                          END
                  FROM {STAGED_STATEMENTS} s
                  LEFT JOIN {SPEAKER_DOCUMENTS} speaker ON speaker.id = s.speaker_id
                  LEFT JOIN {SOURCE_DOCUMENTS} source ON source.id = s.source_id
                 ORDER BY s.id
                """
            )

    def make_documents(self) -> None:
        """The speaker's and the source's parts of the document, once per person and per
        source, as the function computes them for a statement with no attribution and no
        context. People and sources are all written by now: statements come last."""
        english = "'english'::regconfig"
        with self.raw.cursor() as cursor:
            cursor.execute(
                f"""
                CREATE TEMPORARY TABLE {SPEAKER_DOCUMENTS} AS
                SELECT person.id, person.name, names.other_names,
                       setweight(to_tsvector({english},
                           concat_ws(' ', ''::text, person.name, names.other_names)), 'B')
                           AS document
                  FROM people_person person
                  LEFT JOIN (SELECT person_id, string_agg(name, ' ' ORDER BY id) AS other_names
                               FROM people_othername GROUP BY person_id) names
                    ON names.person_id = person.id
                """
            )
            cursor.execute(
                f"""
                CREATE TEMPORARY TABLE {SOURCE_DOCUMENTS} AS
                SELECT id, title,
                       setweight(to_tsvector({english}, concat_ws(' ', ''::text, title)), 'C')
                           AS document
                  FROM statements_source
                """
            )
            cursor.execute(f"ANALYZE {SPEAKER_DOCUMENTS}, {SOURCE_DOCUMENTS}")
        self.documents_made = True

    def analyze(self, tables: Iterable[Table]) -> None:
        with self.connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {self.quote(table.name)}")


def loader_for(connection: BaseDatabaseWrapper, phase: Phase) -> Loader:
    if connection.vendor == "postgresql":
        return PostgresLoader(connection, phase)
    if connection.vendor == "sqlite":
        return SqliteLoader(connection, phase)
    return Loader(connection, phase)
