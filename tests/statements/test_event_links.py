"""Each statement-event link carries the statement's date, time and status (migration 0007),
kept by the database however the link or the statement is written; an event's pages read them."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F, Q
from django.urls import reverse

from statements.models import Statement, StatementEventLink
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
T = datetime.time


def link_of(statement: Statement) -> tuple:
    row = StatementEventLink.objects.get(statement=statement)
    return row.said_on, row.said_at, row.status


def test_a_new_link_copies_the_statements_date_time_and_status():
    event = factories.event()
    statement = factories.statement(
        said_on=D(2021, 3, 14), said_at=T(9, 30), status=Statement.Status.DRAFT
    )

    statement.events.add(event)

    assert link_of(statement) == (D(2021, 3, 14), T(9, 30), "draft")


def test_a_correction_to_the_statement_reaches_its_links():
    statement = factories.statement(said_on=D(2021, 3, 14), events=[factories.event()])

    statement.said_on = D(2021, 3, 15)
    statement.said_at = T(18, 0)
    statement.status = Statement.Status.RETRACTED
    statement.save()

    assert link_of(statement) == (D(2021, 3, 15), T(18, 0), "retracted")


def test_a_bulk_update_reaches_the_links_too():
    statement = factories.statement(status=Statement.Status.DRAFT, events=[factories.event()])

    Statement.objects.filter(pk=statement.pk).update(status=Statement.Status.PUBLISHED)

    assert link_of(statement)[2] == "published"


def test_links_of_a_generated_archive_agree_with_their_statements():
    call_command("generate_fake", people=20, statements=300, seed=3, verbosity=0)

    links = StatementEventLink.objects.all()
    disagreeing = links.exclude(
        Q(said_on=F("statement__said_on"), status=F("statement__status"))
        & (Q(said_at=F("statement__said_at")) | Q(said_at=None, statement__said_at=None))
    )
    assert links.count() > 100
    assert not disagreeing.exists()


def test_an_event_page_and_feed_follow_a_statement_being_unpublished(client):
    event = factories.event()
    statement = factories.statement(text="Soon to be withdrawn.", events=[event])
    feed_url = reverse("statements:event-feed-rss", args=[event.slug])
    assert "Soon to be withdrawn." in client.get(event.get_absolute_url()).content.decode()
    assert "Soon to be withdrawn." in client.get(feed_url).content.decode()

    statement.status = Statement.Status.DRAFT
    statement.save()

    assert "Soon to be withdrawn." not in client.get(event.get_absolute_url()).content.decode()
    assert "Soon to be withdrawn." not in client.get(feed_url).content.decode()


def test_the_most_recent_about_an_event_are_newest_first_and_published_only():
    event = factories.event()
    days = [D(2021, 1, d) for d in (5, 1, 9, 3)]
    made = [factories.statement(said_on=day, events=[event]) for day in days]
    factories.statement(said_on=D(2021, 1, 20), events=[event], status=Statement.Status.DRAFT)
    factories.statement(said_on=D(2021, 1, 21))  # about nothing

    latest = Statement.objects.most_recent_about(event, 3)

    assert [s.said_on for s in latest] == [D(2021, 1, 9), D(2021, 1, 5), D(2021, 1, 3)]
    assert set(latest) <= set(made)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner only")
def test_an_events_latest_statements_are_a_range_of_the_links_index():
    event = factories.event()
    for n in range(30):
        factories.statement(said_on=D(2021, 1, 1) + datetime.timedelta(days=n), events=[event])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_statement_events")
        cursor.execute("SET LOCAL enable_seqscan = off")
        # Statistics left by earlier tests may make a sort look cheap on a few rows: what is
        # checked is that an index serves this order, as it must at a million rows.
        cursor.execute("SET LOCAL enable_sort = off")

    plan = Statement.objects.most_recent_about(event, 20).explain()

    assert "statement_event_said_idx" in plan
