"""What the fuzz tests share: how many examples each tries, the record they run against, the
rule every answer must keep, and, when `FUZZ_LOG` names a file, a line there for every request
the app answers (what `make fuzz`, bench/fuzz.py, reports).

`FUZZ_EXAMPLES` sets the examples per test: a few in `make test`, hundreds in `make fuzz`.
Examples are not derandomized, so each run explores new input; a failure prints its request
(and Hypothesis keeps it under .pytest_cache/hypothesis, replaying it first next time).
"""

import datetime
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import User
from django.core.handlers.base import BaseHandler
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, Phase, settings
from hypothesis.database import DirectoryBasedExampleDatabase
from rest_framework.throttling import SimpleRateThrottle

from events.models import Event
from people.models import Person, PersonLink, PersonRedirect
from statements.models import Statement
from tests import factories
from tests.public.conftest import unpublished_claims, unpublished_claims_of, withheld_statement
from tests.routes import body

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
# Shrinking a failure to its smallest request can take minutes: `make fuzz` does (FUZZ_SHRINK=1);
# the quick run reports the failing request as it was generated.
SHRINK = os.environ.get("FUZZ_SHRINK") == "1"

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    # Hypothesis loads its "ci" profile when CI is set (derandomized, no example database),
    # which refuses the database below; and each run, CI's included, should try new input.
    derandomize=False,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the record is built once per test, on purpose
        # A post of a whole admin form is large and slow to make, by nature.
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
    database=DirectoryBasedExampleDatabase(ROOT / ".pytest_cache" / "hypothesis"),
    phases=[phase for phase in Phase if SHRINK or phase not in {Phase.shrink, Phase.explain}],
    print_blob=True,
)

# What a well-behaved app answers hostile input with: a page, a redirect, or a client error.
ACCEPTABLE = {200, 301, 302, 400, 403, 404, 405}


@pytest.fixture(scope="module")
def record(django_db_setup, django_db_blocker) -> None:
    """The demo's record, with a draft, a statement in review, a retracted and a withheld one,
    claims no reader may see, and a row of each model the admin shows but the demo lacks, so
    every list, page and change form has something to show.

    Built once per module inside a transaction rolled back at its end; each test runs in its
    own savepoint within it (pytest-django's `db`), so what one test saves the next never sees.
    Fuzzing tries a few examples on each of a hundred routes and forms: building the record for
    each test would cost more than the examples."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        build_record()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def build_record() -> None:
    call_command("load_demo", "--no-accounts", verbosity=0)
    kit = Person.objects.get(slug="kit-malthouse")
    common = {
        "speaker": kit,
        "said_on": datetime.date(2021, 3, 14),
        "events": [Event.objects.get(slug="clapham-common-vigil")],
        "tags": ["policing", "draft-only-tag"],
    }
    draft = factories.statement(status=Statement.Status.DRAFT, **common)
    in_review = factories.statement(status=Statement.Status.IN_REVIEW, **common)
    retracted = factories.statement(status=Statement.Status.RETRACTED, **common)
    unpublished_claims(draft, retracted, kit.statements.published().first())
    unpublished_claims_of(withheld_statement(common), in_review)
    for day in range(25):  # more than a page, so lists link to their next page by cursor
        factories.statement(
            speaker=kit,
            said_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=day),
            events=common["events"],
            tags=["policing"],
            source=Statement.objects.published().first().source,
        )
    factories.statement(
        text="Words of an unnamed spokesperson, on record.",
        organization=factories.organization(),
        attribution="a spokesperson",
    )
    User.objects.create_user("fuzz-target", is_staff=True)
    PersonLink.objects.create(person=kit, url="https://example.org/kit", label="Profile")
    PersonRedirect.objects.create(old_slug="kit-malthouse-old", person=kit)
    # Someone's failed sign-in, for the admin's lists of them.
    seen = {"user_agent": "fuzz", "ip_address": "192.0.2.1", "username": "x", "path_info": "/"}
    AccessAttempt.objects.create(**seen, get_data="", post_data="", failures_since_start=1)
    AccessFailureLog.objects.create(**seen)


def describe(method: str, url: str, data: Any = None) -> str:
    """A request as a failure message shows it: enough to send it again."""
    return f"{method} {url}" + (f"\n  body: {data!r}" if data else "")


def send(
    client: Any, method: str, url: str, data: Any = None, acceptable: set[int] = ACCEPTABLE
) -> Any:
    """Send a request, read its whole answer (a download included) and check its status; any
    failure, an exception raised by the view included, names the request that caused it."""
    try:
        response = getattr(client, method.lower())(url, data, follow=True)
        content = body(response)
    except Exception as error:
        error.add_note(f"Request: {describe(method, url, data)}")
        raise
    assert response.status_code in acceptable, (
        f"{response.status_code} for {describe(method, url, data)}\n{content[:500]!r}"
    )
    return response


# The request log of `make fuzz`: one JSON line per request the app answered.

LOG_VALUE_CHARS = 500


def _shortened(value: str) -> str:
    if len(value) <= LOG_VALUE_CHARS:
        return value
    return f"{value[:LOG_VALUE_CHARS]}… ({len(value):,} characters)"


def _posted(request: Any) -> dict[str, list[str]] | None:
    if request.method != "POST":
        return None
    try:
        posted = {key: [_shortened(v) for v in request.POST.getlist(key)] for key in request.POST}
        posted |= {key: [f"<file {f.name!r}, {f.size} bytes>"] for key, f in request.FILES.items()}
    except Exception as error:  # a body Django could not parse is logged as such
        return {"<unparsed>": [repr(error)]}
    return posted


def _logged_handler(log: Path) -> Callable:
    answer = BaseHandler.get_response

    def get_response(handler: BaseHandler, request: Any) -> Any:
        started = time.perf_counter()
        response = answer(handler, request)
        entry = {
            "test": os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0],
            "route": getattr(request.resolver_match, "view_name", None) or "(no route)",
            "method": request.method,
            "path": request.path,
            "query": _shortened(request.META.get("QUERY_STRING", "")),
            "status": response.status_code,
        }
        if response.status_code >= 500:  # what it takes to send it again; else only counted
            entry["body"] = _posted(request)

        def write(seconds: float, error: str | None = None) -> None:
            with log.open("a", encoding="utf-8") as out:
                out.write(json.dumps(entry | {"seconds": seconds, "error": error}) + "\n")

        if not getattr(response, "streaming", False):
            write(time.perf_counter() - started)
            return response

        # A download is timed to its last byte, and an error while streaming is logged.
        def streamed(chunks: Iterator[bytes]) -> Iterator[bytes]:
            try:
                yield from chunks
            except Exception as error:
                entry["body"] = _posted(request)
                write(time.perf_counter() - started, f"while streaming: {error!r}")
                raise
            write(time.perf_counter() - started)

        response.streaming_content = streamed(iter(response.streaming_content))
        return response

    return get_response


@pytest.fixture(autouse=True)
def unthrottled(monkeypatch):
    """The API's rate limit would answer most generated requests with a 429 before they reach
    a view; the fuzz tests are not rate-limited."""
    monkeypatch.setattr(SimpleRateThrottle, "allow_request", lambda *args: True)


@pytest.fixture(scope="session", autouse=True)
def request_log():
    """With FUZZ_LOG set, every request any fuzz test sends is appended to that file."""
    path = os.environ.get("FUZZ_LOG")
    if not path:
        yield None
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseHandler, "get_response", _logged_handler(Path(path)))
        yield Path(path)
