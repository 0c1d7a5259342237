import datetime

import pytest

from claims.models import Claim, ClaimStatus, Proposition, Stance, Verdict
from events.models import Event
from people.models import Person
from statements.models import Correction, Statement
from tests import factories

DRAFT_TEXT = "Unpublished words zebracorn that must stay inside the newsroom."
RETRACTED_TEXT = "Withdrawn words quokkafish that only their own permalink may show."
DRAFT_CLAIM_TEXT = "A draft claim hippogriffin nobody has reviewed"
UNRATED_CLAIM_TEXT = "A claim basiliskus whose verdict is only proposed"
PROPOSED_FINDING = "A proposed finding wyvernhold awaiting a reviewer"
IN_REVIEW_TEXT = "Words griffonel waiting in the review queue."
# A withheld statement's words, its context and the wording a correction replaced: none may
# reach any public page, feed, sitemap or piece of metadata.
WITHHELD_TEXT = "Words mantichorax withheld for legal reasons."
WITHHELD_CONTEXT = "Context krakenwold of a withheld statement"
WITHHELD_EARLIER_TEXT = "Earlier words leviathor of a withheld statement."
WITHHELD_TOKENS = ("mantichorax", "krakenwold", "leviathor")


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
        "in_review": factories.statement(
            text=IN_REVIEW_TEXT, status=Statement.Status.IN_REVIEW, **common
        ),
        "retracted": factories.statement(
            text=RETRACTED_TEXT, status=Statement.Status.RETRACTED, **common
        ),
        "withheld": withheld_statement(common),
    }
    unpublished_claims(made["draft"], made["retracted"], kit.statements.published().first())
    unpublished_claims_of(made["withheld"], made["in_review"])
    return made


def withheld_statement(common: dict) -> Statement:
    """A published statement, corrected (its earlier words in a public note), then withheld."""
    statement = factories.statement(
        text=WITHHELD_EARLIER_TEXT, status=Statement.Status.PUBLISHED, **common
    )
    before = Statement.objects.get(pk=statement.pk)
    statement.text = WITHHELD_TEXT
    statement.context = WITHHELD_CONTEXT
    statement.save()
    Correction.record(before, statement, by=None, reason="A word was misheard.")
    statement.move("withhold", by=None, reason="Legal advice: contempt of court.")
    return statement


def unpublished_claims_of(*statements: Statement) -> None:
    """The demo's public claims and propositions given these statements too."""
    for claim in Claim.objects.published():
        claim.statements.add(*statements)
    for proposition in Proposition.objects.all():
        for statement in statements:
            Stance.objects.create(proposition=proposition, statement=statement, position="opposes")


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
