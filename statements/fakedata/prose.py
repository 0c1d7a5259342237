"""Prose of real English words, drawn with the frequency they have in news copy.

The words and their counts are `words.txt` (see build_words.py). A word is drawn from a table
that holds it once per occurrence in the corpus, which keeps the skew ("the" in about one word
in seventeen, thousands of words seen once) and is several times faster than weighted choice.
Plain Python, no Django.
"""

import functools
from pathlib import Path
from random import Random

from .shapes import Weighted, between

WORDS_PATH = Path(__file__).resolve().parent / "words.txt"


@functools.cache
def word_table(path: Path = WORDS_PATH) -> tuple[str, ...]:
    """Every word of `path`, repeated as many times as it was counted."""
    table: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, count = line.split("\t")
            table.extend([word] * int(count))
    return tuple(table)


def capitalized(text: str) -> str:
    """The first letter in capitals, the rest as it was ("bBC" stays "BBC" elsewhere)."""
    return text[:1].upper() + text[1:]


class Prose:
    """Sentences, quotes and headlines for one random stream."""

    def __init__(self, rng: Random, words: tuple[str, ...] | None = None) -> None:
        self.rng = rng
        self.words = words if words is not None else word_table()
        self.paragraphs = Weighted((1, 2, 3, 4), (80, 12, 6, 2))
        self.sentences_per_paragraph = Weighted((1, 2, 3), (55, 30, 15))

    def clause(self, low: int = 6, high: int = 24) -> str:
        """Words with the odd comma, no capital and no full stop."""
        random, words = self.rng.random, self.words
        n = len(words)
        chosen = [words[int(random() * n)] for _ in range(between(self.rng, low, high))]
        if len(chosen) > 8 and random() < 0.4:
            chosen[between(self.rng, 3, len(chosen) - 3)] += ","
        return " ".join(chosen)

    def sentence(self, low: int = 6, high: int = 26) -> str:
        end = "?" if self.rng.random() < 0.06 else "."
        return capitalized(self.clause(low, high)) + end

    def sentences(self, count: int) -> str:
        return " ".join([self.sentence() for _ in range(count)])

    def headline(self) -> str:
        return capitalized(self.clause(5, 12).replace(",", ""))

    def direct_quote(self) -> str:
        """The speaker's words: one to three sentences, sometimes several paragraphs."""
        rng, sentences = self.rng, self.sentences_per_paragraph
        paragraphs = self.paragraphs.draw(rng)
        return "\n".join([self.sentences(sentences.draw(rng)) for _ in range(paragraphs)])

    def partial_quote(self) -> str:
        """The reporter's sentence with the speaker's fragments in quotation marks."""
        parts = [self.clause(3, 10), f"“{self.clause(2, 7)}”"]
        if self.rng.random() < 0.3:
            parts += ["and", f"“{self.clause(2, 6)}”"]
        if self.rng.random() < 0.6:
            parts.append(self.clause(2, 8))
        return capitalized(" ".join(parts)) + "."

    def reported_speech(self) -> str:
        """The reporter's paraphrase: the clause after "said that", as the corpus spans it."""
        return self.clause(8, 28)
