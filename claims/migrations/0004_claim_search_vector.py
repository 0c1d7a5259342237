"""Claims' wording as a stored tsvector on PostgreSQL, so searching claims reads its GIN index
and rechecks stored vectors instead of computing `to_tsvector` for every claim (a common word
matches most of them: 28 ms at 3,000 claims, on every search page). A generated column,
invisible to Django's models like the statements' (statements/migrations/0003); nothing on
SQLite."""

from django.db import migrations

CREATE = [
    "ALTER TABLE claims_claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, COALESCE(text, '') || ' ' || COALESCE(short_text, ''))) "
    "STORED",
    "CREATE INDEX claim_search_vector_idx ON claims_claim USING gin (search_vector)",
]
DROP = [
    "DROP INDEX claim_search_vector_idx",
    "ALTER TABLE claims_claim DROP COLUMN search_vector",
]


def _run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_claim_matching_indexes")]

    operations = [migrations.RunPython(_run_on_postgresql(CREATE), _run_on_postgresql(DROP))]
