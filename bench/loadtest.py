"""`make loadtest`: readers, editors and reviewers at once against gunicorn on loopback, the
database's connections ended mid-run, then every acknowledged write counted in the database.

    make loadtest                                   # 1,000,000 statements, 60 s, 32 users
    make loadtest LOADTEST_ARGS="--statements 100000 --seconds 30"

1. A throwaway PostgreSQL database is filled (`generate_fake`), with editor and reviewer
   accounts; gunicorn serves it as `make serve` does (WORKERS x THREADS), with the page cache
   on in Redis as deployed (a Redis database of its own, emptied first).
2. locust, headless, runs bench/locustfile.py: `--users` concurrent users, each one
   connection, of which `--editors` editors and `--reviewers` reviewers work through the admin
   forms while the rest read. During the run, `--faults` times, every connection the app holds
   to its database is ended with `pg_terminate_backend` (never a server restart).
3. Afterwards the database is read and compared with the ledger of acknowledged writes: each
   acknowledged statement is there exactly once with the words, status, history versions,
   corrections and admin log entries its writes made; each imported article is there once
   with its quotes; and nothing this run wrote is there without an acknowledgement.

Prints the figures and writes the "Load test with writes (make loadtest)" section of
bench/results.md. Exits 1 when a check fails or a 5xx came outside the injected faults.
"""

import argparse
import contextlib
import datetime
import json
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results_file import replace_section  # noqa: E402
from bench.site_benchmark import (  # noqa: E402
    BIN,
    BenchmarkError,
    app_environment,
    fill,
    free_port,
    machine,
    manage,
    people_for,
    progress,
    say,
    serving,
    set_up_django,
    throwaway_database,
)

HEADING = "Load test with writes (make loadtest)"
PASSWORD = secrets.token_urlsafe(16)
# A request in flight when its connection was ended answers within this long of the fault.
FAULT_WINDOW_SECONDS = 2.0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=32, help="concurrent connections")
    parser.add_argument("--editors", type=int, default=4)
    parser.add_argument("--reviewers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--faults", type=int, default=2, help="times the connections are ended")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="serve without Redis and the page cache"
    )
    parser.add_argument(
        "--no-redis-fault", action="store_true", help="keep the run's Redis up throughout"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--no-results", action="store_true", help="do not write results.md")
    return parser.parse_args(argv)


# --- Before the run --------------------------------------------------------------------------


def accounts(editors: int, reviewers: int) -> dict[str, list[str]]:
    """Staff accounts in the newsroom's groups, each signed in by one locust user."""
    from django.contrib.auth.models import Group, User

    from common.groups import EDITORS, REVIEWERS

    made: dict[str, list[str]] = {"editor": [], "reviewer": []}
    for role, group_name, count in (
        ("editor", EDITORS, editors),
        ("reviewer", REVIEWERS, reviewers),
    ):
        group = Group.objects.get(name=group_name)
        for number in range(1, count + 1):
            user = User.objects.create_user(f"{role}-{number}", password=PASSWORD, is_staff=True)
            user.groups.add(group)
            made[role].append(user.username)
    return made


def reader_urls(rng: random.Random) -> dict[str, list[str]]:
    """What readers ask for: random published permalinks and people, the biggest events,
    searches for common words, the feeds and the API."""
    from django.db.models import Count, Max
    from django.urls import reverse

    from events.models import Event
    from people.models import Person
    from statements.models import Statement

    top = Statement.objects.aggregate(top=Max("pk"))["top"] or 0
    ids = rng.sample(range(1, top + 1), min(top, 4000))
    published = list(Statement.objects.published().filter(pk__in=ids).values_list("pk", flat=True))
    top_person = Person.objects.aggregate(top=Max("pk"))["top"] or 0
    person_ids = rng.sample(range(1, top_person + 1), min(top_person, 500))
    people = list(Person.objects.filter(pk__in=person_ids).values_list("slug", flat=True))
    events = list(
        Event.objects.annotate(n=Count("statements"))
        .order_by("-n")
        .values_list("slug", flat=True)[:50]
    )
    words = ["minister", "police", "budget", "vigil", "housing", "inquiry", "schools", "energy"]
    return {
        "permalink": [reverse("statements:detail", args=[pk]) for pk in published[:2000]],
        "person": [reverse("people:detail", args=[slug]) for slug in people],
        "home": [reverse("statements:home")],
        "event": [reverse("events:detail", args=[slug]) for slug in events],
        "search": [f"{reverse('statements:search')}?q={word}" for word in words],
        "feed": [
            reverse("statements:feed-rss"),
            reverse("statements:feed-atom"),
            reverse("statements:corrections-rss"),
            *[reverse("statements:person-feed-rss", args=[slug]) for slug in people[:50]],
        ],
        "api": [
            "/api/statements/",
            "/api/people/",
            *[f"/api/statements/{pk}/" for pk in published[2000:2500]],
        ],
    }


def editors_choices(rng: random.Random) -> dict[str, list[int]]:
    """Speakers and sources an editor picks in the add form (the autocomplete's answers)."""
    from people.models import Person
    from statements.models import Source

    return {
        "speakers": list(Person.objects.order_by("?").values_list("pk", flat=True)[:200]),
        "sources": list(Source.objects.order_by("?").values_list("pk", flat=True)[:200]),
    }


# --- During the run --------------------------------------------------------------------------


@dataclass
class Fault:
    at: float
    ended: int  # connections ended


def end_the_apps_connections(database_url: str, database: str) -> int:
    """What an operator (or a failover) does: end every session on the app's database."""
    with contextlib.closing(psycopg2.connect(database_url)) as operator:
        operator.autocommit = True
        with operator.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [database],
            )
            return int(cursor.fetchone()[0])


