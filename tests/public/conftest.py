import datetime

import pytest

from claims.models import Claim, ClaimStatus, Proposition, Stance, Verdict
from events.models import Event
from people.models import Person
from statements.models import Statement
from tests import factories

DRAFT_TEXT = "Unpublished words zebracorn that must stay inside the newsroom."
RETRACTED_TEXT = "Withdrawn words quokkafish that only their own permalink may show."
DRAFT_CLAIM_TEXT = "A draft claim hippogriffin nobody has reviewed"
UNRATED_CLAIM_TEXT = "A claim basiliskus whose verdict is only proposed"
PROPOSED_FINDING = "A proposed finding wyvernhold awaiting a reviewer"


@pytest.fixture
def kit(demo) -> Person:
    return Person.objects.get(slug="kit-malthouse")


@pytest.fixture
def vigil(demo) -> Event:
    return Event.objects.get(slug="clapham-common-vigil")


@pytest.fixture
def unpublished(kit, vigil) -> dict[str, Statement]:
    """A draft and a retracted statement by the demo's speaker, about the demo's event and tag,
    so every page that lists the demo would list them too if it leaked."""
    common = {
        "speaker": kit,
        "said_on": datetime.date(2021, 3, 14),
        "events": [vigil],
        "tags": ["policing", "secret-draft-tag"],
        "context": "Asked about zebracorn and quokkafish",
    }
    made = {
        "draft": factories.statement(text=DRAFT_TEXT, status=Statement.Status.DRAFT, **common),
        "retracted": factories.statement(
            text=RETRACTED_TEXT, status=Statement.Status.RETRACTED, **common
        ),
    }
    unpublished_claims(made["draft"], made["retracted"], kit.statements.published().first())
    return made


def unpublished_claims(draft: Statement, retracted: Statement, published: Statement) -> None:
    """Claims no reader may see (a draft; one with a proposed verdict only) made by published
    statements, and the demo's public claims and proposition given unpublished statements."""
    draft_claim = Claim.objects.create(
        text=DRAFT_CLAIM_TEXT, short_text=DRAFT_CLAIM_TEXT, slug="draft-claim"
    )
    unrated = Claim.objects.create(
        text=UNRATED_CLAIM_TEXT,
        short_text=UNRATED_CLAIM_TEXT,
        slug="unrated-claim",
        status=ClaimStatus.PUBLISHED,
    )
    Verdict.objects.create(claim=draft_claim, rating="false", finding=PROPOSED_FINDING).publish(
        None
    )
    Verdict.objects.create(claim=unrated, rating="false", finding=PROPOSED_FINDING)
    for claim in (draft_claim, unrated):
        claim.statements.add(published)
        claim.tags.add("policing")
    for claim in Claim.objects.published():
        claim.statements.add(draft, retracted)
    for proposition in Proposition.objects.all():
        for statement in (draft, retracted):
            Stance.objects.create(proposition=proposition, statement=statement, position="supports")
