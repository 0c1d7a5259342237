"""Split the masked article into the writer's sentences.

Quotations are already blanked out, so a full stop inside a quotation never splits the
sentence around it, and a quote running over paragraphs stays inside one sentence.
Paragraphs glued together with a single space or nothing still split ("injury.The").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from statements.extraction.lexicon import ABBREVIATIONS, SPEECH_VERBS, alternation
from statements.extraction.quotes import MASK_CLOSE, MASK_INSIDE, MASK_OPEN

_UPPER = "A-ZÀ-ÖØ-Þ"
BOUNDARY = re.compile(
    rf"""\n+
    | [.?!…]+[{MASK_CLOSE}”’")\]]*
      (?= [ \t]*(?:\n|$)
        | [ \t]+[{MASK_OPEN}“‘"'(]?[{_UPPER}0-9{MASK_OPEN}{MASK_INSIDE}]
        | [{MASK_OPEN}“‘]
        | [{_UPPER}][a-z] )""",
    re.VERBOSE,
)
WORD_BEFORE = re.compile(r"([\w.]+)$")
# A question or exclamation closing a quotation runs on into its attribution: "“Is that
# fiction too?” Ms Strand asked."
NAMED_ATTRIBUTION = re.compile(
    r"[ \t]+(?:[A-Z][\w’'.\-]*[ \t]+){1,3}(?:" + alternation(SPEECH_VERBS) + r")\b"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def _is_abbreviation(masked: str, dot: int) -> bool:
    match = WORD_BEFORE.search(masked, max(0, dot - 12), dot)
    if not match:
        return False
    word = match.group(1)
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return True
    # Initials and dotted abbreviations: "J. K. Rowling", "U.S. District Judge".
    return word[:1].isupper() and (len(word) == 1 or "." in word)


def split_sentences(masked: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in BOUNDARY.finditer(masked):
        if match.group().startswith(".") and _is_abbreviation(masked, match.start()):
            continue
        closed_question = match.group()[-1:] == MASK_CLOSE and match.group()[0] in "?!"
        if closed_question and NAMED_ATTRIBUTION.match(masked, match.end()):
            continue
        end = match.end() if not match.group().startswith("\n") else match.start()
        _append(masked, sentences, start, end)
        start = match.end()
    _append(masked, sentences, start, len(masked))
    return sentences


def _append(masked: str, sentences: list[Sentence], start: int, end: int) -> None:
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end))
