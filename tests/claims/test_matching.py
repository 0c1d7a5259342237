"""A repeated claim is caught: a statement worded like an existing claim gets it suggested, on
both databases, and the editor links it with one click, recorded like any other edit."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from claims.matching import duplicate_claims, similar_claims
from claims.models import Claim
from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db

CLAIM = "In the vast majority of cases the police and the public have managed the pandemic well."
REPEATED = (
    "Throughout this pandemic we have asked officers to do a job they never did before. In the "
    "vast majority of cases, the police and public have managed the pandemic very well."
)
UNRELATED = "Crime fell by half during the lockdown, according to figures out today."


@pytest.fixture
def claims():
    return {
        "policing": Claim.objects.create(
            text=CLAIM, short_text="Police and public managed the pandemic well", slug="policing"
        ),
        "crime": Claim.objects.create(
            text="Knife crime has doubled in London since 2015.",
            short_text="Knife crime doubled in London since 2015",
            slug="knife-crime",
        ),
    }


def test_a_statement_repeating_a_claim_with_small_changes_gets_it_suggested(claims):
    suggested = similar_claims(REPEATED)
    assert [claim.slug for claim in suggested] == ["policing"]
    assert 0.5 < suggested[0].similarity <= 1


def test_an_unrelated_statement_gets_no_suggestion(claims):
    assert similar_claims(UNRELATED) == []


def test_a_claim_already_linked_is_not_suggested_again(claims):
    assert similar_claims(REPEATED, exclude={claims["policing"].pk}) == []


def test_a_new_claim_worded_like_an_existing_one_is_flagged_as_a_duplicate(claims):
    found = duplicate_claims("Knife crime has doubled in London since 2015")
    assert [claim.slug for claim in found] == ["knife-crime"]


def test_the_statement_form_suggests_the_claim_and_one_click_links_it(
    editor_client, editor, claims
):
    statement = factories.statement(text=REPEATED, status=Statement.Status.DRAFT)
    change_url = reverse("admin:statements_statement_change", args=[statement.pk])

    page = editor_client.get(change_url).content.decode()
    assert "Police and public managed the pandemic well" in page
    assert 'form="link-claim-form" name="claim"' in page
    assert "Knife crime doubled" not in page

    link_url = reverse("admin:statements_statement_link_claim", args=[statement.pk])
    response = editor_client.post(link_url, {"claim": claims["policing"].pk}, follow=True)

    assert "Linked to the claim" in response.content.decode()
    assert list(claims["policing"].statements.all()) == [statement]
    statement.refresh_from_db()
    assert statement.updated_by == editor
    latest = statement.history.first()
    assert latest.history_user == editor
    assert latest.history_change_reason.startswith("Linked to the claim")
    assert LogEntry.objects.filter(user=editor, object_id=str(statement.pk)).exists()


def test_linking_by_get_or_to_a_missing_claim_changes_nothing(editor_client, claims):
    statement = factories.statement(text=REPEATED, status=Statement.Status.DRAFT)
    link_url = reverse("admin:statements_statement_link_claim", args=[statement.pk])

    assert editor_client.get(link_url).status_code == 405
    response = editor_client.post(link_url, {"claim": "999999"}, follow=True)

    assert "That claim no longer exists." in response.content.decode()
    assert not Claim.objects.filter(statements=statement).exists()


@pytest.mark.parametrize("key", ["_", "abc", "²", "99999999999999999999999"])
def test_linking_a_malformed_claim_key_changes_nothing(editor_client, claims, key):
    """Found by tests/fuzz: a key that is not a number raised ValueError (a 500)."""
    statement = factories.statement(text=REPEATED, status=Statement.Status.DRAFT)
    link_url = reverse("admin:statements_statement_link_claim", args=[statement.pk])

    response = editor_client.post(link_url, {"claim": key}, follow=True)

    assert "That claim no longer exists." in response.content.decode()
    assert not Claim.objects.filter(statements=statement).exists()


def test_the_import_review_offers_the_claims_a_quote_repeats_and_links_the_ticked_one(
    editor_client, demo
):
    from tests.statements.test_article_import import IMPORT_URL, article_data, review_post

    claim = Claim.objects.get(slug="police-and-public-managed-the-pandemic-well")
    review = editor_client.post(IMPORT_URL, article_data(url="https://news.example/again"))
    forms = review.context["quote_forms"].forms
    offering = [i for i, form in enumerate(forms) if "claims" in form.fields]
    assert offering, "no quote of the seed article was offered its demo claim"
    index = next(i for i in offering if claim in forms[i].fields["claims"].queryset)
    assert "Claims it repeats" in review.content.decode()

    response = editor_client.post(
        IMPORT_URL, review_post(review, {index: {"accept": True, "claims": claim.pk}})
    )

    assert response.status_code == 302
    linked = claim.statements.filter(source__url="https://news.example/again")
    assert linked.count() == 1
    assert linked.get().text.startswith("Throughout this pandemic")
