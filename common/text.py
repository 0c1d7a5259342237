"""Plain-text helpers shared by the apps: excerpts, and text a person typed into a box."""

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
