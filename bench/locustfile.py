"""`make loadtest`'s traffic (run by bench/loadtest.py; not on its own): readers, editors and
reviewers at the same time, every write through the real admin forms with sessions and CSRF.

- Readers (FastHttpUser, no pause) read what a breaking story sends them to: the home page,
  permalinks, speakers' pages, events, search, the feeds and the JSON API.
- Editors sign in, add a statement (the add form, with its one-time token), correct its
  wording, send it to review, and now and then import an article (the import's two steps).
- Reviewers sign in, publish what the editors sent to review, then correct its wording with a
  reason (a public correction).

Each write the site acknowledges (a redirect, no error message) goes into the ledger
(LOADTEST_LEDGER, JSON lines) with what should now be in the database; loadtest.py counts the
rows afterwards. A write answered 503 (the database went away under it) is posted again once,
as an editor would press Save again: the form's one-time token makes that safe. Every request
goes into LOADTEST_REQUESTS (JSON lines: when, what, status, milliseconds).

The plan (LOADTEST_PLAN, JSON) says which URLs the readers read, the accounts and passwords,
and the ids of speakers and sources the editors' forms need.
"""

import html.parser
import itertools
import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any

from gevent.queue import Empty, Queue
from locust import HttpUser, between, constant, events, task
from locust.contrib.fasthttp import FastHttpUser

PLAN: dict[str, Any] = json.loads(Path(os.environ["LOADTEST_PLAN"]).read_text())
RUN = PLAN["run"]  # a marker every row this run writes carries, so the checker finds them
# The marker in letters only, for names the quote extractor must read as a person's.
RUN_LETTERS = RUN.translate(str.maketrans("0123456789", "abcdefghij"))
# Open for the life of the process (locust runs this module once), flushed when it quits.
LEDGER = open(os.environ["LOADTEST_LEDGER"], "a", buffering=1)  # noqa: SIM115
REQUESTS = open(os.environ["LOADTEST_REQUESTS"], "a", buffering=1 << 16)  # noqa: SIM115

# Statements the editors sent to review, for the reviewers (in this process: locust is one).
IN_REVIEW: Queue = Queue()
COUNTER = itertools.count(1)
STATEMENT_CHANGE = re.compile(r"/admin/statements/statement/(\d+)/change/")
ERRORS = re.compile(r'class="errorlist|class="errornote')
# The first error the page shows: a field's or the form's own, else the admin's summary line.
ERROR_TEXT = re.compile(
    r'class="errorlist[^"]*"[^>]*>\s*<li>([^<]{0,200})|class="errornote"[^>]*>([^<]{0,200})'
)
# Words for the editors' quotes: each quote a random draw, so no two read alike and the
# near-duplicate check has nothing to say (when it does, the editor answers it, see `post`).
WORDS = (  # noqa: SIM905 (a paragraph of words reads better than a list of 60)
    "budget housing rail bridge hospital school council police river harbour energy water "
    "pension ferry library tram airport clinic market museum tunnel depot college court "
    "park north south east west early late fair full clear rapid modest "
    "steady public local review plan survey report audit tender contract grant levy "
    "fund scheme pilot programme "
).split()
FIRST_NAMES = ["Marta", "Owen", "Priya", "Tomasz", "Grace", "Idris", "Helen", "Kofi"]
SYLLABLES = ["bar", "cel", "dun", "fer", "gal", "hol", "kin", "lor", "mar", "nes", "pol", "ros"]


@events.request.add_listener
def record_request(request_type, name, response_time, response_length, response, **kw) -> None:
    status = getattr(response, "status_code", 0) or 0
    headers = getattr(response, "headers", None) or {}
    REQUESTS.write(
        json.dumps(
            {
                "end": time.time(),
                "ms": response_time,
                "method": request_type,
                "name": name,
                "status": status,
                "bytes": response_length or 0,
                "cache": headers.get("X-Page-Cache", ""),
            }
        )
        + "\n"
    )


@events.quitting.add_listener
def flush(environment, **kw) -> None:
    REQUESTS.flush()
    LEDGER.flush()


def write_down(kind: str, **facts: Any) -> None:
    LEDGER.write(json.dumps({"kind": kind, "at": time.time(), **facts}) + "\n")


