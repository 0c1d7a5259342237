"""Small builders for test data: each makes one valid record and takes overrides."""

import datetime
import itertools

from events.models import Event
from people.models import Organization, Person, Role
from statements.models import Source, Statement

_sequence = itertools.count(1)


def next_number() -> int:
    """A number no other record made here has, for unique names and slugs."""
    return next(_sequence)


def organization(**overrides) -> Organization:
    n = next(_sequence)
    values = {"name": f"Organisation {n}", "slug": f"organisation-{n}", "classification": "other"}
    return Organization.objects.create(**(values | overrides))


def person(**overrides) -> Person:
    n = next(_sequence)
    values = {"name": f"Person Number{n}", "slug": f"person-{n}"}
    return Person.objects.create(**(values | overrides))


def role(**overrides) -> Role:
    values = {
        "title": "Minister of State",
        "label": "minister",
        "start_date": datetime.date(2019, 1, 1),
        "end_date": None,
    }
    values |= overrides
    if "person" not in values:  # not setdefault: that would make a stray row every time
        values["person"] = person()
    if "organization" not in values:
        values["organization"] = organization(classification="government")
    return Role.objects.create(**values)


def source(**overrides) -> Source:
    n = next(_sequence)
    values = {
        "title": f"Interview {n}",
        "published_on": datetime.date(2021, 3, 14),
        "medium": Source.Medium.TV_INTERVIEW,
    }
    values |= overrides
    values.setdefault("outlet", organization(classification="outlet"))
    return Source.objects.create(**values)


def event(**overrides) -> Event:
    n = next(_sequence)
    values = {"title": f"Event {n}", "slug": f"event-{n}", "start_date": datetime.date(2021, 3, 13)}
    return Event.objects.create(**(values | overrides))


def statement(**overrides) -> Statement:
    n = next(_sequence)
    values = {
        "text": f"Statement number {n} said out loud.",
        "kind": Statement.Kind.DIRECT,
        "said_on": datetime.date(2021, 3, 14),
        "status": Statement.Status.PUBLISHED,
    }
    values |= overrides
    if "speaker" not in values and "organization" not in values:
        values["speaker"] = person()
    if "source" not in values:  # not setdefault: that would make a stray source every time
        values["source"] = source()
    tags = values.pop("tags", ())
    events = values.pop("events", ())
    created = Statement.objects.create(**values)
    if tags:
        created.tags.set(tags)
    if events:
        created.events.set(events)
    return created
