"""How fast is the public site, served as in production, at 100,000 and 1,000,000 statements?

    make bench                                        # both sizes; writes bench/results.md
    .venv/bin/python bench/site_benchmark.py --quick  # 2,000 statements: checks the harness
    .venv/bin/python bench/site_benchmark.py --database-url postgres://...  # a filled database

Prints figures and writes a results file; asserts nothing and is no part of the test suite.

For each size, in a throwaway database on the local PostgreSQL (created here, always dropped at
the end, also on Ctrl-C, unless --keep): `migrate`, `generate_fake --seed 1`, then VACUUM
ANALYZE (what autovacuum would have done to a table loaded long ago, so plans are those of a
settled database). The app is served as `make serve` serves it: gunicorn, 2 workers of 4
threads, DEBUG off, CONN_MAX_AGE=60, static files collected into a temporary STATIC_ROOT,
switched to plain HTTP on a free loopback port (README, "Serving it").

What is measured, for each page of bench/pages.py:
- latency over real HTTP on one persistent connection, as a reader's browser keeps one, after
  warm-up requests that are not counted (connections, plans and the database's buffers are
  warm in production too): p50, p95 and p99 of the time from sending the request to having
  the whole body, the body's size and every status code (anything but a 200 is an error).
  The server runs with the page cache off, so every request renders its page: that is the
  cost the targets are about, and what each cache miss pays (the first reader of a page, the
  first after a change, the long tail of permalinks). A second pass, when the app has a page
  cache, times the same public URLs and loads as deployed, with the cache on;
- the SQL queries the page costs: the same URL once in-process through Django's test client,
  under CaptureQueriesContext, against the same database;
- for search pages, the slowest of those queries re-executed alone with psycopg2: the
  database's own work, so what the page adds to it is visible;
- throughput (bench/pages.py's LOADS): 32 connections for --duration seconds against random
  permalinks and random person pages, with wrk (or, without it, a slower Python load generator,
  which the results then say).
Each figure is compared with its target in bench/pages.py: met, or missed by how much.
"""

import argparse
import contextlib
import datetime
import functools
import html
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import (  # noqa: E402
    GROWTH,
    LOADS,
    PAGES,
    THROUGHPUT_RPS,
    Load,
    Page,
)
from bench.results_file import kept_sections  # noqa: E402

BIN = ROOT / ".venv" / "bin"
DEFAULT_RESULTS = ROOT / "bench" / "results.md"
QUICK_RESULTS = Path(tempfile.gettempdir()) / "site-benchmark-quick.md"
SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PEOPLE_PER_MILLION = 20_000
ADMIN_USER = "site-benchmark"


class BenchmarkError(Exception):
    """Something the benchmark needs did not work; said in one line, without a traceback."""


# --- Options ---------------------------------------------------------------------------------


def size(text: str) -> int:
    """100000, 100k or 1M."""
    text = text.strip().lower().replace("_", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * factor)


def sizes(text: str) -> list[int]:
    return [size(part) for part in text.split(",") if part.strip()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=textwrap.dedent(
            f"""\
            --quick: 2,000 statements, 20 requests a page, 5 s of load, results to
            {QUICK_RESULTS} unless --results says otherwise.
            """
        ),
    )
    parser.add_argument(
        "--sizes",
        type=sizes,
        help="statements per run, comma-separated (default 100000,1000000)",
    )
    parser.add_argument(
        "--people",
        type=int,
        default=PEOPLE_PER_MILLION,
        help="people per 1,000,000 statements, scaled with each size (default %(default)s: "
        "2,000 at 100k)",
    )
    parser.add_argument("--requests", type=int, help="timed requests per page (default 200)")
    parser.add_argument("--warmup", type=int, help="uncounted requests first (default 20)")
    parser.add_argument("--duration", type=int, help="seconds of each load (default 60)")
    parser.add_argument("--connections", type=int, default=32, help="for the load (32)")
    parser.add_argument(
        "--sql-repeat", type=int, help="runs of each bare search query (default 50)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the throwaway databases")
    parser.add_argument(
        "--database-url",
        help="benchmark this database, already filled; nothing is generated or dropped",
    )
    parser.add_argument(
        "--server-url",
        default=SERVER_URL,
        help="where throwaway databases are created (default %(default)s)",
    )
    parser.add_argument("--quick", action="store_true", help="a tiny run to check the harness")
    parser.add_argument("--results", type=Path, help=f"results file (default {DEFAULT_RESULTS})")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker (4)")
    parser.add_argument("--common-word", help="instead of the one picked from the data")
    parser.add_argument("--rare-word", help="instead of the one picked from the data")
    parser.add_argument("--phrase", help='e.g. "\\"clapham common\\"", instead of the picked one')
    args = parser.parse_args(argv)
    quick = args.quick
    for name, full, tiny in [
        ("sizes", [100_000, 1_000_000], [2_000]),
        ("requests", 200, 20),
        ("warmup", 20, 3),
        ("duration", 60, 5),
        ("sql_repeat", 50, 10),
        ("results", DEFAULT_RESULTS, QUICK_RESULTS),
    ]:
        if getattr(args, name) is None:
            setattr(args, name, tiny if quick else full)
    return args


def people_for(statements: int, per_million: int) -> int:
    return max(10, round(per_million * statements / 1_000_000))


