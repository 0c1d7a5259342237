"""The annotated corpus, read the way the tests and benchmarks pass it to the extractor."""

import json
from pathlib import Path

from statements.extraction import KnownOrganization, KnownPerson

CORPUS = Path(__file__).resolve().parent / "corpus"


def corpus_articles() -> list[tuple[str, str, list[KnownPerson], list[KnownOrganization]]]:
    """Every annotated article with the known people and organisations it is read with."""
    articles = []
    for gold_path in sorted(CORPUS.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        people = [
            KnownPerson(
                p["slug"],
                p["name"],
                tuple(p.get("other_names", ())),
                tuple(p.get("role_labels", ())),
            )
            for p in gold.get("people", ())
        ]
        organizations = [
            KnownOrganization(o["slug"], o["name"], tuple(o.get("other_names", ())))
            for o in gold.get("organizations", ())
        ]
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        articles.append((gold_path.stem, text, people, organizations))
    return articles
