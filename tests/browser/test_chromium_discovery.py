"""Which Chromium the browser tests use, and whether its absence skips or fails them.

No browser needed: the launcher is a stand-in.
"""

import pytest

from tests.browser.chromium import (
    DEBIAN_PATH,
    PLAYWRIGHTS_OWN,
    Unavailable,
    browsers_are_required,
    candidate_executables,
    launch_first_that_starts,
)


def no_chromium_on_path(name: str) -> None:
    return None


def test_the_explicit_path_comes_first_then_path_then_debian_then_playwrights_own():
    on_path = {"chromium-browser": "/opt/bin/chromium-browser"}

    candidates = candidate_executables({"CHROMIUM_PATH": "/srv/chrome"}, on_path.get)

    assert candidates == ["/srv/chrome", "/opt/bin/chromium-browser", DEBIAN_PATH, PLAYWRIGHTS_OWN]


def test_without_anything_configured_debian_and_playwrights_own_are_tried():
    assert candidate_executables({}, no_chromium_on_path) == [DEBIAN_PATH, PLAYWRIGHTS_OWN]


def test_a_browser_found_twice_is_tried_once():
    candidates = candidate_executables({"CHROMIUM_PATH": DEBIAN_PATH}, lambda name: DEBIAN_PATH)

    assert candidates == [DEBIAN_PATH, PLAYWRIGHTS_OWN]


@pytest.mark.parametrize(
    ("ci", "required"),
    [(None, False), ("", False), ("false", False), ("0", False), ("true", True), ("1", True)],
)
def test_a_browser_is_required_exactly_where_ci_is_set(ci, required):
    environ = {} if ci is None else {"CI": ci}

    assert browsers_are_required(environ) is required


def refuse(executable):
    raise RuntimeError(f"Executable doesn't exist at {executable}\nmore detail")


def test_the_first_browser_that_starts_is_used():
    started = []

    def launch(executable):
        if executable == "/broken":
            refuse(executable)
        started.append(executable)
        return f"browser at {executable}"

    browser, unavailable = launch_first_that_starts(launch, ["/broken", "/works"], required=True)

    assert browser == "browser at /works"
    assert unavailable is None
    assert started == ["/works"]


def test_no_browser_outside_ci_is_a_skip_with_one_line_saying_why_and_how_to_get_one():
    browser, unavailable = launch_first_that_starts(refuse, ["/usr/bin/chromium"], required=False)

    assert browser is None
    assert unavailable.outcome == "skip"
    assert "\n" not in unavailable.message
    assert "Executable doesn't exist at /usr/bin/chromium" in unavailable.message
    assert "apt-get install chromium" in unavailable.message
    assert "python -m playwright install chromium" in unavailable.message


def test_no_browser_in_ci_is_a_failure():
    browser, unavailable = launch_first_that_starts(refuse, [DEBIAN_PATH], required=True)

    assert browser is None
    assert unavailable == Unavailable(
        (f"{DEBIAN_PATH}: Executable doesn't exist at {DEBIAN_PATH}",), required=True
    )
    assert unavailable.outcome == "fail"
    assert unavailable.message.startswith("CI is set, so the browser tests must run")
