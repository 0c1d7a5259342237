"""An event's statements as an index range: each statement–event link carries a copy of the
statement's date, time and status, kept by triggers (see StatementEventLink).

Without it, "the latest published statements about this event" joins the links to the
statements, and PostgreSQL's best plan walks the archive's newest statements until it has met
enough of the event's: 127,000 rows for an older event at a million statements. With it, the
links of one event are read from `statement_event_said_idx` in order, and only those.

The link table stays Django's own (`Statement.events`, written by forms, the admin and the
importer as before), so the copies are filled by the database, not by the code writing the
links: when a link is inserted, and when a statement's date, time or status changes. The same
on PostgreSQL (a BEFORE INSERT trigger sets the row) and SQLite (AFTER INSERT updates it).
"""

from django.db import migrations, models

LINKS = "statements_statement_events"
COPIED = ("said_on", "said_at", "status")

COLUMNS = [
    f"ALTER TABLE {LINKS} ADD COLUMN said_on date NULL",
    f"ALTER TABLE {LINKS} ADD COLUMN said_at time NULL",
    f"ALTER TABLE {LINKS} ADD COLUMN status varchar(10) NOT NULL DEFAULT ''",
]
BACKFILL_POSTGRESQL = f"""
    UPDATE {LINKS} l SET said_on = s.said_on, said_at = s.said_at, status = s.status
      FROM statements_statement s WHERE s.id = l.statement_id
"""
# SQLite before 3.33 has no UPDATE ... FROM.
BACKFILL_SQLITE = f"""
    UPDATE {LINKS} SET
        said_on = (SELECT said_on FROM statements_statement s WHERE s.id = statement_id),
        said_at = (SELECT said_at FROM statements_statement s WHERE s.id = statement_id),
        status = (SELECT status FROM statements_statement s WHERE s.id = statement_id)
"""
INDEX = (
    f"CREATE INDEX statement_event_said_idx ON {LINKS} "
    "(event_id, status, said_on DESC, statement_id DESC)"
)
CHANGED = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in COPIED)
CHANGED_SQLITE = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COPIED)

POSTGRESQL = [
    *COLUMNS,
    BACKFILL_POSTGRESQL,
    INDEX,
    """
    CREATE FUNCTION statement_event_fill() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT s.said_on, s.said_at, s.status INTO NEW.said_on, NEW.said_at, NEW.status
          FROM statements_statement s WHERE s.id = NEW.statement_id;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE TRIGGER statement_event_fill BEFORE INSERT OR UPDATE OF statement_id ON {LINKS}
    FOR EACH ROW EXECUTE FUNCTION statement_event_fill()
    """,
    f"""
    CREATE FUNCTION statement_event_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE {LINKS} SET said_on = NEW.said_on, said_at = NEW.said_at, status = NEW.status
         WHERE statement_id = NEW.id;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE TRIGGER statement_event_follow
    AFTER UPDATE OF said_on, said_at, status ON statements_statement
    FOR EACH ROW WHEN ({CHANGED}) EXECUTE FUNCTION statement_event_follow()
    """,
]
POSTGRESQL_UNDO = [
    "DROP TRIGGER statement_event_follow ON statements_statement",
    "DROP FUNCTION statement_event_follow()",
    f"DROP TRIGGER statement_event_fill ON {LINKS}",
    "DROP FUNCTION statement_event_fill()",
    "DROP INDEX statement_event_said_idx",
    *(f"ALTER TABLE {LINKS} DROP COLUMN {column}" for column in COPIED),
]

SQLITE_COPY = """
    said_on = (SELECT said_on FROM statements_statement s WHERE s.id = NEW.statement_id),
    said_at = (SELECT said_at FROM statements_statement s WHERE s.id = NEW.statement_id),
    status = (SELECT status FROM statements_statement s WHERE s.id = NEW.statement_id)
"""
SQLITE = [
    *COLUMNS,
    BACKFILL_SQLITE,
    INDEX,
    f"""
    CREATE TRIGGER statement_event_fill AFTER INSERT ON {LINKS} BEGIN
        UPDATE {LINKS} SET {SQLITE_COPY} WHERE id = NEW.id;
    END
    """,
    f"""
    CREATE TRIGGER statement_event_refill AFTER UPDATE OF statement_id ON {LINKS} BEGIN
        UPDATE {LINKS} SET {SQLITE_COPY} WHERE id = NEW.id;
    END
    """,
    f"""
    CREATE TRIGGER statement_event_follow
    AFTER UPDATE OF said_on, said_at, status ON statements_statement
    WHEN {CHANGED_SQLITE} BEGIN
        UPDATE {LINKS} SET said_on = NEW.said_on, said_at = NEW.said_at, status = NEW.status
         WHERE statement_id = NEW.id;
    END
    """,
]
SQLITE_UNDO = [
    "DROP TRIGGER statement_event_follow",
    "DROP TRIGGER statement_event_refill",
    "DROP TRIGGER statement_event_fill",
    "DROP INDEX statement_event_said_idx",
    *(f"ALTER TABLE {LINKS} DROP COLUMN {column}" for column in COPIED),
]


def _run(by_vendor):
    def run(apps, schema_editor):
        for sql in by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("statements", "0006_sqlite_statement_search"),
    ]

    operations = [
        migrations.CreateModel(
            name="StatementEventLink",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("said_on", models.DateField(blank=True, null=True)),
                ("said_at", models.TimeField(blank=True, null=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("published", "Published"),
                            ("retracted", "Retracted"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=models.deletion.DO_NOTHING,
                        related_name="+",
                        to="events.event",
                    ),
                ),
                (
                    "statement",
                    models.ForeignKey(
                        on_delete=models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.statement",
                    ),
                ),
            ],
            options={
                "db_table": "statements_statement_events",
                "ordering": ["event", "-said_on", "-statement"],
                "managed": False,
            },
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_UNDO, "sqlite": SQLITE_UNDO}),
        ),
    ]
