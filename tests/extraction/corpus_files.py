"""The annotated corpus, read the way the tests and benchmarks pass it to the extractor."""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from statements.extraction import KnownOrganization, KnownPerson

CORPUS = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class CorpusArticle:
    """One annotated article: its text, what the newsroom knows, and its gold quotes as
    written in the annotation (see corpus/README.md)."""

    name: str
    split: str
    text: str
    people: list[KnownPerson]
    organizations: list[KnownOrganization]
    quotes: list[dict[str, Any]]


def load_articles(split: str = "all") -> list[CorpusArticle]:
    """The annotated articles of one split (or ``all``), in file order. Only the articles of
    that split are read."""
    articles = []
    for gold_path in sorted(CORPUS.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if split != "all" and gold["split"] != split:
            continue
        people = [_known_person(p) for p in gold.get("people", ())]
        organizations = [_known_organization(o) for o in gold.get("organizations", ())]
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        articles.append(
            CorpusArticle(
                gold_path.stem, gold["split"], text, people, organizations, gold["quotes"]
            )
        )
    return articles


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _known_person(entry: dict[str, Any] | str) -> KnownPerson:
    """A known person as annotated: a record with a slug, or just the name."""
    if isinstance(entry, str):
        return KnownPerson(_slug(entry), entry)
    return KnownPerson(
        entry["slug"],
        entry["name"],
        tuple(entry.get("other_names", ())),
        tuple(entry.get("role_labels", ())),
    )


def _known_organization(entry: dict[str, Any] | str) -> KnownOrganization:
    if isinstance(entry, str):
        return KnownOrganization(_slug(entry), entry)
    return KnownOrganization(entry["slug"], entry["name"], tuple(entry.get("other_names", ())))


def corpus_articles() -> list[tuple[str, str, list[KnownPerson], list[KnownOrganization]]]:
    """Every annotated article with the known people and organisations it is read with."""
    return [
        (article.name, article.text, article.people, article.organizations)
        for article in load_articles()
    ]
