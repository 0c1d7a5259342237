"""Claims on the pages of the apps claims build on: a statement's claims, a person's verdict
tally and changes of position. Template tags, so statements and people need not know claims."""

from dataclasses import dataclass
from typing import Any

from django import template
from django.db.models import Count

from people.models import Person
from statements.models import Statement

from ..models import Claim, Rating, Stance

register = template.Library()


@register.inclusion_tag("claims/includes/claims_made.html")
def claims_made(statement: Statement) -> dict[str, Any]:
    """The public claims a statement makes, with their verdicts (one query)."""
    claims = Claim.objects.published().filter(statements=statement).select_related("verdict")
    return {"claims": list(claims.order_by("short_text"))}


@dataclass(frozen=True)
class TallyBar:
    rating: str
    label: str
    count: int
    width: float  # share of the longest bar, in percent
    y: int  # where the bar sits in the chart


BAR_HEIGHT = 22


@register.inclusion_tag("claims/includes/verdict_tally.html")
def verdict_tally(person: Person) -> dict[str, Any]:
    """How the public claims `person` made were rated, verdict by verdict (one query)."""
    counts: dict[str, int] = {}
    demo = 0
    rated = (
        Claim.objects.published()
        .made_by(person)
        .order_by()
        .values("verdict__rating", "verdict__is_demo")
        .annotate(n=Count("id"))
        .values_list("verdict__rating", "verdict__is_demo", "n")
    )
    for rating, is_demo, n in rated:
        counts[rating] = counts.get(rating, 0) + n
        demo += n if is_demo else 0
    rows = [(rating, counts[rating.value]) for rating in Rating if counts.get(rating.value)]
    longest = max((n for _, n in rows), default=0)
    bars = [
        TallyBar(rating.value, rating.label, n, 100 * n / longest, index * BAR_HEIGHT)
        for index, (rating, n) in enumerate(rows)
    ]
    return {
        "person": person,
        "bars": bars,
        "total": sum(n for _, n in rows),
        "demo": demo,
        "height": len(bars) * BAR_HEIGHT,
        "bar_height": BAR_HEIGHT - 6,
    }


@register.inclusion_tag("claims/includes/position_changes.html")
def position_changes(person: Person) -> dict[str, Any]:
    """Where `person` changed position on a question: each pair of consecutive stances that
    differ, with both quotes and dates (two queries: the stances as ids, the changes in full)."""
    rows = (
        Stance.objects.published()
        .filter(statement__speaker=person)
        .order_by("proposition_id", "statement__said_on", "statement__said_at", "statement_id")
        .values_list("id", "proposition_id", "position")
    )
    pairs: list[tuple[int, int]] = []
    previous: tuple[int, int, str] | None = None
    for stance_id, proposition_id, position in rows:
        if previous and previous[1] == proposition_id and previous[2] != position:
            pairs.append((previous[0], stance_id))
        previous = (stance_id, proposition_id, position)
    stances = Stance.objects.select_related("proposition", "statement").in_bulk(
        {pk for pair in pairs for pk in pair}
    )
    return {"changes": [(stances[before], stances[after]) for before, after in pairs]}


CLAIMS_IN_SEARCH = 5


@register.inclusion_tag("claims/includes/matching_claims.html")
def matching_claims(q: str) -> dict[str, Any]:
    """Search results' group of claims: the public claims worded like `q`, newest verdict
    first (one query)."""
    claims = Claim.objects.published().search(q).select_related("verdict") if q else None
    return {
        "claims": list(claims.order_by("-rated_on", "-id")[:CLAIMS_IN_SEARCH]) if claims else []
    }
