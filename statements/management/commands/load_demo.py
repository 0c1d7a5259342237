"""Load the seed article as real records. Safe to run again: a second run changes nothing."""

from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from events.models import Event, Participation
from people.models import Organization, OtherName, Person, Role
from statements.demo import demo_loaded, records
from statements.models import Correction, Source, Statement

M = TypeVar("M", bound=models.Model)


def upsert(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """Get or create by `lookup`; save only when a value differs, so reruns write nothing."""
    obj, created = model._default_manager.get_or_create(**lookup, defaults=values)
    if not created:
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save()
    return obj


def verbatim_span(article: str, first_words: str, last_words: str) -> str:
    start = article.find(first_words)
    end = article.find(last_words, start)
    if start < 0 or end < 0:
        raise CommandError(f"The seed no longer contains “{first_words} … {last_words}”.")
    return article[start : end + len(last_words)]


def without_continuation_marks(quote: str) -> str:
    """A quote over several paragraphs, stored without the marks that reopen each paragraph."""
    return "\n".join(line.lstrip('“"') if i else line for i, line in enumerate(quote.split("\n")))


class Command(BaseCommand):
    help = "Load the demo record (the seed article's people, events and statements)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=Path, default=settings.DEMO_SEED_PATH)
        parser.add_argument(
            "--no-accounts", action="store_true", help="Do not create the local demo accounts."
        )

    @transaction.atomic
    def handle(self, *args: Any, seed: Path, no_accounts: bool, **options: Any) -> None:
        try:
            article = seed.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot read the seed article {seed}: {error}") from error

        organizations = {
            slug: upsert(Organization, {"slug": slug}, {"name": name, "classification": kind})
            for slug, name, kind in records.ORGANIZATIONS
        }
        people: dict[str, Person] = {}
        for demo in records.PEOPLE:
            person = upsert(Person, {"slug": demo.slug}, {"name": demo.name})
            for other_name in demo.other_names:
                OtherName.objects.get_or_create(person=person, name=other_name)
            upsert(
                Role,
                {
                    "person": person,
                    "organization": organizations[demo.organization],
                    "title": demo.title,
                    "start_date": demo.start,
                },
                {"label": demo.label, "end_date": demo.end},
            )
            people[demo.slug] = person

        events: dict[str, Event] = {}
        for demo_event in records.EVENTS:
            events[demo_event.slug] = upsert(
                Event,
                {"slug": demo_event.slug},
                {
                    "title": demo_event.title,
                    "start_date": demo_event.start,
                    "location": demo_event.location,
                    "description": demo_event.description,
                    "parent": events[demo_event.parent] if demo_event.parent else None,
                },
            )
            for slug, capacity in demo_event.participants:
                upsert(
                    Participation,
                    {"event": events[demo_event.slug], "person": people[slug]},
                    {"role": capacity},
                )

        source_values = dict(records.SOURCE, outlet=organizations[str(records.SOURCE["outlet"])])
        source = upsert(Source, {"title": source_values.pop("title")}, source_values)

        statements = []
        for demo_statement in records.STATEMENTS:
            text = verbatim_span(article, demo_statement.first_words, demo_statement.last_words)
            if demo_statement.kind == Statement.Kind.DIRECT:
                text = without_continuation_marks(text)
            statement = upsert(
                Statement,
                {"source": source, "text": text},
                {
                    "kind": demo_statement.kind,
                    "speaker": people[records.SPEAKER],
                    "said_on": records.SAID_ON,
                    "context": demo_statement.context,
                    "status": Statement.Status.PUBLISHED,
                },
            )
            wanted_events = {events[slug] for slug in demo_statement.events}
            if set(statement.events.all()) != wanted_events:
                statement.events.set(wanted_events)
            if {tag.name for tag in statement.tags.all()} != set(demo_statement.tags):
                statement.tags.set(demo_statement.tags)
            statements.append(statement)

        self.record_correction(statements[records.CORRECTION.index], records.CORRECTION)
        self.stdout.write(
            f"Demo record loaded: {len(people)} people, {len(events)} events, "
            f"{len(records.STATEMENTS)} statements, 1 correction."
        )
        demo_loaded.send(sender=self.__class__, statements=statements, stdout=self.stdout)
        if not no_accounts:
            self.create_accounts()

    @staticmethod
    def record_correction(statement: Statement, demo: records.DemoCorrection) -> None:
        """The statement's history as if first entered wrongly and then corrected, with the
        public note; once (a reload finds the note and leaves it)."""
        if statement.corrections.exists():
            return
        if demo.verbatim not in statement.text:
            raise CommandError(f"The demo correction's words are not in: {statement.text!r}")
        verbatim = statement.text
        statement.text = verbatim.replace(demo.verbatim, demo.entered)
        statement._change_reason = "Entered"
        statement.save()
        before = Statement.objects.get(pk=statement.pk)
        statement.text = verbatim
        statement._change_reason = f"Corrected: {demo.reason}"
        statement.save()
        Correction.record(before, statement, by=None, reason=demo.reason)

    def create_accounts(self) -> None:
        if not settings.DEBUG:
            self.stderr.write(
                "DEBUG is off: the demo accounts (with published passwords) were not created."
            )
            return
        User = get_user_model()
        for username, password, group_name in records.ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": True, "is_superuser": group_name is None}
            )
            if created:
                user.set_password(password)
                user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
        self.stdout.write("Demo accounts: admin, editor, reviewer (passwords in the README).")
