"""Plain-text helpers shared by the apps: excerpts, text a person typed into a box, and the
words that tell two texts apart."""

import re
import unicodedata


def excerpt(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters with an ellipsis.

    Line breaks and runs of spaces become single spaces, so an excerpt never carries a raw
    newline into a title, a list cell or a feed. A single word longer than `limit` is cut inside.
    """
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut and not flat[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.—–-") + "…"


def clean_typed_text(text: str, max_length: int) -> str:
    """What a person typed, safe to use: control characters (PostgreSQL rejects NUL) and lone
    surrogates become spaces, whitespace is collapsed, and the length is capped."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)
    return " ".join(text.split())[:max_length].strip()


WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Too common to tell texts apart.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
    ]
)


def content_words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in WORD.findall(text)) if w not in STOPWORDS}
