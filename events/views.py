"""Event pages: the list, and each event's timeline of statements and child events."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import CharField, F, QuerySet, TimeField, Value
from django.db.models.functions import Coalesce
from django.views.generic import DetailView, ListView

from common.pagination import NearestPageMixin
from people.models import Person
from statements.filters import FACET_WINDOW, StatementFilter, most_frequent
from statements.models import Statement, StatementEventLink, StatementQuerySet

from .models import Event

# Untimed entries sort before timed ones on their day, the same on SQLite and PostgreSQL.
START_OF_DAY = Value(datetime.time(0, 0), output_field=TimeField())


class EventListView(NearestPageMixin, ListView):
    paginate_by = 50

    def get_queryset(self):
        events = Event.objects.select_related("parent")
        counted = Statement.objects.published().counted_for(events, link="events")
        return counted.order_by("-start_date", "title")


@dataclass(frozen=True)
class TimelineEntry:
    day: datetime.date
    statement: Statement | None = None
    event: Event | None = None


class EventDetailView(DetailView):
    """An event and its timeline: its statements and child events in chronological order."""

    model = Event
    entries_per_page = 50

    def get_queryset(self):
        return Event.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        event = self.object
        # Only the person filter is offered here; its choices are the people quoted about it.
        latest = Statement.objects.most_recent_about(event, FACET_WINDOW)
        filterset = StatementFilter(
            {"speaker": self.request.GET.get("speaker", "")},
            queryset=event.statements.published(),
            without=("said_from", "said_to", "event", "tag", "kind", "outlet"),
            window=latest,
        )
        statements = filterset.qs
        children = event.children.all()
        speaker = filterset.form.cleaned_data.get("speaker") if filterset.is_valid() else None
        if speaker:
            children = children.filter(participants=speaker)
            said = self.statement_entries(statements, "id")
        else:
            # All of the event's: its links carry what the timeline orders by (one index).
            said = self.statement_entries(StatementEventLink.published_about(event), "statement")
        page = Paginator(self.timeline(said, children), self.entries_per_page).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(
            filterset=filterset,
            page=page,
            entries=self.entries(page.object_list, statements),
            children=event.children.order_by("start_date", "title"),
            participations=event.participations.select_related("person"),
            speakers=most_quoted_among(latest),
            **kwargs,
        )

    @staticmethod
    def statement_entries(rows: QuerySet, statement_id: str) -> QuerySet:
        """Timeline rows (entry type, day, time, id) of statements, or of their event links."""
        text: CharField = CharField()
        return rows.annotate(
            entry_type=Value("statement", output_field=text),
            day=F("said_on"),
            at=Coalesce("said_at", START_OF_DAY),
            entry_id=F(statement_id),
        ).values_list("entry_type", "day", "at", "entry_id")

    @staticmethod
    def timeline(said: QuerySet, children: QuerySet[Event]) -> QuerySet:
        """(entry type, day, time, id) of every entry in order; one query per page of any size.

        A UNION of the statements' rows and the child events', so the database orders and
        slices the mixed timeline.
        """
        text: CharField = CharField()
        happened = children.annotate(
            entry_type=Value("event", output_field=text),
            day=F("start_date"),
            at=Coalesce("start_time", START_OF_DAY),
            entry_id=F("id"),
        ).values_list("entry_type", "day", "at", "entry_id")
        timeline = said.order_by().union(happened.order_by(), all=True)
        return timeline.order_by("day", "at", "entry_id")

    @staticmethod
    def entries(rows: Iterable[tuple], statements: StatementQuerySet) -> list[TimelineEntry]:
        """The page's rows as statements and events, fetched in one query each."""
        rows = list(rows)
        statement_ids = [pk for kind, _, _, pk in rows if kind == "statement"]
        event_ids = [pk for kind, _, _, pk in rows if kind == "event"]
        said = statements.with_related().in_bulk(statement_ids) if statement_ids else {}
        happened = Event.objects.in_bulk(event_ids) if event_ids else {}
        return [
            TimelineEntry(day, statement=said[pk])
            if kind == "statement"
            else TimelineEntry(day, event=happened[pk])
            for kind, day, _, pk in rows
        ]


MOST_QUOTED = 20


def most_quoted_among(latest: StatementQuerySet) -> list[Person]:
    """The people quoted most among an event's `latest` statements, alphabetically: a short
    list however many people an event of years has quoted (one query over a bounded window)."""
    in_window = Person.objects.filter(statements__in=latest.values("pk"))
    people = most_frequent(in_window, "statements", limit=MOST_QUOTED)
    return sorted(people, key=lambda person: person.sort_name.casefold())
