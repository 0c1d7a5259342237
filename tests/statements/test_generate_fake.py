"""`manage.py generate_fake`: realistic fake data for benchmarks, the same for the same seed."""

import datetime
import io
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from taggit.models import Tag

from events.models import Event
from people.models import Organization, Person, Role
from statements.fakedata.loading import sqlite_search_document
from statements.fakedata.records import MODELS
from statements.fakedata.shapes import Sizes, long_tail
from statements.models import Source, Statement, TaggedStatement

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search vectors exist on PostgreSQL only"
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the full-text index table exists on SQLite only"
)


def generate_fake(people: int = 30, statements: int = 500, seed: int = 1) -> None:
    call_command("generate_fake", people=people, statements=statements, seed=seed, verbosity=0)


@pytest.fixture
def small_run():
    generate_fake()


def snapshot() -> dict[str, list[tuple]]:
    """Every row the generator writes, table by table."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list())
        for model in MODELS.values()
    }


def snapshot_of_a_run(seed: int) -> dict[str, list[tuple]]:
    """The rows of a run with `seed`, rolled back afterwards so the next run starts empty."""
    with transaction.atomic():
        generate_fake(seed=seed)
        rows = snapshot()
        transaction.set_rollback(True)
    return rows


def test_a_small_run_creates_the_asked_counts(small_run):
    sizes = Sizes(people=30, statements=500)
    assert Person.objects.count() == 30
    assert Statement.objects.count() == 500
    assert Source.objects.count() == sizes.sources
    assert Event.objects.count() == sizes.events
    assert Tag.objects.count() == sizes.tags
    assert Organization.objects.count() == sizes.organizations
    classifications = set(Organization.objects.values_list("classification", flat=True))
    assert classifications == set(Organization.Classification.values)


def test_the_command_reports_what_it_wrote_and_how_fast():
    out = io.StringIO()
    call_command("generate_fake", people=20, statements=200, stdout=out)
    assert "200 statements" in out.getvalue()
    assert "20 people" in out.getvalue()
    assert "statements/s" in out.getvalue()


def test_the_same_seed_gives_identical_rows_and_another_seed_different_ones():
    first = snapshot_of_a_run(seed=1)
    assert sum(len(rows) for rows in first.values()) > 1000
    assert snapshot_of_a_run(seed=1) == first
    other = snapshot_of_a_run(seed=2)
    assert other["statements.Statement"] != first["statements.Statement"]
    assert other["people.Person"] != first["people.Person"]


def test_every_kind_of_row_passes_its_models_validation(small_run):
    for model in MODELS.values():
        rows = list(model._default_manager.order_by("pk"))
        assert rows, model
        for row in rows[:: max(1, len(rows) // 10)]:
            row.full_clean()


def test_each_statements_role_is_the_one_its_speaker_held_that_day(small_run):
    """What Statement.save() would have filled in: the speaker's role covering the day."""
    roles = defaultdict(list)
    for role in Role.objects.all():
        roles[role.person_id].append(role)
    with_role = 0
    for statement in Statement.objects.published().exclude(speaker=None):
        held = [role for role in roles[statement.speaker_id] if role.covers(statement.said_on)]
        assert len(held) <= 1
        assert statement.role_id == (held[0].pk if held else None)
        with_role += statement.role_id is not None
    assert with_role > 250


def test_some_people_hold_several_roles_one_after_another(small_run):
    careers = defaultdict(list)
    for role in Role.objects.order_by("start_date"):
        careers[role.person_id].append(role)
    several = [roles for roles in careers.values() if len(roles) > 1]
    assert len(several) >= 5
    for roles in several:
        for earlier, later in zip(roles, roles[1:], strict=False):
            assert earlier.end_date is not None and earlier.end_date < later.start_date


def test_drafts_retractions_and_unnamed_spokespeople_exist(small_run):
    statuses = Counter(Statement.objects.values_list("status", flat=True))
    assert statuses[Statement.Status.PUBLISHED] > 450
    assert statuses[Statement.Status.DRAFT] > 0
    assert statuses[Statement.Status.RETRACTED] > 0
    unnamed = Statement.objects.filter(speaker=None)
    assert unnamed.exists()
    assert not unnamed.filter(organization=None).exists()
    assert not unnamed.filter(attribution="").exists()


