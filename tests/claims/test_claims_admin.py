"""Editors write claims and propose verdicts; only reviewers publish, by no other path."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from claims.models import (
    Claim,
    ClaimCorrection,
    ClaimStatus,
    Proposition,
    Rating,
    Verdict,
    VerdictStatus,
)
from common.groups import EDITORS, REVIEWERS
from statements.models import Statement
from tests import factories
from tests.statements.test_admin import inline_management_data

pytestmark = pytest.mark.django_db


def make_claim(**overrides) -> Claim:
    values = {
        "text": "Police and public have managed pandemic policing well in most cases.",
        "short_text": "Pandemic policing was managed well in most cases",
        "slug": "pandemic-policing-managed-well",
    } | overrides
    return Claim.objects.create(**values)


def propose(claim: Claim, **overrides) -> Verdict:
    values = {"claim": claim, "rating": Rating.MOSTLY_TRUE, "finding": "Fines were few."}
    return Verdict.objects.create(**(values | overrides))


def claim_form_data(**overrides) -> dict:
    data = inline_management_data(Claim) | {
        "text": "Crime fell during the lockdown.",
        "short_text": "Crime fell during the lockdown",
        "slug": "crime-fell-during-lockdown",
        "status": "published",
        "tags": "",
        "editor_notes": "",
    }
    return data | overrides


def test_reviewers_and_only_reviewers_may_publish_verdicts(newsroom_groups):
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert "publish_verdict" in codenames(REVIEWERS)
    assert "publish_verdict" not in codenames(EDITORS)
    assert {"add_claim", "change_claim", "add_verdict", "change_verdict"} <= codenames(EDITORS)


def test_an_editors_new_claim_is_a_draft_whatever_was_posted(editor_client, editor):
    response = editor_client.post(reverse("admin:claims_claim_add"), claim_form_data())

    assert response.status_code == 302
    claim = Claim.objects.get(slug="crime-fell-during-lockdown")
    assert claim.status == ClaimStatus.DRAFT
    assert claim.created_by == editor


def test_an_editor_proposes_a_verdict_but_cannot_publish_it(editor_client):
    claim = make_claim(status=ClaimStatus.PUBLISHED)
    response = editor_client.post(
        reverse("admin:claims_verdict_add"),
        {"claim": claim.pk, "rating": "false", "finding": "No.", "status": "published"},
    )
    assert response.status_code == 302
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.status == VerdictStatus.PROPOSED

    changelist = reverse("admin:claims_verdict_changelist")
    assert 'value="publish"' not in editor_client.get(changelist).content.decode()
    editor_client.post(changelist, {"action": "publish", "_selected_action": [verdict.pk]})

    verdict.refresh_from_db()
    claim.refresh_from_db()
    assert verdict.status == VerdictStatus.PROPOSED
    assert claim.verdict is None
    assert not Claim.objects.published().exists()


def test_a_reviewer_publishes_a_verdict_which_the_claim_then_shows(reviewer_client, reviewer):
    claim = make_claim(status=ClaimStatus.PUBLISHED)
    verdict = propose(claim)

    response = reviewer_client.post(
        reverse("admin:claims_verdict_changelist"),
        {"action": "publish", "_selected_action": [verdict.pk]},
        follow=True,
    )

    assert "1 verdict(s) published." in response.content.decode()
    verdict.refresh_from_db()
    claim.refresh_from_db()
    assert verdict.status == VerdictStatus.PUBLISHED
    assert verdict.reviewer == reviewer and verdict.reviewed_on is not None
    assert claim.verdict == verdict and claim.rated_on == verdict.reviewed_on
    assert list(Claim.objects.published()) == [claim]
    assert verdict.history.first().history_user == reviewer


def test_a_published_verdict_is_never_edited_in_place(reviewer_client, reviewer):
    verdict = propose(make_claim(status=ClaimStatus.PUBLISHED))
    verdict.publish(reviewer)
    url = reverse("admin:claims_verdict_change", args=[verdict.pk])

    response = reviewer_client.post(url, {"claim": verdict.claim_id, "rating": "false"})

    assert response.status_code == 403
    verdict.refresh_from_db()
    assert verdict.rating == Rating.MOSTLY_TRUE


def test_a_new_verdict_must_say_why_it_changes_and_keeps_the_earlier_one(editor_client, reviewer):
    claim = make_claim(status=ClaimStatus.PUBLISHED)
    first = propose(claim)
    first.publish(reviewer)
    add = reverse("admin:claims_verdict_add")

    refused = editor_client.post(add, {"claim": claim.pk, "rating": "false", "finding": "No."})
    assert refused.status_code == 200
    assert "say why it changes" in refused.content.decode()

    editor_client.post(
        add,
        {"claim": claim.pk, "rating": "false", "finding": "No.", "change_reason": "New data."},
    )
    second = Verdict.objects.get(claim=claim, rating=Rating.FALSE)
    second.publish(reviewer)
    claim.refresh_from_db()
    assert claim.verdict == second
    assert list(claim.earlier_verdicts()) == [first]


def test_draft_claims_and_claims_without_a_published_verdict_are_not_public(reviewer):
    unrated = make_claim(status=ClaimStatus.PUBLISHED, slug="unrated")
    propose(unrated)
    draft = make_claim(slug="draft")
    propose(draft).publish(reviewer)
    public = make_claim(status=ClaimStatus.PUBLISHED, slug="public")
    propose(public).publish(reviewer)

    assert list(Claim.objects.published()) == [public]


def test_the_statement_form_has_the_claims_it_makes_and_its_stances(editor_client):
    statement = factories.statement(status=Statement.Status.DRAFT)
    page = editor_client.get(reverse("admin:statements_statement_change", args=[statement.pk]))
    text = page.content.decode()
    assert "Claims this statement makes" in text
    assert "Stances" in text


def form_data_of(claim, **overrides) -> dict:
    """The claim's form as it stands, with `overrides`."""
    current = {"text": claim.text, "short_text": claim.short_text, "slug": claim.slug}
    return claim_form_data(status=claim.status, **current) | overrides


