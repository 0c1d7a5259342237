"""Build `words.txt`, the vocabulary fake statements are written in. Run once; commit the result.

    .venv/bin/python -m statements.fakedata.build_words

It counts the words of the annotated extraction corpus (tests/extraction/corpus/, short
news-style articles written for this project: one `NNN_slug.txt` per `NNN_slug.json`), so the
generated prose has real English words with the frequency skew of news copy ("the", "said", "to"
first, thousands of words seen once). Plain Python, no Django; nothing is downloaded.

A word is letters, possibly joined by apostrophes or hyphens ("Labour’s", "long-term"); numbers
and single letters other than "a" and "I" are left out. Each word is written as it is usually
spelled in the middle of a sentence, so "the" stays lower case while "BBC", "I" and names keep
their capitals; a word seen only at the start of sentences is written in lower case.
"""

import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "extraction" / "corpus"
WORDS_PATH = Path(__file__).resolve().parent / "words.txt"

WORD = re.compile(r"[A-Za-z]+(?:[’'-][A-Za-z]+)*")
# What may stand between the end of a sentence and its first word: space, opening quotes.
SENTENCE_START = re.compile(r"(?:^|[.!?:][”\"’)]*)[\s“\"‘(]*$")


def corpus_texts() -> list[str]:
    """The article texts, in file order, as tests/extraction/corpus_files.py reads them."""
    return [
        path.with_suffix(".txt").read_text(encoding="utf-8")
        for path in sorted(CORPUS.glob("*.json"))
    ]


def count_words(texts: list[str]) -> Counter[str]:
    """How often each word occurs, under its usual mid-sentence spelling."""
    counts: Counter[str] = Counter()
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for paragraph in text.split("\n"):
            for match in WORD.finditer(paragraph):
                word = match[0]
                if len(word) == 1 and word not in ("a", "A", "I"):
                    continue
                key = word.lower()
                counts[key] += 1
                if not SENTENCE_START.search(paragraph[: match.start()]):
                    spellings[key][word] += 1
    return Counter(
        {
            spellings[key].most_common(1)[0][0] if spellings[key] else key: n
            for key, n in counts.items()
        }
    )


def write_words(counts: Counter[str], path: Path = WORDS_PATH) -> None:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    lines = [
        "# Word counts of the news-style articles in tests/extraction/corpus/, most common first.",
        "# Built by statements/fakedata/build_words.py; one word and its count a line.",
        *(f"{word}\t{n}" for word, n in ranked),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    counts = count_words(corpus_texts())
    write_words(counts)
    print(f"{WORDS_PATH}: {len(counts):,} words, {sum(counts.values()):,} occurrences.")


if __name__ == "__main__":
    main()