def inject_faults(
    database_url: str, database: str, times: list[float], faults: list[Fault], stop: threading.Event
) -> None:
    for at in times:
        if stop.wait(max(0.0, at - time.time())):
            return
        ended = end_the_apps_connections(database_url, database)
        faults.append(Fault(time.time(), ended))
        progress(f"fault: ended {ended} database connection(s)")


@dataclass
class RedisOutage:
    began: float = 0.0
    ended: float = 0.0


class OwnRedis:
    """A Redis server of this run's own on a free port (never the shared one, which is never
    stopped), keeping nothing on disk; stopped and started again for the Redis fault."""

    def __init__(self, work: Path) -> None:
        self.port = free_port()
        self.work = work
        self.server: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise BenchmarkError("redis-server is not installed: use --no-page-cache")
        self.server = subprocess.Popen(
            [binary, "--port", str(self.port), "--save", "", "--appendonly", "no"],
            cwd=self.work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as probe,
            ):
                probe.sendall(b"PING\r\n")
                if probe.recv(16).startswith(b"+PONG"):
                    return
            time.sleep(0.05)
        raise BenchmarkError(f"redis-server did not answer on port {self.port}")

    def stop(self) -> None:
        if self.server is not None:
            self.server.kill()
            self.server.wait()
            self.server = None


def take_redis_away(
    redis: OwnRedis, window: tuple[float, float], outage: RedisOutage, stop: threading.Event
) -> None:
    if stop.wait(max(0.0, window[0] - time.time())):
        return
    redis.stop()
    outage.began = time.time()
    progress("fault: Redis stopped")
    stop.wait(max(0.0, window[1] - time.time()))
    redis.start()
    outage.ended = time.time()
    progress("fault: Redis back")


def run_locust(port: int, args: argparse.Namespace, files: dict[str, Path], log: Path) -> None:
    env = dict(os.environ)
    env.update(
        LOADTEST_PLAN=str(files["plan"]),
        LOADTEST_LEDGER=str(files["ledger"]),
        LOADTEST_REQUESTS=str(files["requests"]),
        LOADTEST_EDITORS=str(args.editors),
        LOADTEST_REVIEWERS=str(args.reviewers),
    )
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.users),
        "--run-time",
        f"{args.seconds}s",
        "--stop-timeout",
        "15",
        "--host",
        f"http://127.0.0.1:{port}",
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    progress(f"locust: {args.users} users for {args.seconds} s (log: {log})")
    with log.open("wb") as out:
        done = subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    # locust exits 1 when any request "failed" (a 4xx/5xx); the figures below say which.
    if done.returncode not in (0, 1):
        raise BenchmarkError(f"locust exited {done.returncode}: see {log}")


