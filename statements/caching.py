"""What each cached public page depends on, and which changes invalidate it.

The names (see common/cache.py):
- "record": anything public changed. Lists, search, home, tag pages, feeds and sitemaps depend
  on it: they show the latest of everything.
- "statement:<id>", "person:<id>", "event:<id>": that record, or a statement of theirs, changed.
  The permalink, person and event pages depend on their own and on
- "names": a person, event, tag, source or organisation was renamed or otherwise changed, so
  every page that shows its name may be out of date.

A draft or a statement in review is on no public page: an editor's work on one bumps nothing,
so a newsroom busy with drafts during a breaking story leaves the readers' cache standing. A new
person, outlet, source or tag bumps "record" (the lists) but not "names": nothing shows it yet.

Versions are bumped when the transaction commits, so a page rendered from the old rows in the
meantime is never stored under the new versions.
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import HttpRequest
from taggit.models import Tag

from common.cache import bump
from events.models import Event, Participation
from people.models import Organization, OtherName, Person, PersonLink, Role

from .models import Source, Statement, TaggedStatement
from .workflow import PERMALINK_STATES


def bump_on_commit(names: Iterable[str]) -> None:
    names = list(names)
    transaction.on_commit(lambda: bump(names))


def statement_names(statement_id: int) -> list[str]:
    """Everything a statement shows up on: itself, its speaker, its events (two queries).
    Nothing for a draft or a statement in review: no public page shows it, so an editor's
    work on one leaves every cached page standing (one query)."""
    row = Statement.objects.filter(pk=statement_id).values_list("speaker_id", "status").first()
    if row is None or row[1] not in PERMALINK_STATES:
        return []
    speaker, _ = row
    events = Statement.events.through.objects.filter(statement_id=statement_id)
    return [
        "record",
        f"statement:{statement_id}",
        *([f"person:{speaker}"] if speaker else []),
        *(f"event:{pk}" for pk in events.values_list("event_id", flat=True)),
    ]


# Pages' dependencies.


def on_record(request: HttpRequest, *args: Any, **kwargs: Any) -> list[str]:
    return ["record"]


def on_statement(request: HttpRequest, pk: int, **kwargs: Any) -> list[str] | None:
    speaker = Statement.objects.filter(pk=pk).values_list("speaker_id", flat=True).first()
    names = [f"statement:{pk}", "names"]
    return names + [f"person:{speaker}"] if speaker else names


def on_person(request: HttpRequest, slug: str, **kwargs: Any) -> list[str] | None:
    pk = Person.objects.filter(slug=slug).values_list("pk", flat=True).first()
    return [f"person:{pk}", "names"] if pk else None


def on_event(request: HttpRequest, slug: str, **kwargs: Any) -> list[str] | None:
    pk = Event.objects.filter(slug=slug).values_list("pk", flat=True).first()
    return [f"event:{pk}", "names"] if pk else None


# Changes.


def statement_about_to_change(sender: Any, instance: Statement, **kwargs: Any) -> None:
    """Before a save or delete: what the statement showed up on until now."""
    before = statement_names(instance.pk) if instance.pk else []
    instance._cache_names_before = before  # type: ignore[attr-defined]  # read once, just after


def statement_changed(sender: Any, instance: Statement, **kwargs: Any) -> None:
    before = getattr(instance, "_cache_names_before", [])
    after = [] if kwargs.get("signal") is post_delete else statement_names(instance.pk)
    if before or after:  # on a public page before the change, or after it
        bump_on_commit([*before, *after, "record", f"statement:{instance.pk}"])


def statement_links_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    """Events or tags added to or removed from a statement (either side of the relation)."""
    if not action.startswith(("post_", "pre_clear")):
        return
    if isinstance(instance, Statement):
        names = statement_names(instance.pk)
        if not names:
            return
        events = (kwargs.get("pk_set") or ()) if kwargs.get("model") is Event else ()
        bump_on_commit([*names, *(f"event:{pk}" for pk in events)])
    else:  # an event or tag whose statements changed
        bump_on_commit(["record", "names"])


def tagging_changed(sender: Any, instance: TaggedStatement, **kwargs: Any) -> None:
    names = statement_names(instance.content_object_id)
    if names:
        bump_on_commit(names)


def person_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    person_id = instance.pk if isinstance(instance, Person) else instance.person_id
    if isinstance(instance, Person) and kwargs.get("created"):
        # A new person (an import's new speaker): no page shows their name yet.
        bump_on_commit(["record", f"person:{person_id}"])
        return
    bump_on_commit(["record", "names", f"person:{person_id}"])


def event_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    event = instance if isinstance(instance, Event) else instance.event
    names = ["record", "names", f"event:{event.pk}"]
    if event.parent_id:
        names.append(f"event:{event.parent_id}")
    if isinstance(instance, Participation):
        names.append(f"person:{instance.person_id}")
    bump_on_commit(names)


def name_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    # A new outlet, source or tag is on no page until a public statement uses it, and that
    # statement's own change bumps the pages it is on.
    bump_on_commit(["record"] if kwargs.get("created") else ["record", "names"])


def connect() -> None:
    """Called once, from the app's ready()."""
    for signal in (pre_save, pre_delete):
        signal.connect(statement_about_to_change, sender=Statement, dispatch_uid=f"cache-{signal}")
    handlers: list[tuple[Any, tuple[type, ...]]] = [
        (statement_changed, (Statement,)),
        (tagging_changed, (TaggedStatement,)),
        (person_changed, (Person, OtherName, Role, PersonLink)),
        (event_changed, (Event, Participation)),
        (name_changed, (Organization, Source, Tag)),
    ]
    for signal in (post_save, post_delete):
        for handler, models in handlers:
            for model in models:
                signal.connect(handler, sender=model, dispatch_uid=f"cache-{model}-{signal}")
    for through in (Statement.events.through, TaggedStatement, Statement.reported_in.through):
        m2m_changed.connect(
            statement_links_changed, sender=through, dispatch_uid=f"cache-{through}"
        )
