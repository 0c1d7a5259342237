"""`make fuzz`: the fuzz tests of tests/fuzz with many more examples than `make test` gives
them, every request they send logged, then the figures.

    make fuzz                                                  # 200 examples a test, SQLite
    make fuzz FUZZ_ARGS="--examples 500"
    make fuzz FUZZ_ARGS="--database-url postgres://postgres@127.0.0.1:5432/onrecord"

pytest runs tests/fuzz with FUZZ_EXAMPLES (examples per test), FUZZ_SHRINK=1 (a failure is
shrunk to its smallest request) and FUZZ_LOG (tests/fuzz/conftest.py appends a JSON line for
each request the app answers). With `--database-url`, pytest-django makes its own test
database beside the one named (test_<name>) and drops it afterwards.

The report: requests sent, by test and by route; answers by status; every 5xx with the
request that caused it; every failing test with its message, which names the request; the
ten slowest answers; p50, p95 and p99 latency. Printed, and written to bench/results.md as the
"Fuzzing (make fuzz)" section, which keeps the latest run on each database. Exits 1 when a
test failed or any answer was a 5xx.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results_file import RESULTS, replace_section  # noqa: E402

HEADING = "Fuzzing (make fuzz)"
SLOWEST = 10
LISTED_FAILURES = 20
INTRO = """\
`make fuzz` (bench/fuzz.py) runs the fuzz tests of tests/fuzz with many more examples than
`make test` gives them: schemathesis against the API's own schema; hostile query strings on
every public route; generated posts to every admin add and change form, every list's
filters and actions (the person merge, the statements' workflow moves, publishing claims and
verdicts), every other admin view (spreadsheet imports with generated files, reverting to a
version), the article import's two steps and a statement's move and claim-link views.
Latency is in-process (Django's test client or WSGI handler, no server), a download timed to
its last byte, while other work shared the machine's cores. Each database keeps its latest
run below."""


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=200, help="examples per test (200)")
    parser.add_argument(
        "--database-url", help="a PostgreSQL server's database URL (default: SQLite)"
    )
    parser.add_argument(
        "--tests", nargs="+", default=["tests/fuzz"], help="what pytest runs (tests/fuzz)"
    )
    parser.add_argument("-k", dest="keyword", help="pytest's -k, to run some of the tests")
    parser.add_argument("--no-write", action="store_true", help="print only; leave results.md")
    parser.add_argument("--log", type=Path, help="keep the request log here (JSON lines)")
    return parser.parse_args()


# --- Running the tests -----------------------------------------------------------------------


@dataclass
class Failure:
    test: str
    message: str


def run_tests(args: argparse.Namespace, log: Path, junit: Path) -> tuple[int, str, float]:
    """pytest's exit status, its summary line and the run's wall time, in seconds."""
    environment = os.environ | {
        "FUZZ_EXAMPLES": str(args.examples),
        "FUZZ_SHRINK": "1",
        "FUZZ_LOG": str(log),
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
    if args.database_url:
        environment["DATABASE_URL"] = args.database_url
    else:
        environment.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "pytest", *args.tests, "-q", f"--junitxml={junit}"]
    command += ["-k", args.keyword] if args.keyword else []
    print(f"$ FUZZ_EXAMPLES={args.examples} {' '.join(command[2:])}", file=sys.stderr)
    started = time.monotonic()
    completed = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    seconds = time.monotonic() - started
    lines = completed.stdout.strip().splitlines()
    summary = next(
        (line.strip("= ") for line in reversed(lines) if re.search(r"\d+ (passed|failed)", line)),
        f"pytest exited {completed.returncode}",
    )
    if completed.returncode not in (0, 1):  # 1: tests failed, which the report says
        sys.stderr.write(completed.stdout[-5000:] + completed.stderr[-5000:])
    return completed.returncode, summary, seconds


REQUEST_LINES = re.compile(r"^\s*(E\s+)?(Request: .*|body: .*|curl .*|\d{3} for (GET|POST) .*)$")


def failures(junit: Path) -> list[Failure]:
    """Each failing test and what its report says of the request: the exception, and the lines
    naming the request (the fuzz tests' `Request:`/`body:`, schemathesis' `curl`)."""
    if not junit.exists():
        return []
    found = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        for problem in [*case.iter("failure"), *case.iter("error")]:
            text = problem.text or ""
            naming = [m.group(2) for line in text.splitlines() if (m := REQUEST_LINES.match(line))]
            lines = [(problem.get("message") or "").splitlines()[0][:300], *naming[:4]]
            name = f"{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name')}"
            found.append(Failure(name, "\n".join(dict.fromkeys(line for line in lines if line))))
    return found


# --- The figures -----------------------------------------------------------------------------


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def request_line(entry: dict) -> str:
    query = f"?{entry['query']}" if entry["query"] else ""
    return f"{entry['method']} {entry['path']}{query}"


def cell(text: str, limit: int = 160) -> str:
    """Text for a Markdown table cell: one line, no pipes, not too long."""
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def by_status(entries: list[dict]) -> str:
    counted = Counter(entry["status"] for entry in entries)
    return ", ".join(f"{status}: {count:,}" for status, count in sorted(counted.items()))


def test_name(test: str) -> str:
    """A test's file and function, without its parameters (one row per test function)."""
    return test.split("[", 1)[0].removeprefix("tests/fuzz/")


def report(entries: list[dict], found: list[Failure], header: dict[str, str]) -> str:
    times = sorted(entry["seconds"] for entry in entries)
    server_errors = [e for e in entries if e["status"] >= 500 or e.get("error")]
    lines = [f"- {name}: {value}" for name, value in header.items()]
    lines += [
        "",
        "| figure | value |",
        "|--------|-------|",
        f"| requests sent | {len(entries):,} |",
        f"| answers by status | {by_status(entries)} |",
        f"| 5xx (or an error while streaming) | {len(server_errors):,} |",
        f"| failing tests | {len(found):,} |",
        f"| latency p50 / p95 / p99 / max | {ms(percentile(times, 0.5))} / "
        f"{ms(percentile(times, 0.95))} / {ms(percentile(times, 0.99))} / "
        f"{ms(times[-1] if times else 0)} |",
    ]

    lines += ["", "#### Failures", ""]
    if not found and not server_errors:
        lines.append("None: no test failed and no answer was a 5xx.")
    for failure in found[:LISTED_FAILURES]:
        lines.append(f"- `{failure.test}`:")
        lines += [f"      {line}" for line in failure.message.splitlines()]
    distinct: dict[tuple, list[dict]] = defaultdict(list)
    for entry in server_errors:
        distinct[(entry["route"], entry["status"], entry.get("error"))].append(entry)
    for (route, status, error), alike in list(distinct.items())[:LISTED_FAILURES]:
        first = alike[0]
        lines.append(f"- {status} from `{route}` ({len(alike):,} times), first:")
        lines.append(f"      {request_line(first)}")
        if first.get("body"):
            lines.append(f"      body: {json.dumps(first['body'], ensure_ascii=False)[:1000]}")
        if error:
            lines.append(f"      {error}")

    lines += ["", "#### The slowest answers", "", "| time | status | request | test |"]
    lines.append("|------|--------|---------|------|")
    for entry in sorted(entries, key=lambda e: e["seconds"], reverse=True)[:SLOWEST]:
        lines.append(
            f"| {ms(entry['seconds'])} | {entry['status']} | {cell(request_line(entry))} | "
            f"`{cell(test_name(entry['test']), 80)}` |"
        )

    lines += ["", "#### Requests by test", "", "| test | requests | answers | p99 |"]
    lines.append("|------|----------|---------|-----|")
    lines += table_rows(entries, lambda entry: f"`{test_name(entry['test'])}`")
    lines += ["", "#### Requests by route", "", "| route | requests | answers | p99 |"]
    lines.append("|-------|----------|---------|-----|")
    lines += table_rows(entries, lambda entry: f"`{entry['route']}`")
    return "\n".join(lines)


def table_rows(entries: list[dict], key) -> list[str]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for entry in entries:
        groups[key(entry)].append(entry)
    rows = []
    for name, group in sorted(groups.items()):
        times = sorted(entry["seconds"] for entry in group)
        rows.append(
            f"| {name} | {len(group):,} | {by_status(group)} | {ms(percentile(times, 0.99))} |"
        )
    return rows


# --- Where it ran ----------------------------------------------------------------------------


def first_match(path: str, pattern: str) -> str:
    try:
        text = Path(path).read_text()
    except OSError:
        return "unknown"
    found = re.search(pattern, text, re.MULTILINE)
    return found.group(1).strip() if found else "unknown"


def database_name(database_url: str | None) -> str:
    if not database_url:
        return f"SQLite {sqlite3.sqlite_version}"
    import psycopg2

    # The server's own database: the one named may not exist (pytest-django makes test_<name>).
    with contextlib.closing(psycopg2.connect(database_url, dbname="postgres")) as connection:
        version = connection.server_version  # e.g. 150020
    return f"PostgreSQL {version // 10000}.{version % 10000}"


def header(args: argparse.Namespace, summary: str, seconds: float) -> dict[str, str]:
    cpu = first_match("/proc/cpuinfo", r"^model name\s*:(.*)$")
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return {
        "Run": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "Machine": f"{cpu}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}",
        "Load average at the end (1, 5, 15 min)": load,
        "Examples per test": f"{args.examples} (`--examples`), failures shrunk",
        "pytest": f"{summary}; {seconds / 60:.1f} min",
    }


# --- results.md ------------------------------------------------------------------------------


def section_with(database: str, run: str) -> str:
    """The section's text with this database's run in place of its previous one, the other
    databases' runs kept."""
    text = RESULTS.read_text() if RESULTS.exists() else ""
    old = re.search(rf"^## {re.escape(HEADING)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    runs: dict[str, str] = {}
    for part in re.split(r"^(?=### On )", old.group(1) if old else "", flags=re.M):
        if part.startswith("### On "):
            name, _, rest = part.partition("\n")
            runs[name.removeprefix("### On ")] = rest.strip()
    runs[database.split()[0]] = f"{database}.\n\n{run}"
    return "\n\n".join(
        [INTRO, *(f"### On {name}\n\n{body}" for name, body in sorted(runs.items()))]
    )


def main() -> int:
    args = parse_arguments()
    database = database_name(args.database_url)
    with tempfile.TemporaryDirectory(prefix="fuzz-") as scratch:
        log = args.log or Path(scratch) / "requests.jsonl"
        log.unlink(missing_ok=True)
        junit = Path(scratch) / "junit.xml"
        status, summary, seconds = run_tests(args, log, junit)
        if status not in (0, 1):  # interrupted, or pytest could not run them: no figures
            print(f"pytest exited {status}: nothing reported.", file=sys.stderr)
            return 2
        entries = [json.loads(line) for line in log.open()] if log.exists() else []
        found = failures(junit)
    run = report(entries, found, header(args, summary, seconds))
    print(f"## {HEADING}: on {database}\n\n{run}")
    if not args.no_write:
        replace_section(HEADING, section_with(database, run))
        print(f"\nWritten to {RESULTS.relative_to(ROOT)}.", file=sys.stderr)
    server_errors = sum(1 for entry in entries if entry["status"] >= 500 or entry.get("error"))
    return 1 if found or server_errors or not entries else 0


if __name__ == "__main__":
    sys.exit(main())
