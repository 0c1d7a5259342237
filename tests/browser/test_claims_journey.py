"""A claim followed as it is repeated: an editor links a statement to the claim it repeats, a
reviewer publishes the claim's verdict, and a reader sees it on the statement and the person."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from claims.models import Claim, ClaimStatus, Verdict
from people.models import Person
from statements.models import Source, Statement
from tests.browser.admin_steps import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLAIM = "Knife crime has doubled in London since 2015."
REPEATED = "Knife crime has doubled in London since 2015, and we will not stand by."


def test_an_editor_links_a_repeated_claim_a_reviewer_rates_it_and_readers_see_the_verdict(
    new_page, site, editor, reviewer, screenshot
):
    kit = Person.objects.get(slug="kit-malthouse")
    statement = Statement.objects.create(
        text=REPEATED,
        kind=Statement.Kind.DIRECT,
        speaker=kit,
        said_on=datetime.date(2021, 3, 16),
        source=Source.objects.first(),
        status=Statement.Status.PUBLISHED,
    )
    claim = Claim.objects.create(
        text=CLAIM,
        short_text="Knife crime doubled in London since 2015",
        slug="knife-crime-doubled",
        status=ClaimStatus.PUBLISHED,
    )
    verdict = Verdict.objects.create(
        claim=claim, rating="false", finding="Recorded knife crime rose by about a third."
    )

    editor_page: Page = new_page()
    log_in(editor_page, editor.username)
    editor_page.goto(f"/admin/statements/statement/{statement.pk}/change/")
    suggestion = editor_page.locator(".claim-suggestions li", has_text="Knife crime doubled")
    expect(suggestion).to_be_visible()
    screenshot(editor_page, "claims-suggested")
    suggestion.get_by_role("button", name="Link this claim").click()
    expect(editor_page.locator(".messagelist")).to_contain_text("Linked to the claim")
    assert list(claim.statements.all()) == [statement]

    reviewer_page: Page = new_page()
    log_in(reviewer_page, reviewer.username)
    reviewer_page.goto("/admin/claims/verdict/")
    reviewer_page.locator(f'input[name="_selected_action"][value="{verdict.pk}"]').check()
    reviewer_page.locator('select[name="action"]').select_option("publish")
    reviewer_page.get_by_role("button", name="Go").click()
    expect(reviewer_page.locator(".messagelist")).to_contain_text("1 verdict(s) published.")
    screenshot(reviewer_page, "claims-verdict-published")

    reader: Page = new_page()
    reader.goto(f"/statements/{statement.pk}/")
    made = reader.locator(".claims-made")
    expect(made.locator(".verdict-badge")).to_have_text("False")
    expect(made).to_contain_text("Knife crime doubled in London since 2015")
    screenshot(reader, "claims-statement-badge")

    reader.goto("/people/kit-malthouse/")
    tally = reader.locator(".verdict-tally")
    expect(tally.locator("svg rect")).not_to_have_count(0)
    expect(tally.locator(".verdict-tally__numbers")).to_contain_text("False 1")
    screenshot(reader, "claims-person-tally")

    made.page.goto(claim.get_absolute_url())
    expect(reader.locator(".claim__verdict .verdict-badge")).to_have_text("False")
