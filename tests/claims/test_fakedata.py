"""generate_fake makes claims, verdicts, propositions and stances shaped like a newsroom's."""

import pytest
from django.core.management import call_command
from django.db.models import Count

from claims.models import Claim, Proposition, Stance, Verdict
from claims.views import standings
from statements.models import Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    call_command("generate_fake", people=60, statements=3000, seed=4, verbosity=0)


def test_claims_come_a_few_per_thousand_statements_one_repeated_by_many(generated):
    counts = list(
        Claim.objects.annotate(n=Count("statements")).order_by("-n").values_list("n", flat=True)
    )
    assert len(counts) == 9  # 3 per thousand
    assert counts[0] >= 100 and counts[-1] >= 1
    assert not Statement.objects.filter(claims__isnull=False).exclude(status="published").exists()


def test_most_claims_are_public_with_their_current_verdict(generated):
    public = Claim.objects.published()
    assert public.count() >= Claim.objects.count() // 2
    for claim in Claim.objects.select_related("verdict"):
        assert claim.verdict.claim_id == claim.pk
        assert claim.rated_on == claim.verdict.reviewed_on
    assert Verdict.objects.count() >= Claim.objects.count()


def test_propositions_have_stances_and_some_people_change_position(generated):
    assert Proposition.objects.count() >= 2
    biggest = Proposition.objects.annotate(n=Count("stances")).order_by("-n").first()
    rows = list(
        biggest.stances.order_by(
            "statement__said_on", "statement__said_at", "statement_id"
        ).values_list("id", "statement__speaker_id", "position", "statement__said_on")
    )
    assert len(rows) > 100
    assert any(standing.changes for standing in standings(rows))
    assert Stance.objects.count() == sum(p.stances.count() for p in Proposition.objects.all())


def test_a_claim_can_be_added_after_a_generated_run(generated):
    # The sequences were moved past the generated ids.
    Claim.objects.create(text="New.", short_text="New", slug="a-new-claim")
