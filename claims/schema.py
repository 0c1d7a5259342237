"""What search engines and fact-check aggregators read about a claim: schema.org ClaimReview."""

from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings

from common.html import http_url
from statements.models import Statement

from .models import BEST_RATING, WORST_RATING, Claim, Verdict

# A claim repeated a thousand times lists its earliest appearances, not all of them.
APPEARANCES_LISTED = 50


def appearance(statement: Statement, permalink: str) -> dict[str, Any]:
    """A statement making the claim: its permalink on this site, and the source it was said in."""
    source = statement.source
    based_on: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.outlet.name},
        "datePublished": source.published_on.isoformat(),
    }
    if source_url := http_url(source.url):
        based_on["url"] = source_url
    return {
        "@type": "CreativeWork",
        "url": permalink,
        "datePublished": statement.said_on.isoformat(),
        "author": speaker(statement),
        "isBasedOn": based_on,
    }


def speaker(statement: Statement) -> dict[str, Any]:
    kind = "Person" if statement.speaker_id else "Organization"
    return {"@type": kind, "name": statement.speaker_name}


def review_rating(verdict: Verdict) -> dict[str, Any]:
    """`alternateName` always; the numbers only for a point on the true-false scale (see
    claims.models.ORDINAL_RATINGS)."""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.get_rating_display()}
    if verdict.ordinal is not None:
        rating |= {
            "ratingValue": verdict.ordinal,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
    return rating


def claim_review_json_ld(
    claim: Claim,
    url: str,
    earliest: Sequence[Statement],
    absolute: Callable[[str], str],
) -> dict[str, Any]:
    """The ClaimReview of `claim`'s current verdict (escape it when embedding in HTML).

    `earliest`: the published statements making the claim, oldest first (the first is the
    claim's first appearance); `absolute` turns a path into a full URL.
    """
    verdict = claim.verdict
    assert verdict is not None and verdict.reviewed_on is not None, "only rated claims"
    item: dict[str, Any] = {"@type": "Claim"}
    if earliest:
        first = earliest[0]
        appearances = [
            appearance(s, absolute(s.get_absolute_url())) for s in earliest[:APPEARANCES_LISTED]
        ]
        item |= {
            "author": speaker(first),
            "datePublished": first.said_on.isoformat(),
            "appearance": appearances,
            "firstAppearance": appearances[0],
        }
    publisher = {"@type": "Organization", "name": settings.SITE_PUBLISHER_NAME}
    if settings.SITE_PUBLISHER_URL:
        publisher["url"] = settings.SITE_PUBLISHER_URL
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.short_text,
        "datePublished": verdict.reviewed_on.isoformat(),
        "author": publisher,
        "itemReviewed": item,
        "reviewRating": review_rating(verdict),
    }
