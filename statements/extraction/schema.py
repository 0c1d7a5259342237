"""The extractor's inputs (what the newsroom already knows) and its output (candidates)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["direct", "partial", "reported"]


@dataclass(frozen=True)
class KnownPerson:
    """A person already on record: matched by name, other names and role labels."""

    slug: str
    name: str
    other_names: tuple[str, ...] = ()
    role_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownOrganization:
    """An organisation already on record, for spokespeople and statements in its name."""

    slug: str
    name: str
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """One piece of speech found in an article, for a reviewer to accept or reject.

    ``text`` is always ``article[start:end]``. ``quoted_parts`` are the offsets of the quoted
    words that make up a direct quote; there are several when the quote runs over paragraphs
    or is interrupted by its attribution, and ``statement_text`` joins them.
    """

    kind: Kind
    text: str
    start: int
    end: int
    speaker: str | None
    person: str | None
    organization: str | None
    speaker_mention: str | None
    sentence: str
    quoted_parts: tuple[tuple[int, int], ...] = field(default=())

    @property
    def statement_text(self) -> str:
        """The text as a statement record stores it.

        A direct quote loses the marks that open its continuation paragraphs and has its
        paragraphs joined by one newline; the pieces around an interrupting attribution
        ("I recognise," he said, "the police ...") are joined by a space.
        """
        if self.kind != "direct" or len(self.quoted_parts) < 2:
            return self.text
        pieces: list[str] = []
        previous_end = None
        for part_start, part_end in self.quoted_parts:
            if previous_end is not None:
                gap = self.text[previous_end - self.start : part_start - self.start]
                interrupted = any(character.isalpha() for character in gap)
                pieces.append(" " if interrupted else "\n")
            pieces.append(self.text[part_start - self.start : part_end - self.start])
            previous_end = part_end
        return "".join(pieces)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["quoted_parts"] = [list(part) for part in self.quoted_parts]
        data["statement_text"] = self.statement_text
        return data
