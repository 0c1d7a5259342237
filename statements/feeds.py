"""RSS and Atom feeds of published statements: the latest, and per person, event and tag; and
of the corrections.

Feed readers render an RSS description, an RSS title and an Atom summary as HTML, so what we
put there is HTML built from escaped text (`FeedText`), never the stored text itself. Atom
titles are `type="text"` and carry the text as it is.
"""

import datetime
from typing import Generic, TypeVar

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.timezone import get_current_timezone
from taggit.models import Tag

from common.html import paragraphs_html
from common.text import excerpt
from events.models import Event
from people.models import Person

from .models import Correction, Statement, StatementQuerySet, public_tags

FEED_LENGTH = 30
TITLE_LENGTH = 90

# What a feed is about: a person, an event, a tag; None for the latest statements.
Subject = TypeVar("Subject")


class PlainTitles(Feed):
    def as_title(self, text: str) -> str:
        """A title on one line: HTML-escaped for RSS, whose readers render titles as HTML;
        as it is for Atom, whose titles are plain text."""
        flat = " ".join(text.split())
        return flat if issubclass(self.feed_type, Atom1Feed) else escape(flat)


class StatementFeed(PlainTitles, Generic[Subject]):
    """The latest published statements; subclasses narrow `statements` to one person, event or
    tag. Every text that reaches the feed goes through `as_title` or `item_description`."""

    def title(self, obj: Subject) -> str:
        return self.as_title("On Record: latest statements")

    def description(self, obj: Subject) -> str:
        return self.as_title("Statements newly on the record, newest first.")

    def subtitle(self, obj: Subject) -> str:
        return self.description(obj)

    def link(self, obj: Subject) -> str:
        return reverse("statements:list")

    def statements(self, obj: Subject) -> StatementQuerySet:
        return Statement.objects.published()

    def items(self, obj: Subject) -> QuerySet[Statement]:
        return self.statements(obj).with_related().order_by("-said_on", "-id")[:FEED_LENGTH]

    def item_title(self, statement: Statement) -> str:
        return self.as_title(f"{statement.speaker_name}: {excerpt(statement.text, TITLE_LENGTH)}")

    def item_description(self, statement: Statement) -> str:
        """The quote's paragraphs, then who said it, in which role, where and when: HTML."""
        said = [statement.speaker_name]
        if statement.role is not None:
            said.append(statement.role.display_label)
        said += [statement.source.outlet.name, date_format(statement.said_on, "j F Y")]
        byline = format_html("<p>{}.</p>", ", ".join(said))
        return paragraphs_html(statement.text) + "\n" + byline

    def item_pubdate(self, statement: Statement) -> datetime.datetime:
        time = statement.said_at or datetime.time(0, 0)
        return datetime.datetime.combine(statement.said_on, time, tzinfo=get_current_timezone())

    def item_updateddate(self, statement: Statement) -> datetime.datetime:
        return statement.updated_at

    def item_author_name(self, statement: Statement) -> str:
        return " ".join(statement.speaker_name.split())

    def item_categories(self, statement: Statement) -> list[str]:
        return [tag.name for tag in statement.tags.all()]


class LatestStatementsFeed(StatementFeed[None]):
    """Everything published, newest first."""


class PersonStatementsFeed(StatementFeed[Person]):
    def get_object(self, request: HttpRequest, slug: str) -> Person:
        return get_object_or_404(Person, slug=slug)

    def title(self, person: Person) -> str:
        return self.as_title(f"On Record: statements by {person.name}")

    def description(self, person: Person) -> str:
        return self.as_title(f"What {person.name} has said on the record, newest first.")

    def link(self, person: Person) -> str:
        return person.get_absolute_url()

    def statements(self, person: Person) -> StatementQuerySet:
        return Statement.objects.published().by(person)


class EventStatementsFeed(StatementFeed[Event]):
    def get_object(self, request: HttpRequest, slug: str) -> Event:
        return get_object_or_404(Event, slug=slug)

    def title(self, event: Event) -> str:
        return self.as_title(f"On Record: statements about {event.title}")

    def description(self, event: Event) -> str:
        return self.as_title(f"Statements on the record about {event.title}, newest first.")

    def link(self, event: Event) -> str:
        return event.get_absolute_url()

    def statements(self, event: Event) -> StatementQuerySet:
        return Statement.objects.published().about(event)

    def items(self, event: Event) -> QuerySet[Statement]:
        # From the event's links, which carry each statement's date: an index range however
        # old the event (StatementEventLink).
        return Statement.objects.most_recent_about(event, FEED_LENGTH).with_related()


class TagStatementsFeed(StatementFeed[Tag]):
    def get_object(self, request: HttpRequest, slug: str) -> Tag:
        return get_object_or_404(public_tags(), slug=slug)

    def title(self, tag: Tag) -> str:
        return self.as_title(f"On Record: statements tagged “{tag.name}”")

    def description(self, tag: Tag) -> str:
        return self.as_title(f"Statements on the record tagged “{tag.name}”, newest first.")

    def link(self, tag: Tag) -> str:
        return reverse("statements:tag", args=[tag.slug])

    def statements(self, tag: Tag) -> StatementQuerySet:
        return Statement.objects.published().filter(tags=tag)


class CorrectionsFeed(PlainTitles):
    """The record's public notes about itself, newest first: corrections, retractions and
    restorations (/corrections/)."""

    def title(self) -> str:
        return self.as_title("On Record: corrections and retractions")

    def description(self) -> str:
        return self.as_title("Every correction and retraction of the record, newest first.")

    def subtitle(self) -> str:
        return self.description()

    def link(self) -> str:
        return reverse("statements:corrections")

    def items(self) -> QuerySet[Correction]:
        return Correction.objects.public().with_related().order_by("-made_at", "-id")[:FEED_LENGTH]

    def item_title(self, note: Correction) -> str:
        statement = note.statement
        said = date_format(statement.said_on, "j F Y")
        return self.as_title(f"{note.get_kind_display()}: {statement.speaker_name}, {said}")

    def item_description(self, note: Correction) -> str:
        parts = [format_html("<p>{}</p>", note.reason)]
        if note.changed_labels:
            parts.append(format_html("<p>Changed: {}.</p>", ", ".join(note.changed_labels)))
        if note.earlier_text:
            parts.append(
                format_html("<p>{}</p>", "Earlier version:") + paragraphs_html(note.earlier_text)
            )
        return "\n".join(parts)

    def item_link(self, note: Correction) -> str:
        return note.get_absolute_url()

    def item_pubdate(self, note: Correction) -> datetime.datetime:
        return note.made_at


def atom(feed_class: type[Feed]) -> type[Feed]:
    """The same feed in Atom."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed})


AtomLatestStatementsFeed = atom(LatestStatementsFeed)
AtomPersonStatementsFeed = atom(PersonStatementsFeed)
AtomEventStatementsFeed = atom(EventStatementsFeed)
AtomTagStatementsFeed = atom(TagStatementsFeed)
AtomCorrectionsFeed = atom(CorrectionsFeed)