@pytest.fixture
def public_claim(reviewer):
    claim = Claim.objects.create(
        text="Knife crime has doubled since 2015.",
        short_text="Knife crime doubled since 2015",
        slug="knife-crime-doubled",
        status=ClaimStatus.PUBLISHED,
    )
    Verdict.objects.create(claim=claim, rating="false", finding="It rose by a third.").publish(
        reviewer
    )
    return claim


def test_only_a_reviewer_changes_a_public_claims_wording_and_says_why(
    client, editor, reviewer, public_claim
):
    url = reverse("admin:claims_claim_change", args=[public_claim.pk])
    reworded = {"text": "Knife crime has doubled in London since 2015."}
    client.force_login(editor)
    refused = client.post(url, form_data_of(public_claim, **reworded))
    assert "Only a reviewer changes the wording" in refused.content.decode()
    # ...while the editor may still tag it.
    tagged = client.post(url, form_data_of(public_claim, tags="knife crime"))
    assert tagged.status_code == 302

    client.force_login(reviewer)
    asked = client.post(url, form_data_of(public_claim, **reworded))
    assert "that is a correction" in asked.content.decode()
    done = client.post(
        url,
        form_data_of(public_claim, correction_reason="The claim was about London.", **reworded),
    )
    assert done.status_code == 302
    public_claim.refresh_from_db()
    assert public_claim.text == "Knife crime has doubled in London since 2015."
    note = public_claim.corrections.get()
    assert note.earlier_text == "Knife crime has doubled since 2015." and note.made_by == reviewer
    assert public_claim.history.first().history_change_reason == (
        "Corrected: The claim was about London."
    )
    page = client.get(public_claim.get_absolute_url()).content.decode()
    assert "This claim's wording was corrected on" in page
    assert "Earlier wording: “Knife crime has doubled since 2015.”" in page


def test_a_draft_claims_wording_changes_freely(editor_client):
    claim = Claim.objects.create(text="A draft claim.", short_text="A draft", slug="a-draft")
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    response = editor_client.post(url, form_data_of(claim, text="A better draft claim."))
    assert response.status_code == 302
    assert not ClaimCorrection.objects.exists()


@pytest.mark.parametrize("malformed", ["abc", " ", "99999999999999999999999"])
def test_malformed_keys_in_a_statements_claim_and_stance_rows_are_form_errors(
    editor_client, malformed
):
    """Found by tests/fuzz: redisplaying the form looked the malformed key up (a 500)."""
    from tests.statements.test_admin import change_form_data

    statement = factories.statement(status=Statement.Status.DRAFT)
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    data = change_form_data(statement) | {
        "Claim_statements-TOTAL_FORMS": "1",
        "Claim_statements-0-claim": malformed,
        "stances-TOTAL_FORMS": "1",
        "stances-0-proposition": malformed,
        "stances-0-position": "supports",
    }

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_a_malformed_statement_in_a_propositions_stance_row_is_a_form_error(admin_client):
    url = reverse("admin:claims_proposition_add")
    data = inline_management_data(Proposition) | {
        "question": "Should the vigil have gone ahead?",
        "slug": "should-the-vigil-have-gone-ahead",
        "stances-TOTAL_FORMS": "1",
        "stances-0-statement": " ",
        "stances-0-position": "supports",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Proposition.objects.exists()
