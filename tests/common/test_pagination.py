import datetime

import pytest

from common.pagination import MAX_ID, KeysetOrder

NEWEST = KeysetOrder("said_on", descending=True, parse_key=datetime.date.fromisoformat)


def test_a_cursor_reads_back_as_the_key_and_id_it_was_made_from():
    class Row:
        said_on = datetime.date(2021, 3, 14)
        pk = 42

    cursor = NEWEST.cursor_for(Row())

    assert cursor == "2021-03-14_42"
    assert NEWEST.parse_cursor(cursor) == (datetime.date(2021, 3, 14), 42)


@pytest.mark.parametrize(
    "cursor", ["", "_", "2021-03-14", "2021-02-30_1", "2021-03-14_0", f"2021-03-14_{MAX_ID + 1}"]
)
def test_a_garbled_cursor_reads_as_none(cursor):
    assert NEWEST.parse_cursor(cursor) is None


def test_a_text_cursor_with_a_nul_reads_as_none():
    """Found by tests/fuzz: PostgreSQL refuses a NUL in a query (a 500 on /api/people/)."""
    by_name = KeysetOrder("name", descending=False, parse_key=str)
    assert by_name.parse_cursor("Kit_7") == ("Kit", 7)
    assert by_name.parse_cursor("K\x00it_7") is None


def test_the_order_is_total_and_reversible():
    assert NEWEST.order_by() == ["-said_on", "-id"]
    assert NEWEST.order_by(reverse=True) == ["said_on", "id"]
