"""Real journeys through the public site and the admin, in Chromium."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from statements.models import Statement
from tests.browser.admin_steps import add_tags, choose_in_autocomplete, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_journalist_cites_a_statement_by_kit_malthouse(new_page, site, screenshot):
    page: Page = new_page()
    page.goto("/")
    expect(page.get_by_role("heading", name="Latest statements")).to_be_visible()
    screenshot(page, "home")

    page.get_by_role("link", name="Kit Malthouse").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kit Malthouse")
    page.get_by_label("Tag", exact=True).select_option(label="pandemic")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".statement-item")).to_have_count(1)
    screenshot(page, "person")

    page.locator(".statement-item__link").first.click()
    expect(page.locator("blockquote.quote")).to_contain_text("Throughout this pandemic")
    page.get_by_text("Cite this").click()
    page.get_by_role("button", name="Copy citation").click()

    statement = Statement.objects.get(text__startswith="Throughout this pandemic")
    expected = (
        "Kit Malthouse, policing minister, Sky News, 14 March 2021. "
        f"On Record: {site.url}/statements/{statement.pk}/"
    )
    expect(page.get_by_role("status")).to_have_text(f"Copied: {expected}")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    screenshot(page, "statement")


def test_a_reader_follows_the_clapham_common_vigil_timeline(new_page, screenshot):
    page: Page = new_page()
    page.goto("/events/")
    vigil = page.get_by_role("heading", name="Vigil for Sarah Everard on Clapham Common")
    vigil.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vigil for Sarah Everard on Clapham Common"
    )
    dates = page.locator(".timeline__entry").evaluate_all(
        "entries => entries.map(entry => entry.dataset.date)"
    )
    assert len(dates) == 8  # six statements and the two events that followed
    assert dates == sorted(dates)
    headings = page.locator(".timeline__date").all_inner_texts()
    assert [h.title() for h in headings] == ["14 March 2021", "15 March 2021"]
    screenshot(page, "event")

    # Every entry leads to its permalink (statements) or its page (events).
    page.locator(".timeline__entry--event a").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Crime and justice taskforce meeting")


def test_an_editor_adds_a_statement_a_reviewer_publishes_it_and_readers_find_it(
    new_page, editor, reviewer, screenshot
):
    text = "We will publish the full review of the vigil’s policing within weeks."
    editor_page: Page = new_page()
    log_in(editor_page, editor.username)
    editor_page.goto("/admin/statements/statement/add/")
    editor_page.locator("#id_text").fill(text)
    editor_page.locator("#id_kind").select_option("direct")
    choose_in_autocomplete(editor_page, "speaker", "Malthouse", "Kit Malthouse")
    editor_page.locator("#id_said_on").fill("2021-03-16")
    choose_in_autocomplete(editor_page, "source", "Sky News", "Kit Malthouse interview")
    choose_in_autocomplete(editor_page, "events", "vigil", "Vigil for Sarah Everard")
    # An existing tag chosen as typed, and a new one.
    editor_page.locator("#id_tags + .select2 .select2-search__field").press_sequentially("poli")
    editor_page.locator(".select2-results__option", has_text="policing").first.click()
    add_tags(editor_page, "id_tags", ["review"])
    editor_page.get_by_role("button", name="Save and continue editing").click()
    expect(editor_page.locator(".messagelist")).to_contain_text("was added successfully")

    statement = Statement.objects.get(text=text)
    assert statement.status == Statement.Status.DRAFT
    assert set(statement.tags.names()) == {"policing", "review"}
    assert statement.role.label == "policing minister"
    # The editor sends it to review; publishing is not theirs to offer.
    expect(editor_page.get_by_role("link", name="Publish", exact=True)).to_have_count(0)
    editor_page.get_by_role("link", name="Send to review").click()
    editor_page.get_by_role("button", name="Send to review").click()
    expect(editor_page.locator(".messagelist")).to_contain_text("1 statement(s) sent to review.")

    reader: Page = new_page()
    reader.goto("/people/kit-malthouse/")
    expect(reader.get_by_text(text)).to_have_count(0)  # a draft is not public

    reviewer_page: Page = new_page()
    log_in(reviewer_page, reviewer.username)
    reviewer_page.goto("/admin/")
    reviewer_page.get_by_role("link", name="1 statement in review, oldest first").click()
    reviewer_page.locator(f'input[name="_selected_action"][value="{statement.pk}"]').check()
    reviewer_page.locator('select[name="action"]').select_option(
        label="Publish selected statements"
    )
    reviewer_page.get_by_role("button", name="Go").click()
    expect(reviewer_page.locator(".messagelist")).to_contain_text("1 statement(s) published.")

    reader.goto("/people/kit-malthouse/")
    expect(reader.get_by_text(text)).to_be_visible()
    expect(reader.locator(".statement-item").first).to_contain_text("16 March 2021")

    reader.goto("/")
    reader.get_by_label("Search the record").fill("full review")
    reader.get_by_label("Search the record").press("Enter")
    expect(reader).to_have_url(re.compile(r"/search/\?q=full\+review"))
    expect(reader.locator(".statement-item")).to_have_count(1)
    expect(reader.locator(".statement-item mark").first).to_be_visible()
    screenshot(reader, "search")
    assert Statement.objects.get(pk=statement.pk).said_on == datetime.date(2021, 3, 16)
