"""Finding a Chromium for the browser tests, and what to do when there is none.

Looked for, in order: the path in `CHROMIUM_PATH`; `chromium` or `chromium-browser` on `PATH`;
`/usr/bin/chromium`; a browser Playwright itself installed (`python -m playwright install
chromium`). The first that starts is used for the whole session. When none starts, the browser
tests are skipped with one line saying why, except where `CI` is set: there it is a failure,
so CI keeps proving the journeys.
"""

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass

ENVIRONMENT_VARIABLE = "CHROMIUM_PATH"
NAMES_ON_PATH = ("chromium", "chromium-browser")
DEBIAN_PATH = "/usr/bin/chromium"
# Stands for "let Playwright use the browser it installed, if it installed one".
PLAYWRIGHTS_OWN = None

HOW_TO_GET_ONE = (
    "install one (apt-get install chromium), or set CHROMIUM_PATH to a Chromium, "
    "or run `python -m playwright install chromium` where downloads are allowed"
)


def candidate_executables(
    environ: Mapping[str, str], which: Callable[[str], str | None] = shutil.which
) -> list[str | None]:
    """The executables to try, in order, without repeats; `PLAYWRIGHTS_OWN` last."""
    found: list[str | None] = []
    explicit = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if explicit:
        found.append(explicit)
    found += [path for path in map(which, NAMES_ON_PATH) if path]
    found.append(DEBIAN_PATH)
    return [*dict.fromkeys(found), PLAYWRIGHTS_OWN]


def browsers_are_required(environ: Mapping[str, str]) -> bool:
    """Whether a missing browser fails the run: where `CI` is set to anything but a no."""
    return environ.get("CI", "").strip().lower() not in {"", "0", "false", "no", "off"}


@dataclass(frozen=True)
class Unavailable:
    """Why no browser could be started, and what the test run does about it."""

    reasons: tuple[str, ...]
    required: bool

    SKIP_PREFIX = "Browser tests skipped: no Chromium could be started"

    @property
    def outcome(self) -> str:
        return "fail" if self.required else "skip"

    @property
    def message(self) -> str:
        tried = "; ".join(self.reasons) or "nothing to try"
        if self.required:
            return f"CI is set, so the browser tests must run, but no Chromium started ({tried})."
        return f"{self.SKIP_PREFIX} ({tried}); {HOW_TO_GET_ONE}."


def first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def launch_first_that_starts(launch: Callable[[str | None], object], candidates, required: bool):
    """(browser, None) for the first candidate `launch` starts, else (None, Unavailable)."""
    reasons = []
    for executable in candidates:
        label = executable or "Playwright's own browser"
        try:
            return launch(executable), None
        except Exception as error:  # any failure to start is a reason to report, not a crash
            reasons.append(f"{label}: {first_line(error)}")
    return None, Unavailable(tuple(reasons), required)
