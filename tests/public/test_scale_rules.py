"""The rules that keep pages fast at a million statements, checked where they can fail on a
small database: page size, choice lists, query shapes and the indexes that serve them."""

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse

from statements.models import Statement
from statements.ordering import NEWEST_FIRST
from tests import factories

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner and row values only"
)


@pytest.fixture
def wide_archive():
    """Many people, tags, events and outlets, each on a few statements: the shape that made
    every filter select list everything."""
    events = [factories.event() for _ in range(80)]
    outlets = [factories.organization(classification="outlet") for _ in range(80)]
    for n in range(240):
        factories.statement(
            tags=[f"tag number {n}", "common"],
            events=[events[n % 80]],
            source=factories.source(outlet=outlets[n % 80]),
            said_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        )


def test_a_filtered_list_page_stays_under_100_kb_and_offers_at_most_50_choices_a_filter(
    client, wide_archive
):
    response = client.get(reverse("statements:list"), {"tag": "common", "kind": "direct"})

    page = response.content.decode()
    assert len(response.content) < 100_000
    for name in ("speaker", "event", "tag", "outlet"):
        select = page[page.index(f'name="{name}"') :]
        select = select[: select.index("</select>")]
        assert select.count("<option") <= 51, name  # 50 and "any"


def test_any_public_tag_is_accepted_even_when_not_offered(client, wide_archive):
    response = client.get(reverse("statements:list"), {"tag": "tag-number-0"})

    assert response.status_code == 200
    assert not response.context["filterset"].form.errors
    assert [s.text for s in response.context["page"].items] == [
        Statement.objects.get(tags__slug="tag-number-0").text
    ]
    assert 'value="tag-number-0" selected' in response.content.decode()


@postgresql_only
def test_a_keyset_page_is_a_row_value_range(client, wide_archive):
    queryset = Statement.objects.published().filter(
        NEWEST_FIRST.beyond(datetime.date(2020, 6, 1), 10**9)
    )

    sql = str(queryset.query)

    assert '("statements_statement"."said_on", "statements_statement"."id") <' in sql


@postgresql_only
def test_the_newest_first_list_reads_its_index(wide_archive):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_statement")
        cursor.execute("SET LOCAL enable_seqscan = off")
    page = (
        Statement.objects.published()
        .filter(NEWEST_FIRST.beyond(datetime.date(2020, 6, 1), 10**9))
        .order_by(*NEWEST_FIRST.order_by())[:21]
    )

    plan = page.explain()
    # A range of an index in (said_on, id) order: the published one, or (when every row is
    # published, as here, and earlier tests' statistics tip the planner) the admin's.
    assert re.search(r"Index (Only )?Scan using statement_(latest|said)_idx", plan), plan
    assert re.search(r"Index Cond: .*ROW\(said_on, id\) < ROW\(", plan), plan


@postgresql_only
def test_a_speakers_page_reads_the_speakers_index(wide_archive):
    speaker = Statement.objects.first().speaker
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_statement")
        cursor.execute("SET LOCAL enable_seqscan = off")
        # Statistics left by earlier tests may make a sort look cheap on a few rows: what is
        # checked is that an index serves this order, as it must at a million rows.
        cursor.execute("SET LOCAL enable_sort = off")
    page = speaker.statements.published().order_by(*NEWEST_FIRST.order_by())[:21]

    assert "statement_speaker_said_idx" in page.explain()


def test_relevance_ranks_only_the_most_recent_matches(client, monkeypatch):
    monkeypatch.setattr("statements.views.RELEVANCE_CANDIDATES", 3)
    old = factories.statement(text="vigil vigil vigil", said_on=datetime.date(2010, 1, 1))
    recent = [
        factories.statement(text="a vigil", said_on=datetime.date(2021, 1, d)) for d in (1, 2, 3)
    ]

    response = client.get(reverse("statements:search"), {"q": "vigil", "sort": "relevance"})

    shown = {s.pk for s in response.context["page"].items}
    assert shown == {s.pk for s in recent}
    assert old.pk not in shown
