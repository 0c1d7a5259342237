"""RSS and Atom feeds of published statements: the latest, and per person, event and tag."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.timezone import get_current_timezone
from taggit.models import Tag

from common.text import excerpt
from events.models import Event
from people.models import Person

from .models import Statement, public_tags

FEED_LENGTH = 30


class LatestStatementsFeed(Feed):
    title = "On Record: latest statements"
    description = "Statements newly on the record, newest first."

    def link(self) -> str:
        return reverse("statements:list")

    def statements(self, obj) -> QuerySet[Statement]:
        return Statement.objects.published()

    def items(self, obj=None) -> QuerySet[Statement]:
        return self.statements(obj).with_related().order_by("-said_on", "-id")[:FEED_LENGTH]

    def item_title(self, statement: Statement) -> str:
        return f"{statement.speaker_name}: {excerpt(statement.text, 90)}"

    def item_description(self, statement: Statement) -> str:
        said = f"{statement.speaker_name}"
        if statement.role_id:
            said += f", {statement.role.display_label}"
        when = date_format(statement.said_on, "j F Y")
        return f"{statement.text}\n\n{said}, {statement.source.outlet.name}, {when}."

    def item_pubdate(self, statement: Statement) -> datetime.datetime:
        time = statement.said_at or datetime.time(0, 0)
        return datetime.datetime.combine(statement.said_on, time, tzinfo=get_current_timezone())

    def item_updateddate(self, statement: Statement) -> datetime.datetime:
        return statement.updated_at

    def item_author_name(self, statement: Statement) -> str:
        return statement.speaker_name

    def item_categories(self, statement: Statement) -> list[str]:
        return [tag.name for tag in statement.tags.all()]


class PersonStatementsFeed(LatestStatementsFeed):
    def get_object(self, request, slug: str) -> Person:
        return get_object_or_404(Person, slug=slug)

    def title(self, person: Person) -> str:
        return f"On Record: statements by {person.name}"

    def description(self, person: Person) -> str:
        return f"What {person.name} has said on the record, newest first."

    def link(self, person: Person) -> str:
        return person.get_absolute_url()

    def statements(self, person: Person) -> QuerySet[Statement]:
        return Statement.objects.published().by(person)


class EventStatementsFeed(LatestStatementsFeed):
    def get_object(self, request, slug: str) -> Event:
        return get_object_or_404(Event, slug=slug)

    def title(self, event: Event) -> str:
        return f"On Record: statements about {event.title}"

    def description(self, event: Event) -> str:
        return f"Statements on the record about {event.title}, newest first."

    def link(self, event: Event) -> str:
        return event.get_absolute_url()

    def statements(self, event: Event) -> QuerySet[Statement]:
        return Statement.objects.published().about(event)


class TagStatementsFeed(LatestStatementsFeed):
    def get_object(self, request, slug: str) -> Tag:
        return get_object_or_404(public_tags(), slug=slug)

    def title(self, tag: Tag) -> str:
        return f"On Record: statements tagged “{tag.name}”"

    def description(self, tag: Tag) -> str:
        return f"Statements on the record tagged “{tag.name}”, newest first."

    def link(self, tag: Tag) -> str:
        return reverse("statements:tag", args=[tag.slug])

    def statements(self, tag: Tag) -> QuerySet[Statement]:
        return Statement.objects.published().filter(tags=tag)


def atom(feed_class: type[Feed]) -> type[Feed]:
    """The same feed in Atom, whose subtitle is RSS's description."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )


AtomLatestStatementsFeed = atom(LatestStatementsFeed)
AtomPersonStatementsFeed = atom(PersonStatementsFeed)
AtomEventStatementsFeed = atom(EventStatementsFeed)
AtomTagStatementsFeed = atom(TagStatementsFeed)
