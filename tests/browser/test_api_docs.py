"""The API's documentation works in a browser, from the site's own files."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_journalist_reads_the_api_docs_and_tries_a_call(new_page, site, screenshot):
    page: Page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/api/docs/")
    expect(page.get_by_text("On Record API").first).to_be_visible()
    operation = page.locator(".opblock-summary-path", has_text="/api/statements/").first
    expect(operation).to_be_visible()
    screenshot(page, "api-docs")
    # Nothing came from anywhere but the site itself.
    assert all(url.startswith(site.url) for url in requests if url.startswith("http"))