# --- After the run ---------------------------------------------------------------------------


def read_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass
class Traffic:
    requests: int = 0
    seconds: float = 0.0
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)
    server_errors_in_faults: list[dict] = field(default_factory=list)
    server_errors_outside: list[dict] = field(default_factory=list)
    connection_errors: list[dict] = field(default_factory=list)
    client_errors: list[dict] = field(default_factory=list)  # 4xx: none expected


def in_a_fault(request: dict, faults: list[Fault]) -> bool:
    """The request was in flight when the connections were ended (or answered just after)."""
    start = request["end"] - request["ms"] / 1000
    return any(start - 0.05 <= f.at <= request["end"] + FAULT_WINDOW_SECONDS for f in faults)


def traffic(requests: list[dict], faults: list[Fault]) -> Traffic:
    result = Traffic(requests=len(requests))
    if not requests:
        return result
    starts = [r["end"] - r["ms"] / 1000 for r in requests]
    result.seconds = max(r["end"] for r in requests) - min(starts)
    for r in requests:
        kind = (
            "write"
            if r["method"] == "POST"
            else "staff read"
            if r["name"].startswith("admin")
            else "read"
        )
        result.by_kind.setdefault(kind, []).append(r["ms"])
        result.statuses[r["status"]] += 1
        if r["status"] >= 500:
            target = (
                result.server_errors_in_faults
                if in_a_fault(r, faults)
                else (result.server_errors_outside)
            )
            target.append(r)
        elif r["status"] >= 400:
            result.client_errors.append(r)
        elif r["status"] == 0:
            result.connection_errors.append(r)
    return result


@dataclass
class Check:
    what: str
    expected: int
    found: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.expected == self.found


