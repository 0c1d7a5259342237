"""Steps a person takes in the admin, shared by the browser journeys."""

from typing import Any

from playwright.sync_api import Page, expect

# static/js/tag_autocomplete.js: select2 asks for suggestions this long after the last key.
SUGGESTION_DELAY_MS = 200


def choose_in_autocomplete(page: Page, field: str, typed: str, option: str) -> None:
    """Pick a value in one of the admin's select2 autocomplete widgets, as a person would."""
    page.locator(f"#id_{field} + .select2").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    page.locator(".select2-results__option", has_text=option).first.click()


def add_tags(page: Page, field_id: str, names: list[str]) -> None:
    """Type tags into one of the tag boxes (common/widgets.py), each ended by a comma as a
    person would; a new name becomes a new tag. Returns once the box's suggestion requests
    have all been answered: the test server shares one SQLite connection between its threads,
    so a suggestion query still running when the page was saved broke the save's transaction
    (a 500 seen once in CI; a real server gives each thread its own connection)."""
    in_flight: set = set()

    def started(request: Any) -> None:
        if "/tags/" in request.url:
            in_flight.add(request)

    def ended(request: Any) -> None:
        in_flight.discard(request)

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    page.locator(f"#{field_id} + .select2 .select2-search__field").click()
    search = page.locator(f"#{field_id} + .select2 .select2-search__field")
    for name in names:
        search.press_sequentially(f"{name},")
    page.keyboard.press("Escape")
    page.wait_for_timeout(SUGGESTION_DELAY_MS + 100)  # the last key's request has been sent
    for _ in range(100):
        if not in_flight:
            break
        page.wait_for_timeout(50)
    page.remove_listener("request", started)
    page.remove_listener("requestfinished", ended)
    page.remove_listener("requestfailed", ended)


def log_in(page: Page, username: str) -> None:
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("link", name="Log out").or_(page.locator("#logout-form"))
    ).to_be_visible()
