import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser import chromium as chromium_module
from tests.browser.chromium import (
    Unavailable,
    browsers_are_required,
    candidate_executables,
    launch_first_that_starts,
)

# Playwright's sync API runs an event loop in this thread; Django must be told that is fine.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Every browser test skipped for want of a browser is reported at one place, so the
    summary folds them into one line instead of one per test."""
    report = yield
    if report.skipped and isinstance(report.longrepr, tuple):
        _, _, reason = report.longrepr
        if Unavailable.SKIP_PREFIX in reason:
            report.longrepr = (chromium_module.__file__, None, reason)
    return report


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session; skipped (or, where CI is set, failed) when none starts."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:

        def launch(executable: str | None):
            return playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS, timeout=30_000
            )

        chromium, unavailable = launch_first_that_starts(
            launch,
            candidate_executables(os.environ),
            required=browsers_are_required(os.environ),
        )
        if unavailable:
            if unavailable.required:
                pytest.fail(unavailable.message, pytrace=False)
            pytest.skip(unavailable.message)
        yield chromium
        chromium.close()


@pytest.fixture
def site(transactional_db, live_server, newsroom_groups):
    """The live server with the demo record loaded (the flush between tests empties it)."""
    call_command("load_demo", "--no-accounts", verbosity=0)
    return live_server


@pytest.fixture
def new_page(browser, site):
    """Opens a page in a fresh browser context (its own cookies) that may use the clipboard."""
    contexts = []

    def open_page(width: int = 1280):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, base_url=site.url, locale="en-GB"
        )
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    """Saves a full-page screenshot for people to look at (artifacts/ is ignored by git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