def check_the_record(ledger: list[dict], run: str) -> list[Check]:
    """Every acknowledged write is in the database exactly once, with the history it made,
    and nothing this run wrote is there unacknowledged."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from common.models import FormSubmission
    from people.models import Person
    from statements.models import Correction, Source, Statement

    writes: dict[int, list[dict]] = defaultdict(list)
    for entry in sorted(ledger, key=lambda e: e["at"]):
        if "id" in entry:
            writes[entry["id"]].append(entry)
    added = {pk for pk, entries in writes.items() if entries[0]["kind"] == "added"}
    checks = []

    # Statements from the add form: the run's marker is in their words.
    on_record = {
        s.pk: s for s in Statement.objects.filter(text__contains=f"{run}-").only("text", "status")
    }
    statements = Check("statements added through the form", len(added), len(on_record))
    for pk in sorted(added - on_record.keys()):
        statements.problems.append(f"acknowledged but missing: statement {pk}")
    for pk in sorted(on_record.keys() - added):
        statements.problems.append(f"in the database, never acknowledged: statement {pk}")
    words = Check("their words and status as last acknowledged", len(added), 0)
    for pk in sorted(added & on_record.keys()):
        texts = [e["text"] for e in writes[pk] if "text" in e]
        statuses = [e["status"] for e in writes[pk] if "status" in e] or ["draft"]
        row = on_record[pk]
        if row.text == texts[-1] and row.status == statuses[-1]:
            words.found += 1
        else:
            words.problems.append(
                f"statement {pk}: {row.status} {row.text!r}, expected {statuses[-1]} {texts[-1]!r}"
            )
    checks += [statements, words]

    history = Check("history versions (one per acknowledged save or move)", 0, 0)
    expected_versions = {pk: len(writes[pk]) for pk in added}
    history.expected = sum(expected_versions.values())
    found_versions = Counter(
        Statement.history.filter(id__in=list(added)).values_list("id", flat=True)
    )
    history.found = sum(found_versions.values())
    for pk, count in expected_versions.items():
        if found_versions[pk] != count:
            history.problems.append(
                f"statement {pk}: {found_versions[pk]} versions, expected {count}"
            )
    checks.append(history)

    statement_type = ContentType.objects.get_for_model(Statement)
    logged = Counter(
        int(object_id)
        for object_id in LogEntry.objects.filter(
            content_type=statement_type, object_id__in=[str(pk) for pk in added]
        ).values_list("object_id", flat=True)
    )
    log = Check("admin log entries", history.expected, sum(logged.values()))
    for pk, count in expected_versions.items():
        if logged[pk] != count:
            log.problems.append(f"statement {pk}: {logged[pk]} log entries, expected {count}")
    checks.append(log)

    corrected = [e for e in ledger if e["kind"] == "corrected"]
    notes = Correction.objects.filter(statement__in=list(added), reason__contains=run)
    corrections = Check("public corrections", len(corrected), notes.count())
    checks.append(corrections)

    imported = [e for e in ledger if e["kind"] == "imported"]
    sources = {s.title: s for s in Source.objects.filter(title__contains=f"({run})")}
    articles = Check("imported articles (one source each)", len(imported), len(sources))
    quotes = Check("imported quotes", sum(len(e["texts"]) for e in imported), 0)
    speakers = Check("new speakers the imports made", len(imported), 0)
    for entry in imported:
        source = sources.get(entry["headline"])
        if source is None:
            articles.problems.append(f"acknowledged but missing: {entry['headline']!r}")
            continue
        texts = sorted(source.statements.values_list("text", flat=True))
        quotes.found += len(texts)
        if texts != sorted(entry["texts"]):
            quotes.problems.append(f"{entry['headline']!r}: {texts} expected {entry['texts']}")
        versions = Statement.history.filter(source_id=source.pk).count()
        if versions != len(texts):
            quotes.problems.append(f"{entry['headline']!r}: {versions} versions for {len(texts)}")
        speakers.found += Person.objects.filter(name=entry["speaker"]).count()
    acknowledged_titles = {e["headline"] for e in imported}
    for title in sorted(sources.keys() - acknowledged_titles):
        articles.problems.append(f"in the database, never acknowledged: {title!r}")
    checks += [articles, quotes, speakers]

    tokens = [e["token"] for e in ledger if e.get("token")]
    submissions = Check("one-time form tokens claimed", len(tokens), FormSubmission.objects.count())
    claimed = set(map(str, FormSubmission.objects.values_list("token", flat=True)))
    for token in tokens:
        if token not in claimed:
            submissions.problems.append(f"acknowledged form {token} has no claim")
    checks.append(submissions)
    return checks


# --- Report ----------------------------------------------------------------------------------


def redis_line(requests: list[dict], outage: RedisOutage) -> str:
    if not outage.began:
        return "- Redis was not taken away in this run."
    during = [r for r in requests if outage.began <= r["end"] <= outage.ended]
    statuses = Counter(r["status"] for r in during)
    failed = sum(n for status, n in statuses.items() if status >= 500 or status == 0)
    reads = [r["ms"] for r in during if r["method"] == "GET" and not r["name"].startswith("admin")]

    def hit_rate(rows: list[dict]) -> str:
        public = [r for r in rows if r["method"] == "GET" and not r["name"].startswith("admin")]
        hits = sum(1 for r in public if r.get("cache") == "hit")
        return f"{100 * hits / len(public):.0f}%" if public else "n/a"

    before = [r for r in requests if r["end"] < outage.began]
    after = [r for r in requests if r["end"] > outage.ended]
    by_status = ", ".join(f"{status}: {n:,}" for status, n in sorted(statuses.items()))
    return (
        f"- Redis stopped for {outage.ended - outage.began:.0f} s mid-run: {len(during):,} "
        f"requests answered meanwhile ({by_status}), "
        f"**{failed} failed**; readers' p50 {percentile(reads, 0.5):.0f} ms, p99 "
        f"{percentile(reads, 0.99):.0f} ms; readers' pages from the cache: {hit_rate(before)} "
        f"before, {hit_rate(during)} during, {hit_rate(after)} after."
    )


def report(
    args: argparse.Namespace,
    about: dict[str, str],
    counts: dict[str, int],
    seen: Traffic,
    faults: list[Fault],
    ledger: list[dict],
    checks: list[Check],
    gunicorn_errors: int,
    seen_requests: list[dict],
    outage: RedisOutage,
) -> str:
    kinds = Counter(e["kind"] for e in ledger)
    lines = [
        f"Run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC: "
        f"`make loadtest` ({args.users} concurrent users for {args.seconds} s: "
        f"{args.users - args.editors - args.reviewers} readers, {args.editors} editors, "
        f"{args.reviewers} reviewers), on {counts['statements']:,} statements "
        f"({counts['people']:,} people), page cache "
        + ("off" if args.no_page_cache else "on (a Redis server of the run's own)")
        + ".",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in about.items()],
        "",
        "| traffic | requests | per second | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    everything = [ms for values in seen.by_kind.values() for ms in values]
    for kind, values in [("all", everything), *sorted(seen.by_kind.items())]:
        rate = len(values) / seen.seconds if seen.seconds else 0
        lines.append(
            f"| {kind} | {len(values):,} | {rate:.1f} | {percentile(values, 0.5):.0f} | "
            f"{percentile(values, 0.95):.0f} | {percentile(values, 0.99):.0f} |"
        )
    statuses = ", ".join(
        f"{status or 'no answer'}: {n:,}" for status, n in sorted(seen.statuses.items())
    )
    lines += [
        "",
        f"- Answers by status: {statuses}.",
        f"- 5xx outside the injected faults: **{len(seen.server_errors_outside)}**; "
        f"requests with no answer (refused, dropped, or the load tool's own error): "
        f"{len(seen.connection_errors)}; "
        f"500s logged by the app: {gunicorn_errors}.",
        f"- Faults: {len(faults)} times every connection to the database was ended "
        f"({', '.join(str(f.ended) for f in faults) or 'none'} connections); requests that "
        f"failed with them (a 503, in flight at that moment): "
        f"**{len(seen.server_errors_in_faults)}**"
        + (
            " ("
            + ", ".join(
                sorted({f"{r['method']} {r['name']}" for r in seen.server_errors_in_faults})
            )
            + ")"
            if seen.server_errors_in_faults
            else ""
        )
        + "; the requests after them succeeded without intervention.",
        redis_line(seen_requests, outage),
        "- 4xx answers: "
        + (
            ", ".join(
                f"{n} {what}"
                for what, n in Counter(
                    f"{r['status']} to {r['method']} {r['name']}" for r in seen.client_errors
                ).most_common()
            )
            or "none"
        )
        + ".",
        f"- The near-duplicate check stopped {kinds['duplicate prompt']} save(s); the editor "
        'ticked "Save anyway" (each quote is a random draw of words).',
        "- Writes refused (the page came back with an error instead of a redirect): "
        + (
            ", ".join(
                f"{n} {what}"
                for what, n in Counter(
                    f"{e['what']} ({e['status']}{': ' + e['error'] if e['error'] else ''})"
                    for e in ledger
                    if e["kind"] == "refused"
                ).most_common()
            )
            or "none"
        )
        + ".",
        f"- Writes acknowledged: {kinds['added']} statements added, {kinds['changed']} drafts "
        f"edited, {sum(1 for e in ledger if e['kind'] == 'moved' and e['move'] == 'submit')} sent "
        f"to review, {sum(1 for e in ledger if e['kind'] == 'moved' and e['move'] == 'publish')} "
        f"published, {kinds['corrected']} corrected, {kinds['imported']} articles imported.",
        "",
        "| checked afterwards in the database | expected | found | |",
        "|---|---:|---:|---|",
    ]
    for check in checks:
        verdict = "ok" if check.ok else "**FAILED**: " + "; ".join(check.problems[:3])
        lines.append(f"| {check.what} | {check.expected:,} | {check.found:,} | {verdict} |")
    lines += [
        "",
        "Readers: permalinks, speakers' pages, the home page, events, search, feeds and the API "
        "(bench/locustfile.py says the mix). Writes go through the admin's own forms with "
        "sessions and CSRF; a write answered 503 is posted once more, as an editor presses Save "
        "again (its one-time token makes that safe).",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rng = random.Random(7)
    run = "lt" + secrets.token_hex(3)
    name = f"onrecord_loadtest_{int(time.time())}"
    work = Path(tempfile.mkdtemp(prefix="onrecord-loadtest-"))
    files = {
        "plan": work / "plan.json",
        "ledger": work / "ledger.jsonl",
        "requests": work / "requests.jsonl",
    }
    secret_key = secrets.token_urlsafe(50)
    static_root = work / "static"
    about = machine(args.server_url, args.workers, args.threads)
    about["load tool"] = (
        subprocess.run(
            [BIN / "locust", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        or "locust"
    )
    with throwaway_database(args.server_url, name, args.keep) as url:
        env = app_environment(url, static_root, secret_key, page_cache=not args.no_page_cache)
        redis = OwnRedis(work)
        if not args.no_page_cache:
            redis.start()
            env["REDIS_URL"] = redis.url
        fill(env, url, args.statements, people_for(args.statements, 20_000))
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        set_up_django(url, static_root, secret_key)

        from django.db import connections

        from people.models import Person
        from statements.models import Statement

        counts = {"statements": Statement.objects.count(), "people": Person.objects.count()}
        plan = {
            "run": run,
            "password": PASSWORD,
            "accounts": accounts(args.editors, args.reviewers),
            "urls": reader_urls(rng),
            **editors_choices(rng),
        }
        files["plan"].write_text(json.dumps(plan))
        connections.close_all()

        log = work / "gunicorn.log"
        faults: list[Fault] = []
        stop = threading.Event()
        outage = RedisOutage()
        with serving(env, args.workers, args.threads, log) as port:
            began = time.time()
            # The database faults at even intervals; Redis away from 40% to 60% of the run.
            times = [began + args.seconds * (k + 1) / (args.faults + 1) for k in range(args.faults)]
            window = (began + args.seconds * 0.4, began + args.seconds * 0.6)
            injectors = [
                threading.Thread(target=inject_faults, args=(url, name, times, faults, stop))
            ]
            if not args.no_page_cache and not args.no_redis_fault:
                injectors.append(
                    threading.Thread(target=take_redis_away, args=(redis, window, outage, stop))
                )
            for injector in injectors:
                injector.start()
            try:
                run_locust(port, args, files, work / "locust.log")
            finally:
                stop.set()
                for injector in injectors:
                    injector.join()
                redis.stop()
        # gunicorn has stopped: nothing writes any more.
        ledger = read_lines(files["ledger"])
        seen_requests = read_lines(files["requests"])
        seen = traffic(seen_requests, faults)
        checks = check_the_record(ledger, run)
        # Django logs each 500 so (a 503 is logged as "Service Unavailable").
        gunicorn_errors = log.read_text(errors="replace").count("Internal Server Error:")
        connections.close_all()

    text = report(
        args, about, counts, seen, faults, ledger, checks, gunicorn_errors, seen_requests, outage
    )
    say(text)
    if seen.server_errors_outside:
        say("\n5xx outside the faults:")
        for r in seen.server_errors_outside[:20]:
            say(f"- {r['status']} {r['method']} {r['name']} ({r['ms']:.0f} ms)")
    if not args.no_results:
        replace_section(HEADING, text)
        progress("wrote bench/results.md")
    progress(f"logs and ledger kept in {work}")
    failed = (
        bool(seen.server_errors_outside)
        or gunicorn_errors > 0
        or not all(c.ok for c in checks)
        or not ledger
    )
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchmarkError as error:
        progress(f"failed: {error}")
        sys.exit(1)
    except KeyboardInterrupt:
        progress("interrupted")
        sys.exit(130)
