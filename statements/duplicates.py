"""Whether a statement is on record already: the same speaker's statements worded nearly alike.

An editor saving a statement, and the article import's review, are warned of them; the record
should hold each thing said once, however many articles reported it.

PostgreSQL: candidates come from the full-text index (`statement_search_idx`, the PostgreSQL-
only migration 0003): the speaker's statements containing every word of at least one of three
groups of the text's most distinctive words, so a copy with a word or two changed is still a
candidate; the 200 sharing most of those words are compared with pg_trgm's `similarity`. At a
million statements that costs 13 ms p50 and 44 ms p95 for speakers with 5,000-10,000 statements
(bench/duplicates_benchmark.py); a trigram index over the text, scanned with `%`, took
0.35-1.0 s for the same speakers (docs/scaling.md), so it was not kept.
SQLite: the speaker's most recent statements, compared word by word with difflib.
"""

import difflib

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    TrigramSimilarity,
)
from django.db import connections

from common.text import content_words
from people.models import Organization, Person

from .models import Statement
from .search import SEARCH_CONFIG, StoredSearchVector

SHOWN = 5
# Statements at least this alike are called near duplicates: the same words with a word or two
# changed, added or dropped score 0.65-0.95; two statements on the same topic 0.1-0.3.
MIN_SIMILARITY = 0.6
CANDIDATES = 200  # PostgreSQL: the candidates sharing most words are compared
SQLITE_CANDIDATES = 2000  # the speaker's most recent statements compared, on SQLite
WORD_GROUPS = 3
WORDS_PER_GROUP = 4


def candidate_query(text: str) -> str | None:
    """A raw tsquery: all words of any of WORD_GROUPS groups of `text`'s longest content words,
    dealt round-robin so each group mixes long and shorter ones: `(a & d) | (b & e) | (c & f)`.

    A word changed in a copy breaks only the group it is in, so up to two changed words still
    leave the copy a candidate. Each group has at least two words (a single common word would
    make every statement of a prolific speaker a candidate), so a short text has fewer groups.
    """
    words = sorted(
        {w.replace("’", "").replace("'", "") for w in content_words(text)},
        key=lambda w: (-len(w), w),
    )[: WORD_GROUPS * WORDS_PER_GROUP]
    if not words:
        return None
    count = max(1, min(WORD_GROUPS, len(words) // 2))
    groups = [words[i::count] for i in range(count)]
    return " | ".join("(" + " & ".join(group) + ")" for group in groups)


def near_duplicates(
    text: str,
    *,
    speaker: Person | None = None,
    organization: Organization | None = None,
    exclude_pk: int | None = None,
) -> list[Statement]:
    """Up to SHOWN statements by `speaker` (or, unnamed, for `organization`) worded nearly like
    `text`, most alike first, each with `similarity` (0-1); every status, drafts included."""
    if speaker is None and organization is None:
        return []
    if speaker is not None:
        theirs = Statement.objects.filter(speaker=speaker)
    else:
        theirs = Statement.objects.filter(speaker__isnull=True, organization=organization)
    if exclude_pk is not None:
        theirs = theirs.exclude(pk=exclude_pk)
    text = text.strip()
    if not text:
        return []
    if connections[theirs.db].vendor == "postgresql":
        query = candidate_query(text)
        if query is None:
            return []
        tsquery = SearchQuery(query, search_type="raw", config=SEARCH_CONFIG)
        any_word = SearchQuery(query.replace("&", "|"), search_type="raw", config=SEARCH_CONFIG)
        candidates = (
            theirs.filter(SearchVectorExact(StoredSearchVector(), tsquery))
            .annotate(shared=SearchRank(StoredSearchVector(), any_word))
            .order_by("-shared", "-id")
            .values("pk")[:CANDIDATES]
        )
        return list(
            Statement.objects.filter(pk__in=candidates)
            .annotate(similarity=TrigramSimilarity("text", text))
            .filter(similarity__gte=MIN_SIMILARITY)
            .select_related("source__outlet")
            .order_by("-similarity", "-id")[:SHOWN]
        )
    words = text.casefold().split()
    scored = []
    for statement in theirs.order_by("-said_on", "-id")[:SQLITE_CANDIDATES]:
        matcher = difflib.SequenceMatcher(None, words, statement.text.casefold().split())
        if matcher.real_quick_ratio() >= MIN_SIMILARITY and matcher.quick_ratio() >= MIN_SIMILARITY:
            statement.similarity = matcher.ratio()
            if statement.similarity >= MIN_SIMILARITY:
                scored.append(statement)
    scored.sort(key=lambda s: (-s.similarity, -s.pk))
    return scored[:SHOWN]
