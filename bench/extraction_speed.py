"""How fast the quote extractor reads: megabytes of article text per second on one core.

    python bench/extraction_speed.py [--megabytes 5]

Builds a document of at least the given size by concatenating the corpus articles (each a
paragraph block, as a feed would deliver them) and times ``extract`` over it, best of three.
The target is at least 1 MB/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The path above makes these importable.
from statements.extraction import extract  # noqa: E402
from tests.extraction.corpus_files import CORPUS  # noqa: E402

TARGET_MB_PER_SECOND = 1.0


def build_document(megabytes: float) -> str:
    articles = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    block = "\n".join(article.strip() for article in articles)
    size = len(block.encode("utf-8"))
    repeats = int(megabytes * 1_000_000 // size) + 1
    return "\n".join([block] * repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    arguments = parser.parse_args()
    document = build_document(arguments.megabytes)
    megabytes = len(document.encode("utf-8")) / 1_000_000
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        candidates = extract(document)
        timings.append(time.perf_counter() - started)
    best = min(timings)
    rate = megabytes / best
    verdict = "ok" if rate >= TARGET_MB_PER_SECOND else "BELOW TARGET"
    print(
        f"{megabytes:.2f} MB, {len(candidates)} candidates, best of 3: {best:.2f} s, "
        f"{rate:.2f} MB/s ({verdict}, target {TARGET_MB_PER_SECOND} MB/s)"
    )


if __name__ == "__main__":
    main()
