"""How fast is statement search at newsroom scale? Prints figures; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/onrecord .venv/bin/python \\
        bench/search_benchmark.py [--statements 200000] [--repeat 5]

Works in a throwaway database, never the configured one: `<name>_search_bench` on the same
server, created and migrated (triggers and GIN index included) at the start and dropped at the
end (`--keep` keeps it for poking at with psql). Without DATABASE_URL it runs on a throwaway
SQLite file against the fallback; use far fewer statements there.

The synthetic statements mix the demo article's vocabulary (common words, skewed like real
prose) with rare made-up words, so there are both broad and selective queries; 1 in 10 is a
draft. Each query is timed as a search page is served: the first 20 by rank, the first 20 by
date, counting matches, and highlighting the page.
"""

import argparse
import datetime
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "search-benchmark-only")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from people.models import Organization, OtherName, Person  # noqa: E402
from statements.models import Source, Statement  # noqa: E402
from statements.search import SEARCH_INDEX, highlight  # noqa: E402

PAGE = 20


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5, help="timings per query (median shown)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    return parser.parse_args()


def vocabulary() -> tuple[list[str], list[int]]:
    """The demo article's words and how often each occurs, for prose-like skew."""
    words = Counter()
    for path in (ROOT / "statements" / "demo").glob("*.txt"):
        words.update(re.findall(r"[A-Za-z]+", path.read_text()))
    common = list(words)
    return common, [words[w] for w in common]


def build(n_statements: int, rng: random.Random) -> None:
    common, weights = vocabulary()
    rare = [f"zq{i:05d}" for i in range(20_000)]  # one statement in ~10,000 has each

    def sentence(length: int) -> str:
        words = rng.choices(common, weights, k=length)
        if rng.random() < 0.2:
            words[rng.randrange(length)] = rng.choice(rare)
        if rng.random() < 0.01:
            words += ["on", "Clapham", "Common"]
        return " ".join(words).capitalize() + "."

    outlets = Organization.objects.bulk_create(
        Organization(name=f"Outlet {i}", slug=f"outlet-{i}", classification="outlet")
        for i in range(50)
    )
    n_people = max(10, n_statements // 100)
    people = Person.objects.bulk_create(
        Person(name=f"{rng.choice(common).title()} Speaker{i}", slug=f"p-{i}", sort_name=f"{i}")
        for i in range(n_people)
    )
    OtherName.objects.bulk_create(
        OtherName(person=person, name=f"Mr Speaker{i}") for i, person in enumerate(people)
    )
    sources = Source.objects.bulk_create(
        Source(
            outlet=rng.choice(outlets),
            title=sentence(rng.randint(6, 12)),
            published_on="2021-03-14",
            medium=Source.Medium.ONLINE_ARTICLE,
        )
        for _ in range(max(10, n_statements // 10))
    )
    batch = 5_000
    for start in range(0, n_statements, batch):
        Statement.objects.bulk_create(
            Statement(
                text=" ".join(sentence(rng.randint(8, 25)) for _ in range(rng.randint(1, 4))),
                context=sentence(rng.randint(4, 10)) if rng.random() < 0.5 else "",
                speaker=rng.choice(people),
                source=rng.choice(sources),
                said_on=datetime.date(
                    rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
                ),
                status=Statement.Status.DRAFT if rng.random() < 0.1 else Statement.Status.PUBLISHED,
            )
            for _ in range(min(batch, n_statements - start))
        )
        print(f"  {min(start + batch, n_statements):>9,} statements", end="\r", flush=True)
    print()


def timed(function, repeat: int) -> tuple[float, object]:
    """Median wall time in milliseconds, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    args = parse_args()
    rng = random.Random(args.seed)
    db = connection.settings_dict
    db["TEST"]["NAME"] = (
        f"{db['NAME']}_search_bench"
        if connection.vendor == "postgresql"
        else "search_bench.sqlite3"
    )
    print(f"Throwaway {connection.vendor} database {db['TEST']['NAME']!r} (the configured one")
    print("is not touched); migrating it.")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        build(args.statements, rng)
        load_seconds = time.perf_counter() - started
        print(f"Loaded {args.statements:,} statements in {load_seconds:.0f} s ", end="")
        print(f"({args.statements / load_seconds:,.0f}/s, search vectors filled by trigger)")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE statements_statement")
                cursor.execute(
                    "SELECT pg_size_pretty(pg_relation_size('statements_statement')),"
                    " pg_size_pretty(pg_relation_size(%s::regclass))",
                    [SEARCH_INDEX],
                )
                table_size, index_size = cursor.fetchone()
            print(f"Table {table_size}, GIN index {SEARCH_INDEX} {index_size}")
        report(args.repeat)
        if connection.vendor == "postgresql":
            report_writes(args.repeat)
    finally:
        if args.keep:
            print(f"Kept {db['TEST']['NAME']!r}.")
        else:
            connection.creation.destroy_test_db(old_name, verbosity=0)


QUERIES = [
    "police",  # common
    "distressing",  # fairly common
    "zq00042",  # rare
    "resigning",  # stemmed
    "police vigil",  # every word
    '"Clapham Common"',  # phrase
    "vigil or inquiry",
    "police -vigil",
    "Speaker42",  # a speaker's name
    "nothingmatchesthis",
    "the",  # stop word only
]


def report(repeat: int) -> None:
    published = Statement.objects.published()
    print()
    print(f"Median of {repeat} runs, ms; first page = {PAGE} rows with `with_related()`.")
    header = (
        f"{'query':<20} {'matches':>8} {'by rank':>9} {'by date':>9} {'count':>9} {'highlight':>9}"
    )
    print(header)
    print("-" * len(header))
    for q in QUERIES:
        results = published.search(q)
        by_rank_ms, page = timed(
            lambda r=results: list(r.order_by("-search_rank", "-said_on").with_related()[:PAGE]),
            repeat,
        )
        by_date_ms, _ = timed(lambda r=results: list(r.with_related()[:PAGE]), repeat)
        count_ms, count = timed(results.count, repeat)
        highlight_ms, _ = timed(lambda p=page, q=q: highlight(p, q), repeat)
        print(
            f"{q:<20} {count:>9,} {by_rank_ms:>9.1f} {by_date_ms:>9.1f} "
            f"{count_ms:>9.1f} {highlight_ms:>9.1f}"
        )


def report_writes(repeat: int) -> None:
    """What the triggers cost a writer."""
    print()
    statement = Statement.objects.filter(speaker__isnull=False).first()
    speaker = statement.speaker
    n = Statement.objects.filter(speaker=speaker).count()
    save_ms, _ = timed(statement.save, repeat)
    rename_ms, _ = timed(
        lambda: Person.objects.filter(pk=speaker.pk).update(name=f"Renamed {time.time()}"), repeat
    )
    other_ms, _ = timed(
        lambda: OtherName.objects.create(person=speaker, name=f"Alias {time.time()}"), repeat
    )
    print(f"Saving a statement: {save_ms:.1f} ms")
    print(f"Renaming a speaker with {n} statements: {rename_ms:.1f} ms")
    print(f"Adding an other name to that speaker: {other_ms:.1f} ms")


if __name__ == "__main__":
    main()
