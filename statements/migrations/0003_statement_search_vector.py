"""Full-text search on PostgreSQL: a stored `search_vector` on statements, kept up to date by
triggers, behind a GIN index. On SQLite this migration does nothing (see `statements/search.py`).

Why not a model field or a `GeneratedField`: the document includes the speaker's names and the
source's headline, which live in other tables, and a generated column can only see its own row;
a `SearchVectorField` on the model would also make the schema PostgreSQL-only. So the column,
index, functions and triggers exist only in the database, invisible to Django's migration state
(`makemigrations --check` stays clean), and queries name the column through
`statements.search.StoredSearchVector`.

Why triggers rather than Django signals: they keep the vector right whatever writes the rows
(admin, import, shell, `QuerySet.update()`, `bulk_create`, raw SQL).

The document, weighted for ranking:
    A  the statement's text
    B  who said it: the speaker's name and other names, or an unnamed speaker's attribution
    C  the editorial context and the source's headline
"""

from django.db import migrations

CREATE_SQL = [
    "ALTER TABLE statements_statement ADD COLUMN search_vector tsvector",
    # The one place the document is defined; every trigger below calls it.
    """
    CREATE FUNCTION statement_search_document(
        statement_text text,
        statement_context text,
        statement_attribution text,
        statement_speaker_id bigint,
        statement_source_id bigint
    ) RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT
            setweight(to_tsvector('english'::regconfig, coalesce(statement_text, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, concat_ws(' ',
                statement_attribution,
                (SELECT name FROM people_person WHERE id = statement_speaker_id),
                (SELECT string_agg(name, ' ' ORDER BY id) FROM people_othername
                  WHERE person_id = statement_speaker_id)
            )), 'B')
            || setweight(to_tsvector('english'::regconfig, concat_ws(' ',
                statement_context,
                (SELECT title FROM statements_source WHERE id = statement_source_id)
            )), 'C')
    $$
    """,
    # A statement written: compute its own vector before the row is stored.
    """
    CREATE FUNCTION statement_search_vector_fill() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := statement_search_document(
            NEW.text, NEW.context, NEW.attribution, NEW.speaker_id, NEW.source_id
        );
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER statement_search_vector_on_insert
    BEFORE INSERT ON statements_statement
    FOR EACH ROW EXECUTE FUNCTION statement_search_vector_fill()
    """,
    # Django's save() writes every column, so compare values: publishing or retracting a
    # statement does not recompute its vector.
    """
    CREATE TRIGGER statement_search_vector_on_update
    BEFORE UPDATE OF text, context, attribution, speaker_id, source_id ON statements_statement
    FOR EACH ROW
    WHEN (
        OLD.text IS DISTINCT FROM NEW.text
        OR OLD.context IS DISTINCT FROM NEW.context
        OR OLD.attribution IS DISTINCT FROM NEW.attribution
        OR OLD.speaker_id IS DISTINCT FROM NEW.speaker_id
        OR OLD.source_id IS DISTINCT FROM NEW.source_id
        OR NEW.search_vector IS NULL
    )
    EXECUTE FUNCTION statement_search_vector_fill()
    """,
    # A speaker renamed, or an other name added, changed or removed: refresh their statements.
    """
    CREATE FUNCTION statement_search_vector_refresh_speaker() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        speaker_ids bigint[];
    BEGIN
        IF TG_TABLE_NAME = 'people_person' THEN
            speaker_ids := ARRAY[NEW.id];
        ELSIF TG_OP = 'INSERT' THEN
            speaker_ids := ARRAY[NEW.person_id];
        ELSIF TG_OP = 'DELETE' THEN
            speaker_ids := ARRAY[OLD.person_id];
        ELSE
            speaker_ids := ARRAY[OLD.person_id, NEW.person_id];
        END IF;
        UPDATE statements_statement
           SET search_vector = statement_search_document(
                   text, context, attribution, speaker_id, source_id)
         WHERE speaker_id = ANY(speaker_ids);
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER statement_search_vector_on_person_name
    AFTER UPDATE OF name ON people_person
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION statement_search_vector_refresh_speaker()
    """,
    """
    CREATE TRIGGER statement_search_vector_on_other_name
    AFTER INSERT OR UPDATE OR DELETE ON people_othername
    FOR EACH ROW EXECUTE FUNCTION statement_search_vector_refresh_speaker()
    """,
    # A source's headline corrected: refresh the statements said there.
    """
    CREATE FUNCTION statement_search_vector_refresh_source() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE statements_statement
           SET search_vector = statement_search_document(
                   text, context, attribution, speaker_id, source_id)
         WHERE source_id = NEW.id;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER statement_search_vector_on_source_title
    AFTER UPDATE OF title ON statements_source
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
    EXECUTE FUNCTION statement_search_vector_refresh_source()
    """,
    # Existing rows.
    """
    UPDATE statements_statement
       SET search_vector = statement_search_document(
               text, context, attribution, speaker_id, source_id)
    """,
    "CREATE INDEX statement_search_idx ON statements_statement USING gin (search_vector)",
    # With the default statistics the planner guesses that a rare or unknown word matches ~0.5%
    # of statements, and for "latest first" pages it walks the date index filtering every row
    # (~350 ms at 200,000 statements, see bench/search_benchmark.py) instead of asking the GIN
    # index (<1 ms). Keeping more of the vector's most common words in the statistics fixes
    # the guess.
    "ALTER TABLE statements_statement ALTER COLUMN search_vector SET STATISTICS 1000",
]

DROP_SQL = [
    "DROP TRIGGER statement_search_vector_on_source_title ON statements_source",
    "DROP TRIGGER statement_search_vector_on_other_name ON people_othername",
    "DROP TRIGGER statement_search_vector_on_person_name ON people_person",
    "DROP TRIGGER statement_search_vector_on_update ON statements_statement",
    "DROP TRIGGER statement_search_vector_on_insert ON statements_statement",
    "DROP FUNCTION statement_search_vector_refresh_source()",
    "DROP FUNCTION statement_search_vector_refresh_speaker()",
    "DROP FUNCTION statement_search_vector_fill()",
    "DROP FUNCTION statement_search_document(text, text, text, bigint, bigint)",
    "DROP INDEX statement_search_idx",
    "ALTER TABLE statements_statement DROP COLUMN search_vector",
]


def _run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return  # SQLite searches with the fallback in statements/search.py.
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("statements", "0002_newsroom_groups"),
    ]

    operations = [
        migrations.RunPython(_run_on_postgresql(CREATE_SQL), _run_on_postgresql(DROP_SQL)),
    ]
