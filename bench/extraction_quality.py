"""How well the quote extractor does on the annotated corpus in tests/extraction/corpus.

    python bench/extraction_quality.py --split heldout [--verbose]

``--split`` takes any split named in the annotation files (tune, heldout, fresh, or a split
added later, such as a blind evaluation set) or ``all``; see tests/extraction/corpus/README.md
for which splits the rules were tuned on. A split no article belongs to is an error.

A gold quote is found when a candidate of the same kind covers at least 80% of it and at
least half of the candidate lies inside it (so one candidate swallowing a paragraph does not
count as finding everything in it); each candidate finds at most one gold quote. Precision is
found candidates over all candidates of that kind, recall found gold quotes over all gold
quotes of that kind. "Exact" requires the same start and end. Speaker accuracy is over found
quotes: the candidate's speaker equals the gold speaker (both None counts as equal).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The path above makes these importable.
from statements.extraction import Candidate, KnownOrganization, KnownPerson, extract  # noqa: E402
from tests.extraction.corpus_files import load_articles  # noqa: E402

KINDS = ("direct", "partial", "reported")
COVERAGE = 0.8
CANDIDATE_INSIDE = 0.5


@dataclass(frozen=True)
class GoldQuote:
    kind: str
    start: int
    end: int
    speaker: str | None
    text: str


@dataclass
class Article:
    name: str
    split: str
    text: str
    people: list[KnownPerson]
    organizations: list[KnownOrganization]
    quotes: list[GoldQuote]


@dataclass
class Tally:
    gold: int = 0
    candidates: int = 0
    found: int = 0
    exact: int = 0
    speaker_right: int = 0
    misses: list[str] = field(default_factory=list)


def load_corpus(split: str = "all") -> list[Article]:
    articles = []
    for article in load_articles(split):
        text = article.text
        quotes = []
        cursor = 0
        for quote in article.quotes:
            start = text.find(quote["text"], cursor)
            if start < 0:
                raise ValueError(f"{article.name}: gold text not in article: {quote['text']!r}")
            quotes.append(
                GoldQuote(
                    quote["kind"],
                    start,
                    start + len(quote["text"]),
                    quote["speaker"],
                    quote["text"],
                )
            )
            cursor = start + 1
        articles.append(
            Article(
                article.name,
                article.split,
                text,
                article.people,
                article.organizations,
                quotes,
            )
        )
    return articles


def _overlap(candidate: Candidate, quote: GoldQuote) -> int:
    return max(0, min(candidate.end, quote.end) - max(candidate.start, quote.start))


def _matches(candidate: Candidate, quote: GoldQuote) -> bool:
    overlap = _overlap(candidate, quote)
    return overlap >= COVERAGE * (quote.end - quote.start) and overlap >= CANDIDATE_INSIDE * (
        candidate.end - candidate.start
    )


def _same_speaker(found: str | None, gold: str | None) -> bool:
    return (found or "").casefold() == (gold or "").casefold()


def score(articles: list[Article]) -> dict[str, Tally]:
    tallies = {kind: Tally() for kind in KINDS}
    for article in articles:
        candidates = extract(article.text, article.people, article.organizations)
        for kind in KINDS:
            tally = tallies[kind]
            gold = [quote for quote in article.quotes if quote.kind == kind]
            found = [candidate for candidate in candidates if candidate.kind == kind]
            tally.gold += len(gold)
            tally.candidates += len(found)
            unused = list(found)
            for quote in gold:
                match = next((c for c in unused if _matches(c, quote)), None)
                if match is None:
                    tally.misses.append(f"{article.name}: missed {quote.text[:70]!r}")
                    continue
                unused.remove(match)
                tally.found += 1
                tally.exact += (match.start, match.end) == (quote.start, quote.end)
                if _same_speaker(match.speaker, quote.speaker):
                    tally.speaker_right += 1
                else:
                    tally.misses.append(
                        f"{article.name}: speaker {match.speaker!r} != {quote.speaker!r} "
                        f"for {quote.text[:50]!r}"
                    )
                if (match.start, match.end) != (quote.start, quote.end):
                    tally.misses.append(f"{article.name}: inexact {match.text[:70]!r}")
            for candidate in unused:
                tally.misses.append(f"{article.name}: spurious {candidate.text[:70]!r}")
    return tallies


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  n/a"


def report(split: str, verbose: bool) -> None:
    articles = load_corpus(split)
    if not articles:
        raise SystemExit(f"no annotated article has split {split!r}")
    tallies = score(articles)
    print(f"split={split} articles={len(articles)}")
    print("kind      gold cands found precision recall exact_p exact_r speaker")
    for kind, tally in tallies.items():
        print(
            f"{kind:9} {tally.gold:4} {tally.candidates:5} {tally.found:5} "
            f"{_ratio(tally.found, tally.candidates):>9} {_ratio(tally.found, tally.gold):>6} "
            f"{_ratio(tally.exact, tally.candidates):>7} {_ratio(tally.exact, tally.gold):>7} "
            f"{_ratio(tally.speaker_right, tally.found):>7}"
        )
    if verbose:
        for kind, tally in tallies.items():
            for line in tally.misses:
                print(f"  [{kind}] {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", help="a split named in the corpus, or all")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    arguments = parser.parse_args()
    report(arguments.split, arguments.verbose)


if __name__ == "__main__":
    main()
