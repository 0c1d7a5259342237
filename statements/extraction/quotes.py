"""Pair quotation marks into quotations, surviving the marks real copy gets wrong.

Double marks (curly or straight) carry speech; single marks do too at the top level
(headlines, and papers that quote with singles) but are also apostrophes, so they are read
more cautiously and never continue over paragraphs. Single marks inside a double quotation
are a quote inside a quote and belong to it.

A paragraph that opens a mark the previous paragraph never closed continues the same
quotation. An opening mark nobody closes is dropped at the end of its paragraph, unless it
opened at a point where a quotation clearly starts (after "said:"), when the quotation is
taken to run to the paragraph's end. Either way one bad mark costs one paragraph at most.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

OPEN, CLOSE, EITHER, WEAK_CLOSE = "open", "close", "either", "weak_close"

# Placeholders in the masked text, which keeps every offset of the original.
MASK_OPEN = "\x02"
MASK_CLOSE = "\x03"
MASK_INSIDE = "\x1f"

DOUBLE_MARKS = re.compile(r"[“”\"]")
SINGLE_MARKS = re.compile(r"[‘’']")
SENTENCE_END = ".?!…"
# Characters before an opening mark that let a quotation start there ("said: “We ...").
STRONG_BEFORE = ".?!…:,;—–-(\n"
# Characters after a closing mark in ordinary prose.
AFTER_CLOSE = ",.;:!?)]}—–"


@dataclass
class Quotation:
    """A top-level quotation: its marks, and the pieces of quoted text between them."""

    open_mark: int
    end: int  # just past the closing mark, or the paragraph end when the mark was missing
    parts: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    @property
    def close_mark(self) -> int | None:
        return self.end - 1 if self.closed else None


class _Paragraphs:
    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [match.start() for match in re.finditer(r"\n", text)]

    def index(self, position: int) -> int:
        return bisect.bisect_right(self.breaks, position)

    def end(self, paragraph: int) -> int:
        return self.breaks[paragraph] if paragraph < len(self.breaks) else len(self.text)

    def starts_at(self, position: int) -> bool:
        """Whether only blanks lie between the paragraph's start and ``position``."""
        paragraph = self.index(position)
        start = self.breaks[paragraph - 1] + 1 if paragraph else 0
        return not self.text[start:position].strip()


def _before(text: str, position: int) -> str:
    """The last non-blank character before ``position`` on the same line, or a newline."""
    index = position - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return text[index] if index >= 0 else "\n"


def _classify_double(text: str, position: int) -> str:
    mark = text[position]
    previous = text[position - 1] if position else "\n"
    following = text[position + 1] if position + 1 < len(text) else "\n"
    if mark == "“":
        # A left mark glued to a word and followed by a space is a right mark mistyped.
        if previous.isalnum() and (following.isspace() or following in AFTER_CLOSE):
            return CLOSE
        return OPEN
    if mark == "”":
        if previous.isspace() and following.isalnum():
            return OPEN
        return CLOSE
    spaced_before = previous.isspace() or previous in "([{—–/"
    spaced_after = following.isspace() or following in AFTER_CLOSE
    if spaced_before and not spaced_after:
        return OPEN
    if spaced_after and not spaced_before:
        return CLOSE
    if previous in ",:;" and following.isalnum():
        return OPEN
    return EITHER


def _classify_single(text: str, position: int) -> str | None:
    mark = text[position]
    previous = text[position - 1] if position else "\n"
    following = text[position + 1] if position + 1 < len(text) else "\n"
    if previous.isalnum() and following.isalnum():
        return None  # an apostrophe: don’t, Saturday night’s
    straight_after_punctuation = mark == "'" and previous in ",.?!…;:"
    if mark == "‘" or (mark == "'" and not previous.isalnum() and not straight_after_punctuation):
        opens = (previous.isspace() or previous in '([{—–-"“”') and following.isalpha()
        return OPEN if opens else None
    if previous.isspace():
        return None
    plural_possessive = (
        previous in "sz"
        and following == " "
        and position + 2 < len(text)
        and text[position + 2].islower()
    )
    return WEAK_CLOSE if plural_possessive else CLOSE


def _is_strong(text: str, position: int) -> bool:
    return _before(text, position) in STRONG_BEFORE


