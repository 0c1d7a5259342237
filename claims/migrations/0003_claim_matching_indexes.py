"""The indexes claim matching reads on PostgreSQL (claims/matching.py): the full-text index that
finds claims sharing a word with a statement, and pg_trgm with a trigram index on the claims'
wording. Nothing on SQLite, which compares words in Python."""

from django.db import migrations

# The expression Django's SearchVector("text", config="english") compiles to, so the index
# serves that query.
DOCUMENT = "to_tsvector('english'::regconfig, COALESCE(text, ''))"

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX claim_text_search_idx ON claims_claim USING gin ({DOCUMENT})",
    "CREATE INDEX claim_text_trgm_idx ON claims_claim USING gin (text gin_trgm_ops)",
]
DROP = [
    "DROP INDEX claim_text_trgm_idx",
    "DROP INDEX claim_text_search_idx",
]


def _run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_reviewers_publish_verdicts")]

    operations = [migrations.RunPython(_run_on_postgresql(CREATE), _run_on_postgresql(DROP))]