def label(statements: int) -> str:
    """1000000 -> 1M, 100000 -> 100k, 2000 -> 2k."""
    for unit, name in [(1_000_000, "M"), (1_000, "k")]:
        if statements >= unit and statements % (unit // 10) == 0:
            return f"{statements / unit:g}{name}"
    return f"{statements:,}"


# --- Progress --------------------------------------------------------------------------------

STARTED = time.monotonic()


def progress(message: str) -> None:
    """A progress line on stderr; figures go to stdout."""
    elapsed = int(time.monotonic() - STARTED)
    print(f"[{elapsed // 60:3d}:{elapsed % 60:02d}] {message}", file=sys.stderr, flush=True)


def say(line: str = "") -> None:
    print(line, flush=True)


# --- The machine -----------------------------------------------------------------------------


def first_match(path: str, pattern: str) -> str:
    try:
        found = re.search(pattern, Path(path).read_text(), re.MULTILINE)
    except OSError:
        return "unknown"
    return found.group(1).strip() if found else "unknown"


def load_average() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def machine(server_url: str, workers: int, threads: int) -> dict[str, str]:
    """What the figures were measured on: they mean little without it."""
    memory_kb = first_match("/proc/meminfo", r"^MemTotal:\s+(\d+)")
    with contextlib.closing(psycopg2.connect(server_url)) as connection:
        postgres = connection.server_version  # e.g. 150020
    postgres_version = f"{postgres // 10000}.{postgres % 10000}"
    gunicorn = subprocess.run(
        [BIN / "gunicorn", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    cpu = first_match("/proc/cpuinfo", r"^model name\s*:(.*)$")
    system = first_match("/etc/os-release", r'^PRETTY_NAME="?([^"\n]*)')
    return {
        "CPU": f"{cpu}, {os.cpu_count()} logical CPUs",
        "RAM": f"{int(memory_kb) / 1024 / 1024:.1f} GiB" if memory_kb.isdigit() else "unknown",
        "OS": f"{system}, Linux {platform.release()}",
        "Python": platform.python_version(),
        "PostgreSQL": postgres_version,
        "Load average (1, 5, 15 min) at the start": load_average(),
        "gunicorn": f"{gunicorn or 'gunicorn'}, {workers} workers x {threads} threads",
    }


# --- Databases -------------------------------------------------------------------------------


def database_url(server_url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(server_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def run_sql(url: str, statement: sql.Composable | str) -> None:
    """One statement outside a transaction (CREATE DATABASE, VACUUM need that)."""
    with contextlib.closing(psycopg2.connect(url)) as connection:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(statement)


@contextlib.contextmanager
def throwaway_database(server_url: str, name: str, keep: bool) -> Iterator[str]:
    """A new, empty database, dropped on the way out whatever happens (unless `keep`)."""
    progress(f"creating database {name}")
    run_sql(server_url, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield database_url(server_url, name)
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            progress(f"kept database {name}: {database_url(server_url, name)}")
        else:
            progress(f"dropping database {name}")
            run_sql(
                server_url,
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)),
            )


def use_database(url: str) -> None:
    """Point this process's Django (the test client, the look-ups) at `url`'s database."""
    from django.db import connections

    connections.close_all()
    connections["default"].settings_dict["NAME"] = urllib.parse.urlsplit(url).path.lstrip("/")


# --- The app's environment and commands ------------------------------------------------------


# The environment we were started with: this process's Django changes os.environ for itself.
STARTING_ENVIRONMENT = dict(os.environ)


def app_environment(
    database: str, static_root: Path, secret_key: str, page_cache: bool = False
) -> dict[str, str]:
    """Production settings (DEBUG unset), switched to plain HTTP for a loopback test; the
    page cache off (PAGE_CACHE_SECONDS=0) unless `page_cache`, when it is as configured."""
    env = {name: value for name, value in STARTING_ENVIRONMENT.items() if name != "DEBUG"}
    if not page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    else:
        # As deployed: a cache every worker shares (the app caches pages only with Redis).
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")
        env.setdefault("PAGE_CACHE_SECONDS", "300")
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database,
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(static_root),
        CONN_MAX_AGE="60",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        SECURE_COOKIES="false",
        # One client on loopback asks for thousands of API pages: not a client to throttle.
        API_ANON_RATE="1000000/minute",
    )
    return env


def manage(env: dict[str, str], *arguments: str) -> float:
    """Runs `manage.py <arguments>` with the app's environment; seconds it took."""
    progress(f"manage.py {' '.join(arguments)}")
    started = time.perf_counter()
    # What the command prints is progress, not figures: to stderr with ours.
    done = subprocess.run(
        [BIN / "python", "manage.py", *arguments], cwd=ROOT, env=env, stdout=sys.stderr
    )
    if done.returncode != 0:
        raise BenchmarkError(f"manage.py {' '.join(arguments)} exited {done.returncode}")
    return time.perf_counter() - started


@dataclass
class Generation:
    """How one size's database was made, and what is in it."""

    seconds: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    database_size: str = ""


def fill(env: dict[str, str], url: str, statements: int, people: int) -> Generation:
    generation = Generation()
    generation.seconds["migrate"] = manage(env, "migrate", "--noinput", "--verbosity", "0")
    generation.seconds["generate_fake"] = manage(
        env,
        "generate_fake",
        "--people",
        str(people),
        "--statements",
        str(statements),
        "--seed",
        "1",
    )
    progress("VACUUM ANALYZE")
    started = time.perf_counter()
    run_sql(url, "VACUUM ANALYZE")
    generation.seconds["VACUUM ANALYZE"] = time.perf_counter() - started
    return generation


def describe_contents(generation: Generation) -> None:
    from django.db import connection
    from taggit.models import Tag

    from events.models import Event
    from people.models import Person
    from statements.models import Statement

    generation.counts = {
        "statements": Statement.objects.count(),
        "published": Statement.objects.published().count(),
        "people": Person.objects.count(),
        "events": Event.objects.count(),
        "tags": Tag.objects.count(),
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        generation.database_size = cursor.fetchone()[0]


# --- Serving ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serving(env: dict[str, str], workers: int, threads: int, log: Path) -> Iterator[int]:
    """gunicorn as `make serve` runs it, on a free loopback port; stopped on the way out."""
    port = free_port()
    command = [
        str(BIN / "gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
    ]
    progress(f"starting {' '.join(command[1:])} (log: {log})")
    with log.open("ab") as log_file:
        # In a session of its own, so a Ctrl-C reaches only us and gunicorn is stopped below,
        # after the request in flight, rather than under it.
        server = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_healthy(port, server, log)
        yield port
    finally:
        progress("stopping gunicorn")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_until_healthy(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise BenchmarkError(f"gunicorn exited {server.returncode}:\n{tail}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                connection.close()
                return
        time.sleep(0.2)
    raise BenchmarkError("gunicorn did not answer /healthz with 200 within 60 s")


# --- HTTP ------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    body: bytes
    ms: float
    page_cache: str  # the X-Page-Cache header: "hit", "miss" or "" (not a cached page)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Browser:
    """One persistent HTTP/1.1 connection to the site, keeping cookies (for the admin)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies: dict[str, str] = {}

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_form(self, path: str, fields: dict[str, str]) -> Response:
        body = urllib.parse.urlencode(fields)
        return self.request(
            "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
        )

    def request(
        self, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None
    ) -> Response:
        """The whole response, and the milliseconds from sending to the last byte of the body.

        A keep-alive connection the server closed while idle is reopened and the request sent
        again, timed from the resend: that reconnection is not the page's cost.
        """
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                started = time.perf_counter()
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                elapsed = (time.perf_counter() - started) * 1000
            except ConnectionError:
                self.connection.close()
                if attempt == 2:
                    raise
                continue
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(header)
                self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
            return Response(response.status, data, elapsed, response.getheader("X-Page-Cache", ""))
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.connection.close()


def sign_in(browser: Browser, username: str, password: str) -> None:
    """Signs in through /admin/login/ as a person would: the form's CSRF token, its cookie,
    then the session cookie the login sets."""
    from django.urls import reverse

    login = f"{reverse('admin:login')}?next={reverse('admin:index')}"
    form = browser.get(login)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    if form.status != 200 or not token:
        raise BenchmarkError(f"the admin login page answered {form.status} without a form")
    signed_in = browser.post_form(
        login,
        {
            "csrfmiddlewaretoken": token.group(1),
            "username": username,
            "password": password,
            "next": reverse("admin:index"),
        },
    )
    if signed_in.status != 302 or "sessionid" not in browser.cookies:
        raise BenchmarkError(f"signing in to the admin failed: {signed_in.status}")
    if browser.get(reverse("admin:index")).status != 200:
        raise BenchmarkError("signed in, but the admin index is not a 200")


# --- The site under test ---------------------------------------------------------------------

NAV = re.compile(r"<nav\b[^>]*class=\"pagination[^\"]*\"[^>]*>(.*?)</nav>", re.DOTALL)
LINK = re.compile(r"<a\b[^>]*>")
MAX_HOPS = 20_000


def links(html_text: str, pagination: bool = True) -> list[tuple[str, str]]:
    """(href, rel) of each link in the page's pagination (the whole page if it has none, or
    if `pagination` is False)."""
    navs = (NAV.findall(html_text) if pagination else []) or [html_text]
    found = []
    for tag in LINK.findall("".join(navs)):
        href = re.search(r'href="([^"]*)"', tag)
        rel = re.search(r'rel="([^"]*)"', tag)
        if href:
            found.append((html.unescape(href.group(1)), rel.group(1) if rel else ""))
    return found


def page_number(path: str) -> int:
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    number = query.get("page", ["1"])[0]
    return int(number) if number.isdigit() else 1


def words_of(text: str) -> list[str]:
    """Every word, in order, short ones too (they keep a phrase's words adjacent)."""
    return re.findall(r"[a-z][a-z0-9]*", text.lower())


class Site:
    """The site under test at one size: what the page table asks for, found in the database
    (the biggest speaker, event and tag; random ids; search words) and by following the site's
    own links (the deepest pages). Implements bench.pages.Site."""

    def __init__(self, browser: Browser, args: argparse.Namespace) -> None:
        from django.db.models import Count

        from statements.models import Statement

        self.browser = browser
        self.notes: dict[str, str] = {}  # URL -> how it was reached, for the results
        published = Statement.objects.published()

        def biggest(field_name: str) -> str:
            rows = (
                published.exclude(**{f"{field_name}__isnull": True})
                .values(field_name)
                .annotate(n=Count("id"))
                .order_by("-n", field_name)[:1]
            )
            if not rows:
                raise BenchmarkError(f"no published statement has a {field_name}")
            return rows[0][field_name]

        progress("finding the biggest speaker, event and tag")
        self.person = biggest("speaker__slug")
        self.event = biggest("events__slug")
        self.tag = biggest("tags__slug")
        self.filtered_list = self.tag_and_date_range()
        self.claim, self.proposition, self.claimant = self.biggest_claims()
        progress("picking search words from a sample of statements")
        self.common_word, self.rare_word, self.phrase = self.search_words(args)
        self.matches = {q: published.search(q).count() for q in self.queries}

    @staticmethod
    def biggest_claims() -> tuple[str, str, str]:
        """The public claim made by most published statements, the proposition with most
        published stances, and the person who made most public claims."""
        from django.db.models import Count, Q

        from claims.models import Claim, Proposition
        from people.models import Person

        claim = (
            Claim.objects.published()
            .annotate(n=Count("statements", filter=Q(statements__status="published")))
            .order_by("-n", "pk")
            .values_list("slug", flat=True)
            .first()
        )
        proposition = (
            Proposition.objects.annotate(n=Count("stances"))
            .order_by("-n", "pk")
            .values_list("slug", flat=True)
            .first()
        )
        claimant = (
            Person.objects.filter(statements__claims__in=Claim.objects.published())
            .annotate(n=Count("statements__claims", distinct=True))
            .order_by("-n", "pk")
            .values_list("slug", flat=True)
            .first()
        )
        if not (claim and proposition and claimant):
            raise BenchmarkError("the data has no public claim, proposition or claimant")
        return claim, proposition, claimant

    @property
    def queries(self) -> list[str]:
        return [self.common_word, self.rare_word, self.phrase]

    def tag_and_date_range(self) -> str:
        """/statements/ filtered by the most used tag and the dates that hold the middle 80%
        of its statements: a broad filter, deep enough to page 200 times at 1M."""
        from django.urls import reverse

        from statements.models import Statement

        days = list(
            Statement.objects.published()
            .filter(tags__slug=self.tag)
            .order_by("said_on")
            .values_list("said_on", flat=True)
        )
        said_from, said_to = days[len(days) // 10], days[len(days) * 9 // 10]
        query = {"tag": self.tag, "said_from": said_from, "said_to": said_to}
        return f"{reverse('statements:list')}?{urllib.parse.urlencode(query)}"

    def search_words(self, args: argparse.Namespace) -> tuple[str, str, str]:
        """A word in many statements, one in a few and a two-word phrase that recurs, taken
        from 2,000 random published statements, since the generated vocabulary is not ours
        to know. Stop words are skipped: PostgreSQL would search for nothing."""
        from django.db import connection

        from statements.models import Statement

        texts = list(
            Statement.objects.published().order_by("?").values_list("text", flat=True)[:2000]
        )
        in_texts: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for text in texts:
            words = words_of(text)
            in_texts.update({word for word in words if len(word) >= 3})
            pairs.update(set(zip(words, words[1:], strict=False)))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w FROM unnest(%s::text[]) AS w "
                "WHERE numnode(plainto_tsquery('english', w)) > 0",
                [list(in_texts)],
            )
            searchable = {row[0] for row in cursor.fetchall()}
        if not searchable:
            raise BenchmarkError("no searchable word in the statements")
        common = args.common_word or max(searchable, key=lambda w: (in_texts[w], w))
        rare = args.rare_word or self.rarest(
            sorted(w for w in searchable if in_texts[w] == 1)[:30] or sorted(searchable)[:30]
        )
        phrase_pairs = [pair for pair in pairs if set(pair) <= searchable and len(set(pair)) == 2]
        if args.phrase:
            phrase = args.phrase
        elif phrase_pairs:
            first, second = max(phrase_pairs, key=lambda p: (pairs[p], p))
            phrase = f'"{first} {second}"'
        else:
            phrase = f'"{common} {rare}"'
        return common, rare, phrase

    @staticmethod
    def rarest(candidates: list[str]) -> str:
        from statements.models import Statement

        counted = [(Statement.objects.published().search(w).count(), w) for w in candidates]
        found = [pair for pair in counted if pair[0] > 0] or counted
        return min(found)[1]

    def permalinks(self, count: int) -> list[str]:
        from statements.models import Statement

        ids = Statement.objects.published().order_by("?").values_list("pk", flat=True)[:count]
        return [Statement(pk=pk).get_absolute_url() for pk in ids]

    def random_people(self, count: int) -> list[str]:
        from people.models import Person

        slugs = Person.objects.order_by("?").values_list("slug", flat=True)[:count]
        return [Person(slug=slug).get_absolute_url() for slug in slugs]

    def fetch(self, path: str) -> Response:
        response = self.browser.get(path)
        if response.status != 200:
            raise BenchmarkError(f"{path} answered {response.status} while finding pages")
        return response

    def deepest(self, path: str) -> str:
        """Follows the list's pagination as a reader who wants the oldest would: straight to
        the highest page number it links to, or along its "older" (rel=next) links to the end
        when it pages by keyset."""
        current, hops = path, 0
        while hops < MAX_HOPS:
            found = links(self.fetch(current).text)
            numbered = [
                (page_number(href), href) for href, _ in found if "page=" in href.split("?")[-1]
            ]
            beyond = [pair for pair in numbered if pair[0] > page_number(current)]
            following = [href for href, rel in found if "next" in rel.split()]
            step = max(beyond)[1] if beyond else (following[0] if following else None)
            if step is None:
                break
            current, hops = urllib.parse.urljoin(current, step), hops + 1
        how = f"page {page_number(current)}" if numbered else f"{hops} 'older' links followed"
        self.notes[current] = f"deepest: {how}"
        return current

    def older(self, path: str, times: int) -> str:
        """The page `times` "older" links on from `path`: a reader 200 pages into a list."""
        current = path
        for hop in range(times):
            found = links(self.fetch(current).text)
            following = [href for href, rel in found if "next" in rel.split()]
            if not following:
                self.notes[current] = f"{hop} 'older' links deep: the list ends there"
                return current
            current = urllib.parse.urljoin(current, following[0])
        self.notes[current] = f"{times} 'older' links deep"
        return current

    def api_older(self, path: str, times: int) -> str:
        """The API page `times` `next` links on from `path` (JSON's own pagination)."""
        current = path
        for hop in range(times):
            following = json.loads(self.fetch(current).text).get("next")
            if not following:
                self.notes[current] = f"{hop} `next` links deep: the list ends there"
                return current
            parts = urllib.parse.urlsplit(following)
            current = f"{parts.path}?{parts.query}" if parts.query else parts.path
        self.notes[current] = f"{times} `next` links deep"
        return current

    def sitemap_page(self) -> str:
        """If /sitemap.xml is an index, the statements section's page 2 (or whichever page
        it lists first); if it is not, ?p=2 of the single sitemap, as a crawler would try."""
        from django.urls import reverse

        sitemap = self.fetch(reverse("sitemap")).text
        if "<sitemapindex" not in sitemap:
            path = f"{reverse('sitemap')}?p=2"
            self.notes[path] = "sitemap.xml is not an index; its ?p=2"
            return path
        locations = [html.unescape(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
        preferred = [loc for loc in locations if "statements" in loc and "p=2" in loc]
        chosen = (preferred or [loc for loc in locations if "statements" in loc] or locations)[0]
        parts = urllib.parse.urlsplit(chosen)
        path = f"{parts.path}?{parts.query}" if parts.query else parts.path
        self.notes[path] = f"a section of the sitemap index ({len(locations)} sections)"
        return path


# --- Measuring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    p50: float
    p95: float
    p99: float

    @classmethod
    def of(cls, milliseconds: list[float]) -> "Timing":
        if len(milliseconds) == 1:
            return cls(milliseconds[0], milliseconds[0], milliseconds[0])
        cuts = statistics.quantiles(milliseconds, n=100, method="inclusive")
        return cls(cuts[49], cuts[94], cuts[98])

    def __str__(self) -> str:
        return f"{self.p50:.1f} / {self.p95:.1f} / {self.p99:.1f}"


@dataclass
class Sample:
    """--requests timed requests of one page: latency, statuses, body size, cache hits."""

    timing: Timing
    statuses: Counter[int]
    bytes: int  # the median body
    cache_hits: int

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != 200)

    @property
    def status_text(self) -> str:
        return ", ".join(f"{n}x {status}" for status, n in sorted(self.statuses.items()))


def sample(browser: Browser, urls: list[str], args: argparse.Namespace) -> Sample:
    """--warmup requests, not counted, then --requests timed ones, cycling through `urls`
    (so each permalink request is another statement)."""
    for request in range(args.warmup):
        browser.get(urls[request % len(urls)])
    milliseconds, sizes, statuses, hits = [], [], Counter[int](), 0
    for request in range(args.requests):
        response = browser.get(urls[(args.warmup + request) % len(urls)])
        milliseconds.append(response.ms)
        sizes.append(len(response.body))
        statuses[response.status] += 1
        hits += response.page_cache == "hit"
    return Sample(Timing.of(milliseconds), statuses, int(statistics.median(sizes)), hits)


@dataclass
class Measurement:
    """One page at one size: rendered every time (the page cache off), and as deployed."""

    page: Page
    urls: list[str] = field(default_factory=list)
    rendered: Sample | None = None
    cached: Sample | None = None
    queries: int | None = None
    bare_sql: Timing | None = None
    slowest_sql: str = ""
    note: str = ""

    @property
    def timing(self) -> Timing | None:
        return self.rendered.timing if self.rendered else None

    @property
    def bytes(self) -> int:
        return self.rendered.bytes if self.rendered else 0

    @property
    def errors(self) -> int:
        return sum(s.errors for s in (self.rendered, self.cached) if s is not None)


class InProcess:
    """The same URLs through Django's test client, against the same database, counting the
    queries each page makes: a page whose count grows with the data is a page that will be
    slow, whatever its latency today."""

    def __init__(self, staff_username: str) -> None:
        from django.contrib.auth.models import User
        from django.test import Client

        self.public = Client(raise_request_exception=False)
        self.staff = Client(raise_request_exception=False)
        self.staff.force_login(User.objects.get(username=staff_username))

    def queries(self, page: Page, url: str) -> tuple[int, str, int]:
        """(number of queries, the slowest one's SQL, status)."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client = self.staff if page.staff else self.public
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        slowest = max(captured.captured_queries, key=lambda q: float(q["time"]), default=None)
        return len(captured), slowest["sql"] if slowest else "", response.status_code


def time_bare_sql(url: str, statement: str, repeat: int) -> Timing:
    """The query alone, on a connection of its own, rows fetched: what the database itself
    spends on a search page, warm (three runs first, not counted)."""
    with contextlib.closing(psycopg2.connect(url)) as connection:
        connection.autocommit = True
        with connection.cursor() as cursor:
            milliseconds = []
            for run in range(3 + repeat):
                started = time.perf_counter()
                cursor.execute(statement)
                cursor.fetchall()
                if run >= 3:
                    milliseconds.append((time.perf_counter() - started) * 1000)
    return Timing.of(milliseconds)


def measure(
    page: Page,
    site: Site,
    browsers: dict[bool, Browser],
    in_process: InProcess,
    database: str,
    args: argparse.Namespace,
) -> Measurement:
    """The page rendered for every request (the server runs with the page cache off); then
    the queries, in-process, of its first URL, and for a search its slowest query alone."""
    measurement = Measurement(page)
    urls = page.urls(site)
    if not urls:
        measurement.note = "no such route yet: not measured"
        return measurement
    measurement.urls = urls
    measurement.note = "; ".join(dict.fromkeys(site.notes[u] for u in urls if u in site.notes))
    measurement.rendered = sample(browsers[page.staff], urls, args)
    if measurement.rendered.cache_hits:
        notes = [measurement.note, "answered from the page cache: PAGE_CACHE_SECONDS=0 ignored?"]
        measurement.note = "; ".join(filter(None, notes))
    measurement.queries, measurement.slowest_sql, status = in_process.queries(page, urls[0])
    if status != 200:
        measurement.note = "; ".join(filter(None, [measurement.note, f"in-process {status}"]))
    if page.times_bare_sql and measurement.slowest_sql:
        measurement.bare_sql = time_bare_sql(database, measurement.slowest_sql, args.sql_repeat)
    return measurement


# --- Throughput ------------------------------------------------------------------------------

WRK_SCRIPT = """\
-- Written by bench/site_benchmark.py: each request GETs a random path of the file given
-- after `--`; `done` prints the figures as one JSON line.
local paths = {}
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() * 1000 + seed)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'JSON {"requests": %d, "seconds": %.3f, "errors": %d, "p50_ms": %.3f, "p99_ms": %.3f}\\n',
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


@dataclass(frozen=True)
class LoadResult:
    load: Load
    page_cache: bool
    tool: str
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@functools.cache
def find_wrk() -> str | None:
    """wrk, installed from Debian when missing and we may (root); None if there is none."""
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        progress("wrk is missing: apt-get install -y wrk")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": False}
        installed = subprocess.run(["apt-get", "install", "-y", "wrk"], **quiet)
        if installed.returncode != 0:  # no package lists yet
            subprocess.run(["apt-get", "update"], **quiet)
            subprocess.run(["apt-get", "install", "-y", "wrk"], **quiet)
    return shutil.which("wrk")


def run_wrk(
    wrk: str, port: int, paths: Path, script: Path, seconds: int, connections: int
) -> dict[str, Any]:
    threads = str(min(connections, os.cpu_count() or 2))
    command = [wrk, "-t", threads, "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s"]
    command += ["-s", str(script), f"http://127.0.0.1:{port}", "--", str(paths)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("JSON ")), None)
    if done.returncode != 0 or line is None:
        raise BenchmarkError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return json.loads(line[5:])


def python_load(port: int, paths: list[str], seconds: int, connections: int) -> dict[str, Any]:
    """The fallback without wrk: `connections` threads, one persistent connection each. It is
    bound by the GIL on this machine's cores, so it understates the server's throughput."""
    deadline = time.monotonic() + seconds
    lock = threading.Lock()
    milliseconds: list[float] = []  # of every answer, a 200 or not
    errors = failures = 0  # answers that were not a 200; requests that got no answer

    def hammer(worker: int) -> None:
        nonlocal errors, failures
        browser, choose = Browser(port), random.Random(worker).choice
        mine, not_ok, failed = [], 0, 0
        while time.monotonic() < deadline:
            try:
                response = browser.get(choose(paths))
            except (OSError, http.client.HTTPException):
                failed += 1
                browser.close()
                continue
            not_ok += response.status != 200
            mine.append(response.ms)
        with lock:
            milliseconds.extend(mine)
            errors += not_ok
            failures += failed

    started = time.monotonic()
    workers = [threading.Thread(target=hammer, args=(i,)) for i in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    timing = Timing.of(milliseconds or [0.0])
    return {
        "requests": len(milliseconds) + failures,
        "seconds": time.monotonic() - started,
        "errors": errors + failures,
        "p50_ms": timing.p50,
        "p99_ms": timing.p99,
    }


def throughput(
    load: Load, site: Site, port: int, workdir: Path, args: argparse.Namespace, page_cache: bool
) -> LoadResult:
    """--connections concurrent connections for --duration s on random paths of the load,
    after a few seconds of the same that are not counted."""
    paths = load.paths(site)
    paths_file = workdir / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    script = workdir / "random_paths.lua"
    script.write_text(WRK_SCRIPT)
    wrk = find_wrk()
    warmup = max(2, min(5, args.duration // 10))
    progress(f"load: {load.name}, {args.connections} connections, {warmup} s + {args.duration} s")
    if wrk:
        run_wrk(wrk, port, paths_file, script, warmup, args.connections)
        figures = run_wrk(wrk, port, paths_file, script, args.duration, args.connections)
        tool = "wrk"
    else:
        python_load(port, paths, warmup, args.connections)
        figures = python_load(port, paths, args.duration, args.connections)
        tool = "Python threads (no wrk: understates the server)"
    return LoadResult(load, page_cache, tool, **figures)


# --- Targets ---------------------------------------------------------------------------------


def verdict(by_size: dict[int, Measurement]) -> str:
    """Met, or each way it missed, judged at the largest size; growth from the smallest."""
    sizes = sorted(by_size)
    largest = by_size[sizes[-1]]
    if largest.timing is None:
        return "not measured"
    target, missed = largest.page.target, []
    errors = sum(m.errors for m in by_size.values())
    if errors:
        statuses = "; ".join(
            f"{label(n)}{' cached' if sample is m.cached else ''}: {sample.status_text}"
            for n, m in by_size.items()
            for sample in (m.rendered, m.cached)
            if sample is not None and sample.errors
        )
        missed.append(f"{errors} non-200 ({statuses})")
    p95 = largest.timing.p95
    if target.p95_ms is not None and p95 > target.p95_ms:
        missed.append(f"p95 {p95:.1f} ms, {p95 - target.p95_ms:.1f} ms over")
    if target.times_bare_sql is not None and largest.bare_sql is not None:
        ratio = p95 / largest.bare_sql.p95 if largest.bare_sql.p95 else float("inf")
        if ratio > target.times_bare_sql:
            missed.append(f"{ratio:.2f}x the bare query")
    if target.max_bytes is not None and largest.bytes > target.max_bytes:
        missed.append(f"{largest.bytes / 1000:.0f} KB, {largest.bytes - target.max_bytes:,} B over")
    smallest = by_size[sizes[0]]
    if len(sizes) > 1 and smallest.timing is not None:
        growth = p95 / smallest.timing.p95
        if growth > GROWTH:
            missed.append(f"{growth:.1f}x its p95 at {label(sizes[0])}")
    result = "met" if not missed else "missed: " + "; ".join(missed)
    if sizes[-1] < 1_000_000 and (target.p95_ms or target.max_bytes):
        result += f" (at {label(sizes[-1])}; the target is for 1M)"
    return result


def target_text(page: Page, sizes: list[int]) -> str:
    target, parts = page.target, []
    if target.p95_ms is not None:
        parts.append(f"p95 ≤ {target.p95_ms:g} ms")
    if target.times_bare_sql is not None:
        parts.append(f"≤ {target.times_bare_sql:g}x bare SQL")
    if target.max_bytes is not None:
        parts.append(f"< {target.max_bytes // 1000} KB")
    if len(sizes) > 1:
        parts.append(f"≤ {GROWTH:g}x at {label(sizes[0])}")
    return "; ".join(parts) or "—"


def load_verdict(result: LoadResult) -> str:
    missed = []
    if result.per_second < THROUGHPUT_RPS:
        missed.append(
            f"{result.per_second:.0f}/s, {THROUGHPUT_RPS - result.per_second:.0f}/s short"
        )
    if result.errors:
        missed.append(f"{result.errors} errors")
    return "met" if not missed else "missed: " + "; ".join(missed)


# --- Reporting -------------------------------------------------------------------------------


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def row(*cells: object) -> str:
    return "| " + " | ".join(cell(c) for c in cells) + " |"


SIZE_HEADER = row("page", "p50 / p95 / p99 ms", "bytes", "queries", "status", "note")


def size_row(m: Measurement) -> str:
    if m.timing is None:
        return row(m.page.name, "—", "—", "—", "—", m.note)
    notes = [m.note] if m.note else []
    if m.bare_sql:
        notes.append(f"bare SQL p50 / p95 {m.bare_sql.p50:.1f} / {m.bare_sql.p95:.1f} ms")
    assert m.rendered is not None
    status = m.rendered.status_text
    return row(m.page.name, m.timing, m.bytes, m.queries, status, "; ".join(notes))


@dataclass
class SizeRun:
    statements: int
    generation: Generation
    site: Site | None = None
    measurements: list[Measurement] = field(default_factory=list)
    loads: list[LoadResult] = field(default_factory=list)


def results_table(runs: list[SizeRun]) -> list[str]:
    sizes = [run.statements for run in runs]
    lines = [
        row(
            "page",
            *(f"{label(n)} p50 / p95 / p99 ms" for n in sizes),
            f"{label(sizes[-1])} cached p50 / p95 ms (hits)",
            "bytes",
            "queries",
            "target",
            "met?",
        ),
        row(*["---"] * (len(sizes) + 6)),
    ]
    for index, page in enumerate(PAGES):
        by_size = {run.statements: run.measurements[index] for run in runs}
        largest = by_size[sizes[-1]]
        queries = " / ".join(
            dict.fromkeys(str(m.queries) for m in by_size.values() if m.queries is not None)
        )
        lines.append(
            row(
                page.name,
                *(m.timing or "—" for m in by_size.values()),
                cached_text(largest),
                largest.bytes or "—",
                queries or "—",
                target_text(page, sizes),
                verdict(by_size),
            )
        )
    return lines


def cached_text(m: Measurement) -> str:
    if m.cached is None:
        return "— (signed in: never cached)" if m.page.staff and m.urls else "—"
    timing = m.cached.timing
    return f"{timing.p50:.1f} / {timing.p95:.1f} ({m.cached.cache_hits})"


def search_table(runs: list[SizeRun]) -> list[str]:
    lines = [
        row("page", "size", "matches", "page p50 / p95 ms", "bare SQL p50 / p95 ms", "page / bare"),
        row(*["---"] * 6),
    ]
    for run in runs:
        assert run.site is not None
        for m in run.measurements:
            if not m.page.times_bare_sql or m.timing is None:
                continue
            q = urllib.parse.parse_qs(urllib.parse.urlsplit(m.urls[0]).query).get("q", [""])[0]
            bare = m.bare_sql
            lines.append(
                row(
                    f"{m.page.name} (`{q}`)",
                    label(run.statements),
                    f"{run.site.matches.get(q, 0):,}",
                    f"{m.timing.p50:.1f} / {m.timing.p95:.1f}",
                    f"{bare.p50:.1f} / {bare.p95:.1f}" if bare else "—",
                    f"{m.timing.p95 / bare.p95:.2f}x" if bare and bare.p95 else "—",
                )
            )
    return lines


def load_table(runs: list[SizeRun], connections: int) -> list[str]:
    lines = [
        row(
            "load",
            "size",
            "page cache",
            "tool",
            "requests/s",
            "p50 / p99 ms",
            "errors",
            "target",
            "met?",
        ),
        row(*["---"] * 9),
    ]
    for run in runs:
        for result in run.loads:
            lines.append(
                row(
                    result.load.name,
                    label(run.statements),
                    "on" if result.page_cache else "off",
                    result.tool,
                    f"{result.per_second:.0f}",
                    f"{result.p50_ms:.1f} / {result.p99_ms:.1f}",
                    result.errors,
                    f"≥ {THROUGHPUT_RPS}/s with {connections} connections, 0 errors",
                    load_verdict(result),
                )
            )
    return lines


def results_markdown(
    runs: list[SizeRun], about: dict[str, str], args: argparse.Namespace, began: datetime.datetime
) -> str:
    sizes = ", ".join(f"{run.statements:,}" for run in runs)
    lines = [
        "# Site benchmark",
        "",
        "Written by `bench/site_benchmark.py` (`make bench`); figures, not assertions. What is",
        "measured and how: the script's docstring. Targets: `bench/pages.py`.",
        "",
        f"- Date: {began:%Y-%m-%d %H:%M} UTC; took {(time.monotonic() - STARTED) / 60:.0f} min",
        *(f"- {name}: {value}" for name, value in about.items()),
        f"- Load average (1, 5, 15 min) at the end: {load_average()}; anything else running on",
        "  the machine during the run is in these figures",
        f"- Sizes: {sizes} statements",
        f"- Per page: {args.warmup} warm-up requests, then {args.requests} timed, on one "
        "persistent connection; latency is request sent to last byte received, on loopback",
        "",
        "## The data",
        "",
        row("size", "statements", "published", "people", "events", "tags", "database", "made in"),
        row(*["---"] * 8),
    ]
    for run in runs:
        g = run.generation
        made = ", ".join(f"{step} {seconds:.0f} s" for step, seconds in g.seconds.items())
        lines.append(
            row(
                label(run.statements),
                *(f"{g.counts.get(k, 0):,}" for k in ("statements", "published", "people")),
                *(f"{g.counts.get(k, 0):,}" for k in ("events", "tags")),
                g.database_size,
                made or "reused, not generated",
            )
        )
    lines += [
        "",
        "## Pages",
        "",
        "Each page rendered for every request (the server runs with PAGE_CACHE_SECONDS=0): the",
        "cost the targets are judged on, and what every cache miss pays. The cached column is",
        "the same URLs served as deployed, with the page cache on; in brackets, how many of",
        f"the {args.requests} timed requests it answered.",
        "",
        *results_table(runs),
        "",
    ]
    lines += ["## Search against its bare query", ""]
    lines += [
        "The slowest query of each search page, re-executed alone with psycopg2 "
        f"({args.sql_repeat} runs after 3 warm-up), against the page's latency.",
        "",
        *search_table(runs),
        "",
        "## Throughput",
        "",
        f"{args.connections} connections for {args.duration} s on random paths (after a short",
        "uncounted warm-up), client and server on the same machine.",
        "",
        *load_table(runs, args.connections),
        "",
        "## What each row requested",
        "",
    ]
    for run in runs:
        assert run.site is not None
        site = run.site
        lines += [
            f"At {label(run.statements)}: biggest speaker `{site.person}`, event `{site.event}`, "
            f"tag `{site.tag}`; search words: common `{site.common_word}`, rare "
            f"`{site.rare_word}`, phrase `{site.phrase}`.",
            "",
        ]
        for m in run.measurements:
            where = f"`{m.urls[0]}`" if m.urls else "—"
            more = f" (and {len(m.urls) - 1:,} others)" if len(m.urls) > 1 else ""
            note = f": {m.note}" if m.note else ""
            lines.append(f"- {m.page.name}: {where}{more}{note}")
        lines.append("")
    return "\n".join(lines)


# --- One size --------------------------------------------------------------------------------


def benchmark_size(
    run: SizeRun,
    database: str,
    static_root: Path,
    secret_key: str,
    workdir: Path,
    args: argparse.Namespace,
) -> None:
    """Serves the filled database and measures every page and load against it: first with
    the page cache off, so each request renders its page (the cost the targets are about,
    and what every cache miss pays); then, if the app has a page cache, as deployed."""
    from django.conf import settings
    from django.contrib.auth.models import User

    password = secrets.token_urlsafe(24)
    User.objects.filter(username=ADMIN_USER).delete()
    User.objects.create_superuser(ADMIN_USER, f"{ADMIN_USER}@example.invalid", password)
    try:
        log = workdir / f"gunicorn-{label(run.statements)}.log"
        env = app_environment(database, static_root, secret_key, page_cache=False)
        with serving(env, args.workers, args.threads, log) as port:
            public, staff = Browser(port), Browser(port)
            sign_in(staff, ADMIN_USER, password)
            run.site = Site(public, args)
            in_process = InProcess(ADMIN_USER)
            say()
            say(f"## {run.statements:,} statements, each page rendered (page cache off)")
            say()
            say(SIZE_HEADER)
            say(row(*["---"] * 6))
            for page in PAGES:
                progress(f"{label(run.statements)}: {page.name}")
                measurement = measure(
                    page, run.site, {False: public, True: staff}, in_process, database, args
                )
                run.measurements.append(measurement)
                say(size_row(measurement))
            run.loads += [loaded(load, run, port, workdir, args, False) for load in LOADS]
            public.close()
            staff.close()
        if hasattr(settings, "PAGE_CACHE_SECONDS"):
            env = app_environment(database, static_root, secret_key, page_cache=True)
            with serving(env, args.workers, args.threads, log) as port:
                as_deployed(run, Browser(port), args)
                run.loads += [loaded(load, run, port, workdir, args, True) for load in LOADS]
        if any(m.errors for m in run.measurements):
            tail = log.read_text(errors="replace").splitlines()[-30:]
            progress("some pages were not a 200; the end of gunicorn's log:\n" + "\n".join(tail))
    finally:
        User.objects.filter(username=ADMIN_USER).delete()


def as_deployed(run: SizeRun, browser: Browser, args: argparse.Namespace) -> None:
    """The same public URLs again with the page cache as configured: after the warm-up, a
    page read again is a hit; a permalink, a different statement each time, never is. Pages
    signed in are never cached, so they are not timed again."""
    say()
    say(f"## {run.statements:,} statements, as deployed (page cache on)")
    say()
    say(row("page", "p50 / p95 / p99 ms", "cache hits", "status"))
    say(row(*["---"] * 4))
    for measurement in run.measurements:
        if not measurement.urls or measurement.page.staff:
            continue
        progress(f"{label(run.statements)}, cache on: {measurement.page.name}")
        measurement.cached = sample(browser, measurement.urls, args)
        cached = measurement.cached
        say(
            row(
                measurement.page.name,
                cached.timing,
                f"{cached.cache_hits} of {args.requests}",
                cached.status_text,
            )
        )
    browser.close()


def loaded(
    load: Load, run: SizeRun, port: int, workdir: Path, args: argparse.Namespace, cache: bool
) -> LoadResult:
    """One load of LOADS against the server on `port`, printed as soon as it is measured."""
    assert run.site is not None
    result = throughput(load, run.site, port, workdir, args, cache)
    say(
        f"load {load.name}, page cache {'on' if cache else 'off'}: "
        f"{result.per_second:.0f} requests/s, p99 {result.p99_ms:.1f} ms, "
        f"{result.errors} errors ({result.tool})"
    )
    return result


# --- Main ------------------------------------------------------------------------------------


def set_up_django(database: str, static_root: Path, secret_key: str) -> None:
    """This process's Django, for the test client and the look-ups: the app's settings, plus
    the test client's host; connections closed after each request."""
    env = app_environment(database, static_root, secret_key)
    env.update(ALLOWED_HOSTS="127.0.0.1,testserver", CONN_MAX_AGE="0")
    os.environ.pop("DEBUG", None)
    os.environ.update(env)
    import django

    django.setup()


def page_cache_text() -> str:
    from django.conf import settings

    if not hasattr(settings, "PAGE_CACHE_SECONDS"):
        return "none in this version of the app: not measured"
    seconds = STARTING_ENVIRONMENT.get("PAGE_CACHE_SECONDS", "300")
    redis = STARTING_ENVIRONMENT.get("REDIS_URL", "redis://127.0.0.1:6379/13")
    return f"PAGE_CACHE_SECONDS={seconds}, RedisCache at {redis}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = datetime.datetime.now(datetime.UTC)
    secret_key = secrets.token_urlsafe(50)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    about = machine(args.server_url, args.workers, args.threads)
    runs: list[SizeRun] = []
    with tempfile.TemporaryDirectory(prefix="site-benchmark-") as temporary:
        workdir = Path(temporary)
        static_root = workdir / "static"
        first = args.database_url or database_url(args.server_url, "postgres")
        set_up_django(first, static_root, secret_key)
        about["Page cache (second pass)"] = page_cache_text()
        env = app_environment(first, static_root, secret_key)
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        if args.database_url:
            from statements.models import Statement

            run = SizeRun(Statement.objects.count(), Generation())
            describe_contents(run.generation)
            benchmark_size(run, args.database_url, static_root, secret_key, workdir, args)
            runs.append(run)
        else:
            from django.core.management import get_commands

            if "generate_fake" not in get_commands():
                raise BenchmarkError(
                    "manage.py generate_fake does not exist yet: fill a database another way "
                    "and pass --database-url"
                )
            for statements in sorted(args.sizes):
                name = f"onrecord_site_bench_{os.getpid()}_{label(statements).lower()}"
                with throwaway_database(args.server_url, name, args.keep) as url:
                    env = app_environment(url, static_root, secret_key)
                    use_database(url)
                    people = people_for(statements, args.people)
                    generation = fill(env, url, statements, people)
                    describe_contents(generation)
                    run = SizeRun(statements, generation)
                    benchmark_size(run, url, static_root, secret_key, workdir, args)
                    runs.append(run)
    report = results_markdown(runs, about, args, began)
    say()
    say(report)
    args.results.write_text(report + "\n" + kept_sections(args.results))
    progress(f"wrote {args.results}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchmarkError as error:
        progress(f"failed: {error}")
        sys.exit(1)
    except KeyboardInterrupt:
        progress("interrupted")
        sys.exit(130)
