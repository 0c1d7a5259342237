"""Article import: from pasted article text to draft statements, through an editor's review.

The extractor (statements.extraction) knows nothing of Django; this module feeds it the people
and organisations on record and turns the candidates an editor accepts into draft statements.
"""

import datetime
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from common.slugs import create_with_unique_slug
from people.models import Organization, OtherName, Person, Role
from statements.extraction import Candidate, KnownOrganization, KnownPerson, extract
from statements.history import record_pending_version
from statements.models import Source, Statement

# An article is a few thousand characters; a megabyte is a book, so anything larger is a mistake.
MAX_ARTICLE_CHARS = 1_000_000
# The review shows at most this many quotes (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS admits them).
MAX_QUOTES_PER_IMPORT = 500


def known_people() -> list[KnownPerson]:
    """Everyone on record with their other names and role labels (three queries). Read as
    plain rows, not model instances: a newsroom's 20,000 people took 3 s as instances, on
    every article import."""
    other_names: dict[int, list[str]] = defaultdict(list)
    for person_id, name in OtherName.objects.values_list("person_id", "name"):
        other_names[person_id].append(name)
    role_labels: dict[int, list[str]] = defaultdict(list)
    for person_id, label, title in Role.objects.values_list("person_id", "label", "title"):
        role_labels[person_id] += [text for text in (label, title) if text]
    return [
        KnownPerson(
            slug=slug,
            name=name,
            other_names=tuple(other_names[pk]),
            role_labels=tuple(role_labels[pk]),
        )
        for pk, slug, name in Person.objects.values_list("pk", "slug", "name")
    ]


def known_organizations() -> list[KnownOrganization]:
    return [
        KnownOrganization(slug=slug, name=name)
        for slug, name in Organization.objects.values_list("slug", "name")
    ]


def extract_from_record(text: str) -> list[Candidate]:
    """Candidates in `text`, attributed with the help of the people and organisations on record."""
    return extract(text, people=known_people(), organizations=known_organizations())


def article_text_problem(text: str) -> str | None:
    """Why `text` cannot be imported as an article, or None when it can."""
    if not text.strip():
        return "Paste the article's text: the box is empty."
    if len(text) > MAX_ARTICLE_CHARS:
        return (
            f"That is {len(text):,} characters; an article import takes at most "
            f"{MAX_ARTICLE_CHARS:,}. Paste one article at a time."
        )
    if "\x00" in text:
        return "That looks like a binary file, not article text. Paste the article's words."
    control = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\r\t")
    letters = sum(1 for char in text if char.isalpha())
    if control > len(text) * 0.01 or letters < len(text) * 0.3:
        return "That does not read as article text. Paste the article's words."
    return None


@dataclass(frozen=True)
class Segment:
    """A run of article text; `number` is set when the run is a candidate (1-based)."""

    text: str
    number: int | None = None


def highlighted_segments(text: str, candidates: Sequence[Candidate]) -> list[Segment]:
    """The article cut into plain runs and candidate runs, for highlighting in the review."""
    segments, position = [], 0
    for number, candidate in enumerate(candidates, start=1):
        if candidate.start < position:  # overlapping candidates: the first one keeps the text
            continue
        segments.append(Segment(text[position : candidate.start]))
        segments.append(Segment(text[candidate.start : candidate.end], number))
        position = candidate.end
    segments.append(Segment(text[position:]))
    return [segment for segment in segments if segment.text]


@dataclass(frozen=True)
class AcceptedQuote:
    """One candidate as the editor accepted it, possibly edited."""

    text: str
    kind: str
    said_on: datetime.date
    speaker: Person | None
    new_speaker_name: str
    organization: Organization | None
    attribution: str
    context: str
    events: Sequence
    tags: Sequence[str]


@transaction.atomic
def create_drafts(source: Source, quotes: Iterable[AcceptedQuote], user: User) -> list[Statement]:
    """Save the accepted quotes as draft statements of `source`; a quote already there is skipped.

    New speakers are created once each, however many quotes they have.
    """
    if source.pk is None:
        source.save()
    new_people: dict[str, Person] = {}
    created = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None and quote.new_speaker_name:
            name = quote.new_speaker_name.strip()
            if name not in new_people:
                new_people[name] = create_with_unique_slug(Person, name)
            speaker = new_people[name]
        if Statement.objects.filter(source=source, text=quote.text).exists():
            continue
        statement = Statement(
            text=quote.text,
            kind=quote.kind,
            said_on=quote.said_on,
            source=source,
            speaker=speaker,
            organization=quote.organization if speaker is None else None,
            attribution=quote.attribution if speaker is None else "",
            context=quote.context,
            status=Statement.Status.DRAFT,
            created_by=user,
            updated_by=user,
        )
        # One version with its events and tags, as the statement form makes, not three.
        statement.skip_history_when_saving = True  # type: ignore[attr-defined]
        statement.save()
        statement.events.set(quote.events)
        statement.tags.set(list(quote.tags))
        statement._version_pending = "+"  # type: ignore[attr-defined]
        record_pending_version(statement)
        created.append(statement)
    return created