def _pair_double(text: str, paragraphs: _Paragraphs) -> list[Quotation]:
    marks = [(m.start(), _classify_double(text, m.start())) for m in DOUBLE_MARKS.finditer(text)]
    quotations: list[Quotation] = []
    current: Quotation | None = None
    part_start = 0
    paragraph = 0
    strong = False
    nested_open = False

    def finish_unclosed() -> None:
        # Salvage only a quotation that opened where quotations open, at a paragraph start
        # or after a colon; a stray mark mid-sentence is dropped.
        assert current is not None
        opened_at = _before(text, current.open_mark)
        if strong and (opened_at in ":\n" or paragraphs.starts_at(current.open_mark)):
            end = paragraphs.end(paragraph)
            current.parts.append((part_start, end))
            current.end = end
            current.closed = False
            quotations.append(current)

    for index, (position, kind) in enumerate(marks):
        if current is not None and paragraphs.index(position) != paragraph:
            continues = (
                kind in (OPEN, EITHER)
                and paragraphs.index(position) == paragraph + 1
                and paragraphs.starts_at(position)
            )
            if continues:
                current.parts.append((part_start, paragraphs.end(paragraph)))
                part_start = position + 1
                paragraph += 1
                continue
            finish_unclosed()
            current = None
        if current is None:
            if kind in (OPEN, EITHER):
                current = Quotation(open_mark=position, end=position + 1)
                part_start = position + 1
                paragraph = paragraphs.index(position)
                strong = _is_strong(text, position)
                nested_open = False
            continue
        following = marks[index + 1] if index + 1 < len(marks) else None
        next_is_close_here = (
            following is not None
            and following[1] in (CLOSE, EITHER)
            and paragraphs.index(following[0]) == paragraph
        )
        if kind == EITHER:
            # Straight marks glued on both sides ('threat."Not just'): a continuation if the
            # next mark can close it, otherwise a close.
            after_sentence = _before(text, position) in SENTENCE_END
            following_char = text[position + 1 : position + 2]
            if after_sentence and following_char.isupper() and next_is_close_here:
                current.parts.append((part_start, position))
                part_start = position + 1
            else:
                kind = CLOSE
        if kind == CLOSE:
            if nested_open and next_is_close_here:
                nested_open = False  # closes a quote inside the quote, typed with doubles
                continue
            current.parts.append((part_start, position))
            current.end = position + 1
            quotations.append(current)
            current = None
        elif kind == OPEN:
            new_is_strong = _is_strong(text, position)
            if strong and _before(text, position) in SENTENCE_END:
                # A new paragraph of the same quotation, pasted without a line break.
                current.parts.append((part_start, position))
                part_start = position + 1
            elif strong and not new_is_strong:
                nested_open = True
            else:
                current = Quotation(open_mark=position, end=position + 1)
                part_start = position + 1
                strong = new_is_strong
                nested_open = False
    if current is not None:
        finish_unclosed()
    return quotations


def _pair_single(
    text: str, paragraphs: _Paragraphs, inside_double: list[tuple[int, int]]
) -> list[Quotation]:
    double_starts = [start for start, _ in inside_double]

    def in_double(position: int) -> bool:
        index = bisect.bisect_right(double_starts, position) - 1
        return index >= 0 and position < inside_double[index][1]

    marks = []
    for match in SINGLE_MARKS.finditer(text):
        position = match.start()
        kind = _classify_single(text, position)
        if kind is not None and not in_double(position):
            marks.append((position, kind))
    # For each mark, whether a closing mark follows it in its paragraph before the next opening.
    close_follows = [False] * len(marks)
    following_close_paragraph = None
    for index in range(len(marks) - 1, -1, -1):
        position, kind = marks[index]
        paragraph = paragraphs.index(position)
        close_follows[index] = following_close_paragraph == paragraph
        following_close_paragraph = None if kind == OPEN else paragraph
    quotations = []
    open_at: int | None = None
    for index, (position, kind) in enumerate(marks):
        if kind == OPEN:
            open_at = position
            continue
        if open_at is None or paragraphs.index(open_at) != paragraphs.index(position):
            continue
        if kind == WEAK_CLOSE and close_follows[index]:
            continue  # "the officers’ actions were wrong,’": the later mark closes
        content = text[open_at + 1 : position]
        if sum(character.isalpha() for character in content) >= 2:
            quotations.append(Quotation(open_at, position + 1, [(open_at + 1, position)]))
        open_at = None
    return quotations


def find_quotations(text: str) -> list[Quotation]:
    """All top-level quotations in document order, none overlapping another."""
    paragraphs = _Paragraphs(text)
    doubles = _pair_double(text, paragraphs)
    singles = _pair_single(text, paragraphs, [(q.open_mark, q.end) for q in doubles])
    if not singles:
        return doubles
    single_spans = [(q.open_mark, q.end) for q in singles]
    single_starts = [start for start, _ in single_spans]

    def inside_single(quotation: Quotation) -> bool:
        index = bisect.bisect_right(single_starts, quotation.open_mark) - 1
        return index >= 0 and quotation.end <= single_spans[index][1]

    merged = [q for q in doubles if not inside_single(q)] + singles
    merged.sort(key=lambda quotation: quotation.open_mark)
    return merged


def mask(text: str, quotations: list[Quotation]) -> str:
    """The text with each quotation's inside blanked out, offsets unchanged.

    Attribution and sentence rules then read only the writer's words. A quotation's final
    full stop, question or exclamation mark survives, so sentence breaks after it still show.
    """
    pieces = []
    cursor = 0
    for quotation in quotations:
        pieces.append(text[cursor : quotation.open_mark])
        inside_end = quotation.end - 1 if quotation.closed else quotation.end
        inside = inside_end - quotation.open_mark - 1
        last_kept = text[quotation.parts[-1][0] : quotation.parts[-1][1]].rstrip()[-1:]
        pieces.append(MASK_OPEN)
        if inside > 0 and last_kept and last_kept in SENTENCE_END:
            pieces.append(MASK_INSIDE * (inside - 1) + last_kept)
        else:
            pieces.append(MASK_INSIDE * inside)
        if quotation.closed:
            pieces.append(MASK_CLOSE)
        cursor = quotation.end
    pieces.append(text[cursor:])
    return "".join(pieces)
