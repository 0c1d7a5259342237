"""An editor imports the seed article in the admin and a reviewer publishes the result."""

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from statements.models import Statement
from tests.browser.admin_steps import add_tags, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE_URL = "https://news.example/2021/03/14/vigil-clashes-distressing"


def test_an_editor_imports_the_seed_article_and_a_reviewer_publishes_it(
    new_page, editor, reviewer, screenshot
):
    seed = settings.DEMO_SEED_PATH.read_text(encoding="utf-8")
    editor_page: Page = new_page(width=1400)
    log_in(editor_page, editor.username)
    editor_page.goto("/admin/statements/statement/")
    editor_page.get_by_role("link", name="Import article").click()
    editor_page.get_by_label("Article text").fill(seed)
    editor_page.get_by_label("…or a new outlet").fill("The Example Times")
    editor_page.get_by_label("Headline").fill("Vigil clashes ‘distressing’, says policing minister")
    editor_page.get_by_label("URL").fill(ARTICLE_URL)
    editor_page.get_by_label("Published").fill("2021-03-14")
    editor_page.get_by_role("button", name="Find the quotes").click()

    expect(editor_page.locator(".quote-card")).to_have_count(7)
    expect(editor_page.locator(".import-article mark")).to_have_count(7)
    # Every quote is already attributed to the minister and dated from the article.
    for card in editor_page.locator(".quote-card").all():
        expect(card.locator(".select2-selection__rendered").first).to_contain_text("Kit Malthouse")
        expect(card.locator('input[type="date"]')).to_have_value("2021-03-14")
    # The demo has these quotes already: each is marked so and left unticked; the editor
    # ticks them all the same (as for a second article reporting the same words).
    expect(editor_page.locator(".quote-card .duplicate-warning")).to_have_count(7)
    for checkbox in editor_page.locator('.quote-card input[name$="-accept"]').all():
        expect(checkbox).not_to_be_checked()
        checkbox.check()
    screenshot(editor_page, "import-review")
    add_tags(editor_page, "id_quote-4-tags", ["taskforce", "women's safety"])
    editor_page.get_by_role("button", name="Save accepted quotes as drafts").click()
    expect(editor_page.locator(".messagelist")).to_contain_text("7 draft statement(s) created")

    imported = Statement.objects.filter(source__url=ARTICLE_URL)
    assert imported.count() == 7
    assert set(imported.values_list("status", flat=True)) == {Statement.Status.DRAFT}
    assert set(imported.get(kind="reported", text__startswith="ministers").tags.names()) == {
        "taskforce",
        "women's safety",
    }

    reviewer_page: Page = new_page()
    log_in(reviewer_page, reviewer.username)
    source_id = imported.first().source_id
    reviewer_page.goto(f"/admin/statements/statement/?source__id__exact={source_id}")
    reviewer_page.locator("#action-toggle").check()
    reviewer_page.locator('select[name="action"]').select_option(
        label="Publish selected statements"
    )
    reviewer_page.get_by_role("button", name="Go").click()
    expect(reviewer_page.locator(".messagelist")).to_contain_text("7 statement(s) published.")
    assert set(imported.values_list("status", flat=True)) == {Statement.Status.PUBLISHED}
