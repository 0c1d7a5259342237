"""Full-text search on SQLite: an FTS5 table of each statement's searchable document, kept up
to date by triggers, so the embedded default database searches an index instead of scanning
every statement with LIKE. On PostgreSQL this migration does nothing (see 0003).

The table uses FTS5's trigram tokenizer, so a `LIKE '%word%'` on it is answered from the
index and keeps the fallback's substring semantics (statements/search.py). Like 0003's column
it is invisible to Django's migration state.

The document, one field a line (so a quoted phrase never spans two fields): the statement's
text, its context, an unnamed speaker's attribution, the speaker's name and other names, and
the source's headline.
"""

from django.db import migrations

DOCUMENT = """
    (SELECT s.text || char(10) || s.context || char(10) || s.attribution || char(10)
            || coalesce(p.name, '') || char(10)
            || coalesce((SELECT group_concat(o.name, char(10)) FROM people_othername o
                          WHERE o.person_id = s.speaker_id), '') || char(10)
            || coalesce(src.title, '')
       FROM statements_statement s
       LEFT JOIN people_person p ON p.id = s.speaker_id
       LEFT JOIN statements_source src ON src.id = s.source_id
      WHERE s.id = {statement_id})
"""


def refresh(where: str) -> str:
    """SQL that rewrites the documents of the statements `where` selects."""
    return f"""
        DELETE FROM statement_search WHERE rowid IN (
            SELECT id FROM statements_statement WHERE {where});
        INSERT INTO statement_search(rowid, document)
            SELECT id, {DOCUMENT.format(statement_id="statements_statement.id")}
              FROM statements_statement WHERE {where};
    """


CREATE_SQL = [
    "CREATE VIRTUAL TABLE statement_search USING fts5(document, tokenize='trigram')",
    f"""
    INSERT INTO statement_search(rowid, document)
        SELECT id, {DOCUMENT.format(statement_id="statements_statement.id")}
          FROM statements_statement
    """,
    f"""
    CREATE TRIGGER statement_search_on_insert AFTER INSERT ON statements_statement BEGIN
        INSERT INTO statement_search(rowid, document)
            VALUES (NEW.id, {DOCUMENT.format(statement_id="NEW.id")});
    END
    """,
    f"""
    CREATE TRIGGER statement_search_on_update
    AFTER UPDATE OF text, context, attribution, speaker_id, source_id ON statements_statement
    BEGIN {refresh("id = NEW.id")} END
    """,
    """
    CREATE TRIGGER statement_search_on_delete AFTER DELETE ON statements_statement BEGIN
        DELETE FROM statement_search WHERE rowid = OLD.id;
    END
    """,
    f"""
    CREATE TRIGGER statement_search_on_person_name AFTER UPDATE OF name ON people_person
    BEGIN {refresh("speaker_id = NEW.id")} END
    """,
    f"""
    CREATE TRIGGER statement_search_on_other_name_insert AFTER INSERT ON people_othername
    BEGIN {refresh("speaker_id = NEW.person_id")} END
    """,
    f"""
    CREATE TRIGGER statement_search_on_other_name_update AFTER UPDATE ON people_othername
    BEGIN {refresh("speaker_id IN (OLD.person_id, NEW.person_id)")} END
    """,
    f"""
    CREATE TRIGGER statement_search_on_other_name_delete AFTER DELETE ON people_othername
    BEGIN {refresh("speaker_id = OLD.person_id")} END
    """,
    f"""
    CREATE TRIGGER statement_search_on_source_title AFTER UPDATE OF title ON statements_source
    BEGIN {refresh("source_id = NEW.id")} END
    """,
]

DROP_SQL = [
    f"DROP TRIGGER {name}"
    for name in (
        "statement_search_on_source_title",
        "statement_search_on_other_name_delete",
        "statement_search_on_other_name_update",
        "statement_search_on_other_name_insert",
        "statement_search_on_person_name",
        "statement_search_on_delete",
        "statement_search_on_update",
        "statement_search_on_insert",
    )
] + ["DROP TABLE statement_search"]


def _run_on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return  # PostgreSQL searches its own stored tsvector (0003).
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_http_urls_only"),
        ("statements", "0005_keyset_indexes"),
    ]

    operations = [
        migrations.RunPython(_run_on_sqlite(CREATE_SQL), _run_on_sqlite(DROP_SQL)),
    ]
