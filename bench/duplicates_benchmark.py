"""How fast, and how complete, is the duplicate check at newsroom scale? Prints figures; asserts
nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/onrecord_prof .venv/bin/python \\
        bench/duplicates_benchmark.py [--copies 60] [--speakers 20]

Reads the configured database as it is (fill a throwaway one first with `manage.py
generate_fake`); writes nothing. Takes statements of the most prolific speakers, changes one
word of each, and times `near_duplicates` finding the original among that speaker's statements,
as the statement form does on save.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "duplicates-benchmark-only")

import django  # noqa: E402

django.setup()

from django.db.models import Count  # noqa: E402

from statements.duplicates import near_duplicates  # noqa: E402
from statements.models import Statement  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=60)
    parser.add_argument("--speakers", type=int, default=20, help="the most prolific ones")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    busiest = list(
        Statement.objects.exclude(speaker=None)
        .values("speaker")
        .annotate(n=Count("id"))
        .order_by("-n")[: args.speakers]
    )
    total = Statement.objects.count()
    timings, found = [], 0
    for _ in range(args.copies):
        speaker = rng.choice(busiest)
        original = (
            Statement.objects.filter(speaker=speaker["speaker"])
            .select_related("speaker")
            .order_by("id")[rng.randrange(speaker["n"])]
        )
        words = original.text.split()
        words[rng.randrange(len(words))] = "changed"
        start = time.perf_counter()
        matches = near_duplicates(" ".join(words), speaker=original.speaker)
        timings.append((time.perf_counter() - start) * 1000)
        if any(match.pk == original.pk for match in matches):
            found += 1
        elif args.show_misses:
            print(f"missed ({len(words)} words): {original.text[:100]}")
    timings.sort()
    sizes = sorted(speaker["n"] for speaker in busiest)
    print(
        f"near_duplicates over {total:,} statements, the {len(busiest)} busiest speakers "
        f"({sizes[0]:,}-{sizes[-1]:,} statements each), {args.copies} one-word-changed copies: "
        f"found {found}/{args.copies}; p50 {statistics.median(timings):.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, max {timings[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
