"""Public claims as rows for a download (common/exports.py): the /claims/ filters, newest
verdict first."""

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest

from .filters import ClaimFilter
from .models import Claim, ClaimQuerySet
from .ordering import NEWEST_RATED

COLUMNS = [
    "slug",
    "url",
    "short_text",
    "text",
    "verdict",
    "verdict_label",
    "rated_on",
    "finding",
    "tags",
]
CHUNK = 2000


def exported_claims(request: HttpRequest) -> ClaimQuerySet:
    filterset = ClaimFilter(request.GET, queryset=Claim.objects.published())
    claims: ClaimQuerySet = filterset.qs.with_related()
    return claims.order_by(*NEWEST_RATED.order_by())


def claim_rows(claims: ClaimQuerySet, request: HttpRequest) -> Iterator[dict[str, Any]]:
    for claim in claims.iterator(chunk_size=CHUNK):
        verdict = claim.verdict
        yield {
            "slug": claim.slug,
            "url": request.build_absolute_uri(claim.get_absolute_url()),
            "short_text": claim.short_text,
            "text": claim.text,
            "verdict": verdict.rating if verdict else None,
            "verdict_label": verdict.get_rating_display() if verdict else None,
            "rated_on": claim.rated_on.isoformat() if claim.rated_on else None,
            "finding": verdict.finding if verdict else None,
            "tags": "; ".join(sorted(tag.name for tag in claim.tags.all())),
        }