class FormFields(html.parser.HTMLParser):
    """The fields a browser would post from the page's form that has a CSRF token: inputs
    (checkboxes only when checked), textareas and selects (their selected options)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self._in_form = True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def form_of(page: str) -> dict[str, list[str]]:
    parser = FormFields()
    parser.feed(page)
    fields: dict[str, list[str]] = {}
    for name, value in parser.fields:
        fields.setdefault(name, []).append(value)
    return fields


def flat(fields: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, value) for name, values in fields.items() for value in values]


def new_name() -> str:
    number = next(COUNTER)
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    letters = "".join(SYLLABLES[int(d)] for d in f"{number:03d}" if int(d) < len(SYLLABLES))
    return f"{first} {(letters + RUN_LETTERS).capitalize()}"


class Reader(FastHttpUser):
    """Someone sent to the site by a breaking story: reads, never waits."""

    weight = 1
    wait_time = constant(0)

    def read(self, label: str) -> None:
        url = random.choice(PLAN["urls"][label])
        self.client.get(url, name=label)

    @task(8)
    def permalink(self) -> None:
        self.read("permalink")

    @task(4)
    def person(self) -> None:
        self.read("person")

    @task(3)
    def home(self) -> None:
        self.read("home")

    @task(2)
    def event(self) -> None:
        self.read("event")

    @task(2)
    def search(self) -> None:
        self.read("search")

    @task(2)
    def feed(self) -> None:
        self.read("feed")

    @task(3)
    def api(self) -> None:
        self.read("api")


class Staff(HttpUser):
    """A member of the newsroom in the admin: signs in once, with their own account."""

    abstract = True
    role = ""
    wait_time = between(0.1, 0.5)

    def on_start(self) -> None:
        accounts = PLAN["accounts"][self.role]
        self.username = accounts[next(COUNTER) % len(accounts)]
        for _ in range(10):  # a 503 (the database went away): try again, as a person would
            page = self.client.get("/admin/login/", name="admin: sign-in form")
            fields = form_of(page.text)
            fields |= {"username": [self.username], "password": [PLAN["password"]]}
            fields["next"] = ["/admin/"]
            signed_in = self.client.post(
                "/admin/login/", data=flat(fields), name="admin: sign in", allow_redirects=False
            )
            if signed_in.status_code == 302:
                return
            time.sleep(1)
        raise RuntimeError(f"{self.username} could not sign in: {signed_in.status_code}")

    def post(self, url: str, fields: dict[str, list[str]], name: str) -> Any:
        """POST as the browser would, pressing Save once more if the answer was a 503, and
        ticking "Save anyway" if the form says the words are nearly those of another
        statement by the speaker (they are not: each quote is a random draw)."""
        response = self.client.post(url, data=flat(fields), name=name, allow_redirects=False)
        if response.status_code == 503:
            time.sleep(1)
            response = self.client.post(
                url, data=flat(fields), name=f"{name} (again)", allow_redirects=False
            )
        if response.status_code == 200 and "worded nearly like this one" in response.text:
            write_down("duplicate prompt", what=name, by=self.username)
            fields = form_of(response.text) | {"confirm_not_duplicate": ["on"]}
            response = self.client.post(
                url, data=flat(fields), name=f"{name} (save anyway)", allow_redirects=False
            )
        return response

    def accepted(self, response: Any, what: str) -> bool:
        """A redirect is the admin's "saved"; anything else (a page with an error list, a 503
        twice) is a write not made, noted in the ledger with the first error shown."""
        if response.status_code == 302:
            return True
        shown = ERROR_TEXT.search(response.text or "")
        write_down(
            "refused",
            what=what,
            status=response.status_code,
            error=" ".join((shown.group(1) or shown.group(2)).split()) if shown else "",
            by=self.username,
        )
        return False

    def page(self, url: str, name: str) -> str | None:
        response = self.client.get(url, name=name)
        return response.text if response.status_code == 200 else None


class Editor(Staff):
    role = "editor"
    fixed_count = int(os.environ.get("LOADTEST_EDITORS", "4"))

    @task(4)
    def add_correct_and_submit(self) -> None:
        page = self.page("/admin/statements/statement/add/", "admin: add form")
        if page is None:
            return
        fields = form_of(page)
        number = next(COUNTER)
        words = " ".join(random.sample(WORDS, 12))
        text = f"We will publish the {RUN}-{number} figures in full: {words}."
        fields |= {
            "text": [text],
            "kind": ["direct"],
            "speaker": [str(random.choice(PLAN["speakers"]))],
            "source": [str(random.choice(PLAN["sources"]))],
            "said_on": ["2025-06-0" + str(1 + number % 9)],
            "tags": [f"{RUN} load"],
            "_continue": ["1"],
        }
        added = self.post("/admin/statements/statement/add/", fields, "admin: add statement")
        found = STATEMENT_CHANGE.search(added.headers.get("Location", ""))
        if not self.accepted(added, "add statement") or not found:
            return
        pk = int(found.group(1))
        write_down(
            "added",
            id=pk,
            text=text,
            token=fields.get("submission_token", [""])[0],
            by=self.username,
        )

        change = f"/admin/statements/statement/{pk}/change/"
        page = self.page(change, "admin: change form")
        if page is None:
            return
        fields = form_of(page)
        corrected = text.replace("in full", "in full and on time")
        fields |= {"text": [corrected], "_continue": ["1"]}
        if self.accepted(self.post(change, fields, "admin: edit a draft"), "edit a draft"):
            write_down("changed", id=pk, text=corrected, by=self.username)

        move = f"/admin/statements/statement/{pk}/move/submit/"
        page = self.page(move, "admin: move page")
        if page is None:
            return
        fields = form_of(page) | {"apply": ["1"]}
        if self.accepted(self.post(move, fields, "admin: send to review"), "send to review"):
            write_down("moved", id=pk, move="submit", status="in_review", by=self.username)
            IN_REVIEW.put(pk)

    @task(1)
    def import_article(self) -> None:
        url = "/admin/statements/statement/import-article/"
        page = self.page(url, "admin: import form")
        if page is None:
            return
        name = new_name()
        headline = f"{name} on the libraries ({RUN})"
        article = (
            f"{name}, the council leader, promised on Monday to keep every library open.\n\n"
            f'"We will keep the libraries open in every town, whatever the cost," said {name}.'
            "\n\n"
            f'"Nobody should lose a library because of a spreadsheet," {name} told reporters.'
        )
        fields = form_of(page) | {
            "step": ["extract"],
            "text": [article],
            "new_outlet": [f"Load Test Gazette {RUN}"],
            "headline": [headline],
            "published_on": ["2025-06-02"],
            "medium": ["online"],
        }
        review = self.post(url, fields, "admin: import, find the quotes")
        if review.status_code != 200 or ERRORS.search(review.text):
            self.accepted(review, "import, find the quotes")
            return
        fields = form_of(review.text)
        quotes = int(fields.get("quote-TOTAL_FORMS", ["0"])[0])
        texts = []
        for index in range(quotes):
            fields[f"quote-{index}-accept"] = ["on"]
            texts.append(fields.get(f"quote-{index}-text", [""])[0])
        saved = self.post(url, fields, "admin: import, save the drafts")
        if self.accepted(saved, "import, save the drafts") and quotes:
            write_down(
                "imported",
                headline=headline,
                speaker=name,
                texts=texts,
                token=fields.get("submission_token", [""])[0],
                by=self.username,
            )


class Reviewer(Staff):
    role = "reviewer"
    fixed_count = int(os.environ.get("LOADTEST_REVIEWERS", "2"))

    @task
    def publish_and_correct(self) -> None:
        try:
            # Not get(timeout=...): gevent's timeout could then fire inside the next request
            # (one run counted a request "failed: Empty()"). The wait between tasks paces it.
            pk = IN_REVIEW.get_nowait()
        except Empty:
            self.page("/admin/", "admin: index and review queue")
            return
        move = f"/admin/statements/statement/{pk}/move/publish/"
        page = self.page(move, "admin: move page")
        if page is None:
            return
        fields = form_of(page) | {"apply": ["1"]}
        if not self.accepted(self.post(move, fields, "admin: publish"), "publish"):
            return
        write_down("moved", id=pk, move="publish", status="published", by=self.username)

        change = f"/admin/statements/statement/{pk}/change/"
        page = self.page(change, "admin: change form")
        if page is None:
            return
        fields = form_of(page)
        text = fields.get("text", [""])[0]
        reason = f"The figures come out on Friday ({RUN})."
        fields |= {
            "text": [f"{text.rstrip('.')}, on Friday."],
            "correction_reason": [reason],
            "_continue": ["1"],
        }
        corrected = self.post(change, fields, "admin: correct a published quote")
        if self.accepted(corrected, "correct a published quote"):
            write_down("corrected", id=pk, text=fields["text"][0], reason=reason, by=self.username)