def test_statements_have_zero_to_four_tags_up_to_two_events_and_some_paragraphs(small_run):
    tags = Counter(TaggedStatement.objects.values_list("content_object", flat=True))
    events = Counter(Statement.events.through.objects.values_list("statement", flat=True))
    assert max(tags.values()) <= 4 and len(tags) < 500
    assert max(events.values()) <= 2 and len(events) < 500
    direct = Statement.objects.filter(kind=Statement.Kind.DIRECT)
    assert direct.filter(text__contains="\n").exists()
    said_on = Statement.objects.values_list("said_on", flat=True)
    assert min(said_on) >= datetime.date(2011, 1, 1)
    assert max(said_on) <= datetime.date(2025, 12, 31)


def test_the_most_prolific_speaker_says_about_one_percent_of_the_statements():
    generate_fake(people=500, statements=10_000)
    by_speaker = Counter(Statement.objects.exclude(speaker=None).values_list("speaker", flat=True))
    top_share = by_speaker.most_common(1)[0][1] / 10_000
    assert 0.0075 < top_share < 0.0135


def test_the_long_tail_gives_the_top_rank_its_share_when_there_are_enough_ranks():
    weights = long_tail(20_000, 0.0096)
    assert weights[0] / weights[-1] == pytest.approx(0.0096)
    few = long_tail(30, 0.0096)  # 30 ranks cannot give one under 1/30: nearly equal
    assert few[0] / few[-1] == pytest.approx(1 / 30)


def test_search_finds_statements_by_a_common_generated_word(small_run):
    found = Statement.objects.published().search("said")
    assert found.count() > 100


@postgresql_only
def test_every_search_vector_is_what_the_trigger_function_computes(small_run):
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FILTER (WHERE search_vector IS NULL),
                   count(*) FILTER (WHERE search_vector IS DISTINCT FROM statement_search_document(
                       text, context, attribution, speaker_id, source_id))
              FROM statements_statement
            """
        )
        assert cursor.fetchone() == (0, 0)


@sqlite_only
def test_every_statement_is_in_the_sqlite_full_text_index_with_its_document(small_run):
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT count(*), count(*) FILTER (WHERE f.document IS NOT {sqlite_search_document()})
              FROM statements_statement
              LEFT JOIN statement_search f ON f.rowid = statements_statement.id
            """
        )
        assert cursor.fetchone() == (500, 0)


def schema_of_the_bulk_tables() -> list[tuple]:
    """The indexes, constraints and triggers the bulk load takes away and puts back."""
    tables = ["statements_statement", "statements_taggedstatement", "statements_statement_events"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                """
                SELECT pg_get_indexdef(indexrelid) FROM pg_index
                 WHERE indrelid = ANY(%s::regclass[])
                UNION ALL
                SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE conrelid = ANY(%s::regclass[])
                UNION ALL
                SELECT tgname || ' ' || tgenabled::text FROM pg_trigger
                 WHERE tgrelid = ANY(%s::regclass[]) AND NOT tgisinternal
                 ORDER BY 1
                """,
                [tables, tables, tables],
            )
        else:
            cursor.execute(
                "SELECT type, name, sql FROM sqlite_master"
                " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"  # not ANALYZE's statistics
            )
        return cursor.fetchall()


def test_the_bulk_load_puts_back_every_index_constraint_and_trigger():
    before = schema_of_the_bulk_tables()
    generate_fake()
    assert schema_of_the_bulk_tables() == before


def test_later_inserts_get_fresh_ids_and_their_search_vector(small_run):
    person = Person.objects.create(name="New Person", slug="new-person-after-fake-data")
    assert person.pk == 31
    statement = Statement.objects.create(
        text="A fresh statement about flood defences.",
        speaker=person,
        said_on=datetime.date(2025, 6, 1),
        source=Source.objects.first(),
    )
    assert statement.pk == 501
    assert Statement.objects.search("flood defences").filter(pk=statement.pk).exists()


def test_the_command_refuses_a_database_that_already_holds_statements(demo):
    with pytest.raises(CommandError, match="already holds .*statements"):
        generate_fake()
