"""The orders statements are listed in, as keyset orders (see common/pagination.py)."""

import datetime

from django.db.models import FloatField
from django.db.models.functions import Cast

from common.pagination import KeysetOrder, parse_finite_float

# Each served by an index on (…, said_on, id) in this direction (statements/models.py).
NEWEST_FIRST = KeysetOrder("said_on", descending=True, parse_key=datetime.date.fromisoformat)
OLDEST_FIRST = KeysetOrder("said_on", descending=False, parse_key=datetime.date.fromisoformat)
# PostgreSQL's rank is a `real`, printed to Python rounded: compared as a double, a cursor made
# from the printed value would never equal the row it came from. So the key is a double.
MOST_RELEVANT = KeysetOrder(
    "relevance",
    descending=True,
    parse_key=parse_finite_float,
    key_expression=Cast("search_rank", FloatField()),
)


def parse_aware_datetime(text: str) -> datetime.datetime:
    """A cursor's timestamp; one typed without a time zone is read as UTC."""
    moment = datetime.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


# The record's notes about itself (/corrections/), newest first: correction_latest_idx.
LATEST_NOTES = KeysetOrder("made_at", descending=True, parse_key=parse_aware_datetime)
