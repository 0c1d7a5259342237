"""Which existing claims a statement repeats: what lets a fact-check follow a claim as it is
said again by someone else, somewhere else, in slightly different words.

PostgreSQL: claims sharing words with the statement are found by full-text match on an index
(any of the statement's words, stemmed), then ranked by pg_trgm's `word_similarity(claim,
statement)`: how much of the claim's wording, trigram by trigram, appears in one stretch of the
statement, which forgives small changes ("manage"/"managed", a dropped word). SQLite: the
share of the claim's words found in the statement.
"""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
)
from django.db import connections
from django.db.models import F, FloatField, Func, Value

from common.text import content_words

from .models import Claim

SUGGESTED = 5
# word_similarity at or above this is suggested: near-verbatim repeats score 0.8-1, the same
# topic in other words 0.3-0.5 (tests/claims/test_matching.py).
MIN_SIMILARITY = 0.55
MIN_SHARED_WORDS = 0.6  # SQLite: share of the claim's words found in the statement
SQLITE_CANDIDATES = 5000  # the most recent claims compared, on the embedded database
PG_CANDIDATES = 50  # the claims sharing most words with the statement, ranked by similarity


def any_of(words: set[str]) -> str:
    """A raw tsquery matching any of `words` (each stemmed by the config): `a | b | c`."""
    return " | ".join(sorted(w.replace("’", "").replace("'", "") for w in words))


def similar_claims(text: str, exclude: set[int] | None = None) -> list[Claim]:
    """Up to SUGGESTED claims whose wording is close to `text`, closest first, each with a
    `similarity` between 0 and 1; drafts included (editors link before a claim is published).
    At most two queries."""
    words = content_words(text)
    if not words:
        return []
    claims = Claim.objects.exclude(pk__in=exclude or set())
    if connections[claims.db].vendor == "postgresql":
        # word_similarity costs tens of microseconds a claim against a long statement, and no
        # index can say which short texts lie within a long one: so it ranks only the claims
        # sharing the most words with the statement (claim_text_search_idx).
        query = SearchQuery(any_of(words), search_type="raw", config="english")
        sharing = (
            claims.annotate(document=SearchVector("text", config="english"))
            .filter(document=query)
            .annotate(rank=SearchRank(F("document"), query))
            .order_by("-rank", "-id")
            .values("pk")[:PG_CANDIDATES]
        )
        similarity = Func(
            F("text"), Value(text), function="word_similarity", output_field=FloatField()
        )
        return list(
            Claim.objects.filter(pk__in=sharing)
            .annotate(similarity=similarity)
            .filter(similarity__gte=MIN_SIMILARITY)
            .order_by("-similarity", "-id")[:SUGGESTED]
        )
    scored = []
    for claim in claims.order_by("-id")[:SQLITE_CANDIDATES]:
        claim_words = content_words(claim.text)
        if claim_words:
            claim.similarity = len(claim_words & words) / len(claim_words)
            if claim.similarity >= MIN_SHARED_WORDS:
                scored.append(claim)
    scored.sort(key=lambda claim: (-claim.similarity, -claim.pk))
    return scored[:SUGGESTED]


def duplicate_claims(text: str, exclude: set[int] | None = None) -> list[Claim]:
    """Claims worded much like a claim being written (`text`), so an editor links the existing
    one instead of adding a second. PostgreSQL: pg_trgm's `%` on claim_text_trgm_idx; SQLite:
    the same share of shared words as `similar_claims`. One query."""
    claims = Claim.objects.exclude(pk__in=exclude or set())
    if connections[claims.db].vendor == "postgresql":
        return list(
            claims.filter(text__trigram_similar=text)
            .annotate(similarity=TrigramSimilarity("text", text))
            .order_by("-similarity", "-id")[:SUGGESTED]
        )
    return similar_claims(text, exclude)
