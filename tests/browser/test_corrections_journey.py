"""A correction, end to end: a reviewer corrects a published quote and must say why; a reader
sees the correction note on the statement and the correction in /corrections/."""

import pytest
from playwright.sync_api import Page, expect

from statements.models import Statement
from tests.browser.admin_steps import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "A word was misheard in our transcript."


def test_a_reviewer_corrects_a_quote_with_a_reason_and_a_reader_sees_the_note(
    new_page, site, reviewer, screenshot
):
    statement = Statement.objects.published().get(text__startswith="Throughout this pandemic")
    corrected = statement.text.replace("extremely well", "exceptionally well")

    reviewer_page: Page = new_page()
    log_in(reviewer_page, reviewer.username)
    reviewer_page.goto(f"/admin/statements/statement/{statement.pk}/change/")
    expect(reviewer_page.locator(".status-badge").first).to_have_text("Published")
    reviewer_page.locator("#id_text").fill(corrected)
    reviewer_page.get_by_role("button", name="Save", exact=True).click()
    # Refused without a reason: the words of a published quote are the record.
    expect(reviewer_page.locator(".errorlist")).to_contain_text("that is a correction")
    reviewer_page.locator("#id_correction_reason").fill(REASON)
    reviewer_page.get_by_role("button", name="Save", exact=True).click()
    expect(reviewer_page.locator(".messagelist")).to_contain_text("was changed successfully")
    screenshot(reviewer_page, "correction-saved")

    reader: Page = new_page(width=390)
    reader.goto(f"/statements/{statement.pk}/")
    note = reader.locator(".corrections")
    expect(note).to_contain_text("This quote was corrected on")
    expect(note).to_contain_text(REASON)
    expect(note.locator(".quote--earlier")).to_contain_text("extremely well")
    expect(reader.locator("blockquote.quote").first).to_contain_text("exceptionally well")
    screenshot(reader, "correction-note")

    reader.get_by_role("link", name="Corrections").click()
    expect(reader.get_by_role("heading", name="Corrections and retractions")).to_be_visible()
    entry = reader.locator(".correction-item", has_text=REASON)
    expect(entry).to_contain_text("Correction: Kit Malthouse")
    entry.get_by_role("link").click()
    expect(reader.locator(".corrections")).to_contain_text(REASON)
