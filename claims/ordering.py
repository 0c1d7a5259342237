"""The orders claims and a claim's statements are listed in, as keyset orders."""

import datetime

from django.db.models.functions import Coalesce

from common.pagination import KeysetOrder

# Newest verdict first: the index claim_latest_idx, by keyset.
NEWEST_RATED = KeysetOrder("rated_on", descending=True, parse_key=datetime.date.fromisoformat)
# A claim's statements, oldest first, ordered by an expression no index matches, on purpose:
# given the claim's few thousand ids, PostgreSQL would otherwise walk the whole archive's
# oldest-first index looking for them (72 ms at a million statements); this way it reads the
# ids and sorts them (OLDEST_FIRST's order, the same rows).
SAID_FIRST = KeysetOrder(
    "said_first",
    descending=False,
    parse_key=datetime.date.fromisoformat,
    key_expression=Coalesce("said_on", "said_on"),
)
