"""Every page of the site and of the admin works inside the Content-Security-Policy: Chromium
reports no violation on any of them (an inline script or style without the page's nonce, a
resource from elsewhere)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import Page

from statements.models import Source, Statement
from tests.browser.admin_steps import log_in
from tests.public.test_leaks import EXAMPLES
from tests.routes import public_route_names

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# XML and text: Chromium shows them with its own viewer and its own styles.
NOT_HTML = {"sitemap", "django.contrib.sitemaps.views.sitemap", "robots", "healthz"}

# Collects what the browser refused, from the moment each page starts to load.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || ""}:${event.lineNumber}`);
});
"""


def violations_on(page: Page, url: str) -> list[str]:
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert "content-security-policy" in response.headers, url
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations") + console


def public_pages() -> list[str]:
    return [
        url
        for route in public_route_names()
        if route not in NOT_HTML
        and "feed" not in route
        and not route.endswith(":export")  # downloads
        and (route == "api:docs" or not route.startswith("api:"))  # the API is JSON
        for url in EXAMPLES[route]()
    ]


def admin_pages() -> list[str]:
    statement = Statement.objects.order_by("pk").first()
    pages = [
        reverse("admin:index"),
        reverse("admin:statements_statement_changelist"),
        reverse("admin:statements_statement_add"),
        reverse("admin:statements_statement_change", args=[statement.pk]),
        reverse("admin:statements_statement_history", args=[statement.pk]),
        reverse("admin:statements_statement_import_article"),
        reverse("admin:statements_source_change", args=[Source.objects.first().pk]),
        reverse("admin:people_person_changelist"),
        reverse("admin:people_person_change", args=[statement.speaker_id]),
        reverse("admin:events_event_changelist"),
        reverse("admin:events_event_add"),
        reverse("admin:auth_user_changelist"),
    ]
    return pages


def test_no_public_page_breaks_the_policy(new_page, site):
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    for url in public_pages():
        assert violations_on(page, url) == [], url


def test_no_admin_page_breaks_the_policy(new_page, site):
    get_user_model().objects.create_superuser(
        "csp-admin", "csp@example.org", "correct-horse-battery"
    )
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    log_in(page, "csp-admin")
    for url in admin_pages():
        assert violations_on(page, url) == [], url

    # The import review, with its own styles and the autocomplete widgets, opened as an editor
    # would open it.
    page.goto(reverse("admin:statements_statement_import_article"))
    page.get_by_label("Article text").fill(
        "“We will act,” said Kit Malthouse, the policing minister."
    )
    page.get_by_label("…or a new outlet").fill("The Example Times")
    page.get_by_label("Headline").fill("Minister promises action")
    page.get_by_label("Published").fill("2021-03-14")
    page.get_by_role("button", name="Find the quotes").click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []
    page.locator(".select2").first.click()  # the autocomplete opens its dropdown
    page.wait_for_timeout(300)
    assert page.evaluate("window.__violations") == []
