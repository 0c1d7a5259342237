"""Steps a person takes in the admin, shared by the browser journeys."""

from playwright.sync_api import Page, expect


def choose_in_autocomplete(page: Page, field: str, typed: str, option: str) -> None:
    """Pick a value in one of the admin's select2 autocomplete widgets, as a person would."""
    page.locator(f"#id_{field} + .select2").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    page.locator(".select2-results__option", has_text=option).first.click()


def add_tags(page: Page, field_id: str, names: list[str]) -> None:
    """Type tags into one of the tag boxes (common/widgets.py), each ended by a comma as a
    person would; a new name becomes a new tag."""
    page.locator(f"#{field_id} + .select2 .select2-search__field").click()
    search = page.locator(f"#{field_id} + .select2 .select2-search__field")
    for name in names:
        search.press_sequentially(f"{name},")
    page.keyboard.press("Escape")


def log_in(page: Page, username: str) -> None:
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("link", name="Log out").or_(page.locator("#logout-form"))
    ).to_be_visible()
