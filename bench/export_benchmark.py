"""How fast, and in how much memory, does a whole-archive export stream? Prints figures;
asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/onrecord_prof .venv/bin/python \\
        bench/export_benchmark.py [--format csv] [--limit 0]

Reads the configured database as it is (fill a throwaway one first with `manage.py
generate_fake`); writes nothing. Requests /statements/export.<format> in-process, as a
journalist's "Download these results" with no filter, reads the streamed body to the end
without keeping it, and reports rows, bytes, rows a second, and the process's resident memory
before, at its peak, and how it grew per 100,000 rows (flat means constant memory).
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "export-benchmark-only")
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402


def rss_mb() -> float:
    """Current resident memory, from /proc (ru_maxrss is the peak only)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--query", default="", help="filters, e.g. tag=policing")
    args = parser.parse_args()

    client = Client()
    before = rss_mb()
    start = time.perf_counter()
    response = client.get(f"/statements/export.{args.format}?{args.query}")
    assert response.status_code == 200 and response.streaming, response.status_code
    rows = size = 0
    samples = []
    for chunk in response.streaming_content:
        size += len(chunk)
        rows += 1
        if rows % 100_000 == 0:
            samples.append((rows, rss_mb()))
    elapsed = time.perf_counter() - start
    rows -= 1 if args.format == "csv" else 2  # the header line; JSON's brackets
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    growth = ""
    if len(samples) >= 2:
        (r0, m0), (r1, m1) = samples[0], samples[-1]
        growth = f", {(m1 - m0) / ((r1 - r0) / 100_000):+.1f} MB per 100,000 rows after the first"
    print(
        f"export.{args.format}: {rows:,} rows, {size / 2**20:,.0f} MB in {elapsed:.1f} s "
        f"({rows / elapsed:,.0f} rows/s); memory {before:.0f} MB before, peak {peak:.0f} MB"
        f"{growth}"
    )


if __name__ == "__main__":
    main()
