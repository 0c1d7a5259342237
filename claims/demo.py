"""The demo's claims, verdicts and the proposition "Should Cressida Dick resign?", added when
`load_demo` has loaded the seed article's statements. Idempotent, like the rest of the demo.

Every verdict here is on a real person's words and rated by nobody: each is flagged
`is_demo` and shown as an illustrative demo verdict, not a finding."""

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from statements.models import Statement

from .models import Claim, ClaimStatus, Position, Proposition, Rating, Stance, Verdict


@dataclass(frozen=True)
class DemoClaim:
    slug: str
    text: str
    short_text: str
    statement_starts: str  # the demo statement making it, by its first words
    rating: str
    finding: str


CLAIMS = [
    DemoClaim(
        slug="police-and-public-managed-the-pandemic-well",
        text="In the vast majority of cases the police and the public have managed policing "
        "during the pandemic extremely well between them.",
        short_text="Police and public managed pandemic policing well in most cases",
        statement_starts="Throughout this pandemic",
        rating=Rating.UNSUBSTANTIATED,
        finding="An illustration of a finding: a verdict would weigh the number of "
        "coronavirus fixed penalty notices and complaints against the police with the "
        "number of contacts between them. No such review was made for this demo.",
    ),
    DemoClaim(
        slug="home-secretary-asked-for-an-independent-investigation",
        text="The home secretary has asked for an independent investigation into the policing "
        "of the vigil for Sarah Everard on Clapham Common.",
        short_text="The home secretary asked for an independent inquiry into the vigil",
        statement_starts="Along with everyone else",
        rating=Rating.NOT_YET_RATED,
        finding="An illustration: this claim is on the record and awaits review.",
    ),
]

PROPOSITION = {
    "slug": "should-cressida-dick-resign",
    "question": "Should Cressida Dick resign?",
    "description": "Calls for the Metropolitan Police commissioner to resign over the policing "
    "of the Clapham Common vigil in March 2021.",
}
# Kit Malthouse's stance: the reported statement that she should not resign.
STANCE_STATEMENT_STARTS = "the under-pressure Metropolitan"


def statement_starting(statements: list[Statement], words: str) -> Statement:
    return next(s for s in statements if s.text.startswith(words))


def load_claims_demo(sender: Any, statements: list[Statement], stdout: Any, **kwargs: Any) -> None:
    for demo in CLAIMS:
        claim, _ = Claim.objects.get_or_create(
            slug=demo.slug,
            defaults={
                "text": demo.text,
                "short_text": demo.short_text,
                "status": ClaimStatus.PUBLISHED,
            },
        )
        claim.statements.add(statement_starting(statements, demo.statement_starts))
        if not claim.verdicts.exists():
            verdict = Verdict.objects.create(
                claim=claim, rating=demo.rating, finding=demo.finding, is_demo=True
            )
            verdict.publish(reviewer=None, on=timezone.localdate())
    proposition, _ = Proposition.objects.get_or_create(
        slug=PROPOSITION["slug"], defaults=PROPOSITION
    )
    Stance.objects.get_or_create(
        proposition=proposition,
        statement=statement_starting(statements, STANCE_STATEMENT_STARTS),
        defaults={"position": Position.OPPOSES},
    )
    stdout.write(f"Demo claims: {len(CLAIMS)} claims with demo verdicts, 1 proposition.")
