"""A failure halfway through a save that writes many rows leaves nothing half-written: the
article import, the spreadsheet imports, the merge of two people, and the correction and the
retraction of a published statement, each through the admin as editors and reviewers use it.

Each save is run once for each of its steps with a failure injected at that step (the Nth row
of a table written, a function called), and afterwards every row of every table (statements,
sources, people, roles, other names, tags and their links, events links, claims links, the
historical tables, corrections, redirects, the admin log, everything but the sessions) must be
exactly what it was before. The failure is an error Django does not expect, so the answer is
the 500 page, or for a spreadsheet the import page saying nothing was imported.
"""

import datetime
import functools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.urls import reverse
from simple_history.signals import post_create_historical_record

from claims.models import Claim, ClaimStatus
from events.models import Participation
from people import merging
from people.models import Organization, OtherName, Person, PersonLink, PersonRedirect, Role
from statements.models import Correction, Source, Statement, TaggedStatement
from tests import factories
from tests.statements.test_admin import change_form_data
from tests.statements.test_article_import import IMPORT_URL, article_data, review_post
from tests.statements.test_spreadsheet_import import csv_file

pytestmark = pytest.mark.django_db

D = datetime.date
# The session's expiry moves with every request that answers, whatever the save did.
NOT_COMPARED = {"sessions.Session"}


class Injected(Exception):
    """The failure these tests inject: nothing in the code expects or catches it."""


def everything() -> dict[str, list[tuple]]:
    """Every row of every table, in key order, by table (the sessions' excepted)."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label in NOT_COMPARED or model._meta.proxy:
            continue
        columns = [field.attname for field in model._meta.concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*columns)
        tables[model._meta.db_table] = list(rows)
    return tables


def assert_unchanged(before: dict[str, list[tuple]]) -> None:
    after = everything()
    changed = {
        table: f"{len(before[table])} rows before, {len(after[table])} after; now "
        + str([row for row in after[table] if row not in before[table]][:2])
        for table in before
        if after[table] != before[table]
    }
    assert not changed, f"half-written: {changed}"


# Where a failure is injected.


class Failure:
    """Raises Injected the `nth` time its step is reached; `reached` counts the times."""

    def __init__(self, step: str, nth: int) -> None:
        self.step, self.nth, self.reached = step, nth, 0

    def reach(self) -> None:
        self.reached += 1
        if self.reached == self.nth:
            raise Injected(f"injected at {self.step} (#{self.nth})")


Step = Callable[[], AbstractContextManager[Failure]]


def on_signal(signal: Signal, sender: Any, nth: int = 1, *, action: str | None = None) -> Step:
    """Fail as the `nth` row of `sender` is written (post_save: just after its INSERT or
    UPDATE), deleted, linked (m2m_changed with `action`) or versioned (its historical row)."""

    @contextmanager
    def armed() -> Iterator[Failure]:
        failure = Failure(f"{sender.__name__} {action or 'row'}", nth)

        def receiver(sender: Any, **kwargs: Any) -> None:
            if action is None or kwargs.get("action") == action:
                failure.reach()

        signal.connect(receiver, sender=sender, weak=False, dispatch_uid="injected-failure")
        try:
            yield failure
        finally:
            signal.disconnect(sender=sender, dispatch_uid="injected-failure")

    return armed


def on_call(owner: Any, name: str, nth: int = 1, *, after: bool = False) -> Step:
    """Fail at the `nth` call of `owner.name`: as it is called, or just `after` it returned."""

    @contextmanager
    def armed() -> Iterator[Failure]:
        failure = Failure(name, nth)
        original = getattr(owner, name)

        @functools.wraps(original)
        def failing(*args: Any, **kwargs: Any) -> Any:
            if not after:
                failure.reach()
            result = original(*args, **kwargs)
            if after:
                failure.reach()
            return result

        with mock.patch.object(owner, name, failing):
            yield failure

    return armed


def history(model: type) -> type:
    return model.history.model  # type: ignore[attr-defined]


EVENTS_LINK = Statement.events.through
CLAIMS_LINK = Claim.statements.through


def run_failing(client, step: Step, save: Callable[[], Any]) -> Any:
    """`save()` with the failure armed; the failure must have happened."""
    client.raise_request_exception = False
    before = everything()
    with step() as failure:
        response = save()
    assert failure.reached >= failure.nth, f"the save never reached {failure.step}"
    assert_unchanged(before)
    return response


def steps(table: dict[str, Step], committed: str) -> list[Any]:
    """Each step of a save, and the `committed` one again with real transactions: the test's
    own transaction is not wrapped around the save, so its COMMIT or ROLLBACK is real."""
    return [pytest.param(step, id=name) for name, step in table.items()] + [
        pytest.param(
            table[committed],
            id=f"{committed}, in a real transaction",
            marks=pytest.mark.django_db(transaction=True),
        )
    ]


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# The article import: a new outlet, the source, a new speaker, the drafts with their events,
# tags and claims, a version of each, a line in the admin log for each.

ARTICLE = (
    "Jane Okafor, the council leader, said the bridge would reopen in May.\n"
    "“We have listened to residents and we will get this done,” Ms Okafor said.\n"
    "“Nobody will pay more for it,” she added.\n"
)

ARTICLE_STEPS: dict[str, Step] = {
    "the new outlet": on_signal(post_save, Organization),
    "the outlet's history": on_signal(post_create_historical_record, history(Organization)),
    "the source": on_signal(post_save, Source),
    "the new speaker": on_signal(post_save, Person),
    "the first draft": on_signal(post_save, Statement),
    "the second draft": on_signal(post_save, Statement, 2),
    "the second draft's event": on_signal(m2m_changed, EVENTS_LINK, 2, action="post_add"),
    "the second draft's tag": on_signal(post_save, TaggedStatement, 2),
    "the second draft's history": on_signal(post_create_historical_record, history(Statement), 3),
    "the claim it repeats": on_signal(m2m_changed, CLAIMS_LINK, action="post_add"),
    "the second line of the admin log": on_signal(post_save, LogEntry, 2),
    "the last line of the admin log": on_signal(post_save, LogEntry, 4),
}


@pytest.fixture
def article_review(editor_client):
    """The review page of an article by a new speaker in a new outlet; what it posts when the
    editor ticks every quote, gives each an event and a tag, and the first a claim."""
    event = factories.event(slug="bridge-reopening")
    claim = Claim.objects.create(
        text="The bridge will reopen in May.",
        short_text="The bridge will reopen in May",
        slug="bridge-may",
        status=ClaimStatus.PUBLISHED,
    )
    review = editor_client.post(IMPORT_URL, article_data(text=ARTICLE, url="", new_outlet="Bugle"))
    quotes = len(review.context["quote_forms"])
    assert quotes >= 2, "the extractor found fewer quotes than the steps need"
    edits = {index: {"events": event.pk, "tags": "bridges"} for index in range(quotes)}
    edits[0]["claims"] = claim.pk
    return review_post(review, edits, tick_all=True)


def test_the_article_import_saves_every_step_when_nothing_fails(editor_client, article_review):
    response = editor_client.post(IMPORT_URL, article_review)

    assert response.status_code == 302
    jane = Person.objects.get(name="Jane Okafor")
    drafts = list(jane.statements.all())
    assert len(drafts) >= 2 and drafts[0].source.outlet.name == "Bugle"
    assert all(d.events.exists() and list(d.tags.names()) == ["bridges"] for d in drafts)
    assert Claim.objects.get().statements.count() == 1
    assert LogEntry.objects.count() == len(drafts) + 1  # each addition, and the claim's link


@pytest.mark.parametrize("step", steps(ARTICLE_STEPS, "the second draft's tag"))
def test_a_failure_halfway_through_the_article_import_saves_nothing(
    editor_client, article_review, step
):
    response = run_failing(
        editor_client, step, lambda: editor_client.post(IMPORT_URL, article_review)
    )
    assert response.status_code == 500


# The spreadsheet imports, confirmed after their preview: each row's statement (or person),
# its events and tags, a version of each, and the admin log's lines for them all.

STATEMENTS_IMPORT = reverse("admin:statements_statement_import")
STATEMENTS_CONFIRM = reverse("admin:statements_statement_process_import")
PEOPLE_IMPORT = reverse("admin:people_person_import")
PEOPLE_CONFIRM = reverse("admin:people_person_process_import")

STATEMENT_ROWS = (
    "text,kind,speaker,said_on,source,events,tags\n"
    "Saved first.,direct,kit-malthouse,2021-03-14,https://news.example/a,the-vigil,policing\n"
    "Saved second.,direct,Mr Malthouse,2021-03-15,https://news.example/a,the-vigil,"
    "policing; vigil\n"
    "Saved third.,reported,kit-malthouse,2021-03-16,https://news.example/a,,protest\n"
)
# One row updates the person on record (found by other name), the other adds a person.
PEOPLE_ROWS = "name,slug,summary\nMr Malthouse,,Policing minister.\nJane Okafor,,Council leader.\n"

STATEMENTS_IMPORT_STEPS: dict[str, Step] = {
    "the first statement": on_signal(post_save, Statement),
    "the second statement": on_signal(post_save, Statement, 2),
    "the second statement's event": on_signal(m2m_changed, EVENTS_LINK, 2, action="post_add"),
    "the second statement's second tag": on_signal(post_save, TaggedStatement, 3),
    "the second statement's history": on_signal(
        post_create_historical_record, history(Statement), 2
    ),
    "the last statement": on_signal(post_save, Statement, 3),
    "the admin log": on_call(LogEntry.objects, "log_actions", after=True),
}

PEOPLE_IMPORT_STEPS: dict[str, Step] = {
    "the person updated": on_signal(post_save, Person),
    "the person added": on_signal(post_save, Person, 2),
    "the added person's history": on_signal(post_create_historical_record, history(Person), 2),
    "the admin log": on_call(LogEntry.objects, "log_actions", 2, after=True),  # updated, then new
}


@pytest.fixture
def on_record():
    kit = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    OtherName.objects.create(person=kit, name="Mr Malthouse")
    factories.source(url="https://news.example/a")
    factories.event(slug="the-vigil")
    return kit


def previewed(client, import_url: str, rows: str) -> dict:
    """What the confirmation form of `rows`' preview posts."""
    preview = client.post(import_url, {"import_file": csv_file(rows), "format": 0, "resource": 0})
    confirm = preview.context.get("confirm_form")
    assert confirm is not None, preview.content.decode()[:2000]
    return confirm.initial | {"resource": 0}


def assert_nothing_imported(client, response) -> None:
    """The 500 page, or the import page again saying nothing was imported."""
    if response.status_code == 302:
        assert any("Nothing was imported" in m for m in messages_of(response)), messages_of(
            response
        )
    else:
        assert response.status_code == 500


def test_the_spreadsheet_imports_save_every_step_when_nothing_fails(editor_client, on_record):
    statements = editor_client.post(
        STATEMENTS_CONFIRM, previewed(editor_client, STATEMENTS_IMPORT, STATEMENT_ROWS)
    )
    people = editor_client.post(
        PEOPLE_CONFIRM, previewed(editor_client, PEOPLE_IMPORT, PEOPLE_ROWS)
    )

    assert statements.status_code == people.status_code == 302
    second = Statement.objects.get(text="Saved second.")
    assert sorted(second.tags.names()) == ["policing", "vigil"] and second.events.count() == 1
    assert Statement.objects.count() == 3 and Person.objects.count() == 2
    on_record.refresh_from_db()
    assert on_record.summary == "Policing minister."
    assert LogEntry.objects.count() == 5


@pytest.mark.parametrize("step", steps(STATEMENTS_IMPORT_STEPS, "the admin log"))
def test_a_failure_halfway_through_a_statements_import_saves_nothing(
    editor_client, on_record, step
):
    confirm = previewed(editor_client, STATEMENTS_IMPORT, STATEMENT_ROWS)
    response = run_failing(
        editor_client, step, lambda: editor_client.post(STATEMENTS_CONFIRM, confirm)
    )
    assert_nothing_imported(editor_client, response)


@pytest.mark.parametrize("step", steps(PEOPLE_IMPORT_STEPS, "the person added"))
def test_a_failure_halfway_through_a_people_import_saves_nothing(editor_client, on_record, step):
    confirm = previewed(editor_client, PEOPLE_IMPORT, PEOPLE_ROWS)
    response = run_failing(editor_client, step, lambda: editor_client.post(PEOPLE_CONFIRM, confirm))
    assert_nothing_imported(editor_client, response)


# The merge of two records of one person: every relation moved (statements with a version each,
# roles, other names, links, participations), duplicates folded into the survivor's, the other
# name kept, the record deleted, its slug redirected, the survivor saved, the admin log.

MERGE_STEPS: dict[str, Step] = {
    "the first relation moved": on_call(merging, "_move", 2),
    "every relation but the last moved": on_call(merging, "_move", len(merging._relations())),
    "the statements' new speaker": on_call(merging, "bulk_update_with_history", after=True),
    "a role moved": on_signal(post_save, Role),
    "a duplicate role folded in": on_signal(post_delete, Role),
    "an other name moved": on_signal(post_save, OtherName),
    "the merged name kept": on_call(OtherName.objects, "get_or_create", after=True),
    "a link moved": on_signal(post_save, PersonLink),
    "the merged record deleted": on_signal(post_delete, Person),
    "the redirect": on_signal(post_save, PersonRedirect),
    "the survivor saved": on_signal(post_save, Person),
    "the survivor's history": on_signal(post_create_historical_record, history(Person), 2),
    "the admin log": on_signal(post_save, LogEntry),
}


@pytest.fixture
def twins():
    """One person entered twice, each record with roles (one the same), other names, a link,
    participations and statements."""
    kit = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    again = factories.person(name="K. Malthouse", slug="k-malthouse", wikidata_qid="Q6416956")
    ministry = factories.organization(name="Home Office")
    same_role = {
        "organization": ministry,
        "title": "Policing minister",
        "start_date": D(2019, 7, 25),
    }
    factories.role(person=kit, **same_role)
    their_role = factories.role(person=again, **same_role)
    other_role = factories.role(
        person=again, organization=ministry, title="Minister", start_date=D(2021, 9, 16)
    )
    OtherName.objects.create(person=kit, name="Mr Malthouse")
    OtherName.objects.create(person=again, name="Mr Malthouse")
    OtherName.objects.create(person=again, name="Christopher Malthouse")
    PersonLink.objects.create(person=again, url="https://www.parliament.uk/kit", label="MP")
    event = factories.event()
    Participation.objects.create(event=event, person=kit, role="speaker")
    Participation.objects.create(event=event, person=again, role="speaker")
    factories.statement(speaker=again, role=their_role, said_on=D(2021, 3, 14), tags=["policing"])
    factories.statement(speaker=again, role=other_role, said_on=D(2021, 10, 1))
    return kit, again


def merge_post(reviewer_client, kit: Person, again: Person):
    return reviewer_client.post(
        reverse("admin:people_person_changelist"),
        {
            "action": "merge_people",
            "_selected_action": [kit.pk, again.pk],
            "apply": "1",
            "survivor": kit.pk,
        },
    )


def test_the_merge_saves_every_step_when_nothing_fails(reviewer_client, twins):
    kit, again = twins

    assert merge_post(reviewer_client, kit, again).status_code == 302
    assert not Person.objects.filter(pk=again.pk).exists()
    assert kit.statements.count() == 2 and kit.roles.count() == 2
    assert PersonRedirect.objects.get().old_slug == "k-malthouse"
    assert LogEntry.objects.get().object_id == str(kit.pk)


@pytest.mark.parametrize("step", steps(MERGE_STEPS, "the admin log"))
def test_a_failure_halfway_through_a_merge_leaves_both_records_as_they_were(
    reviewer_client, twins, step
):
    kit, again = twins
    response = run_failing(reviewer_client, step, lambda: merge_post(reviewer_client, kit, again))
    assert response.status_code == 500


# The correction of a published statement from its admin form: the statement, the public note,
# its events and tags, the version in the history, the admin log.

CORRECTION_STEPS: dict[str, Step] = {
    "the statement": on_signal(post_save, Statement),
    "the correction note": on_signal(post_save, Correction),
    "the new event": on_signal(m2m_changed, EVENTS_LINK, action="post_add"),
    "the new tag": on_signal(post_save, TaggedStatement),
    "the version in the history": on_signal(post_create_historical_record, history(Statement)),
    "the admin log": on_signal(post_save, LogEntry),
}


@pytest.fixture
def correction():
    """A published statement, and what its form posts to correct its words (with a reason)
    and add an event and a tag at the same time."""
    first, second = factories.event(), factories.event()
    statement = factories.statement(
        text="We will not tolerate this kind of behavour.",
        status=Statement.Status.PUBLISHED,
        tags=["policing"],
        events=[first],
    )
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    data = change_form_data(
        statement,
        text="We will not tolerate this kind of behaviour.",
        correction_reason="A word was misspelt in our transcript.",
        tags="policing, vigil",
        events=[first.pk, second.pk],
    )
    return statement, url, data


def test_the_correction_saves_every_step_when_nothing_fails(reviewer_client, correction):
    statement, url, data = correction

    assert reviewer_client.post(url, data).status_code == 302
    statement.refresh_from_db()
    assert statement.text.endswith("behaviour.") and statement.corrections.count() == 1
    assert statement.events.count() == 2 and sorted(statement.tags.names()) == ["policing", "vigil"]
    assert LogEntry.objects.count() == 1


@pytest.mark.parametrize("step", steps(CORRECTION_STEPS, "the correction note"))
def test_a_failure_halfway_through_a_correction_leaves_the_statement_as_it_was(
    reviewer_client, correction, step
):
    statement, url, data = correction
    response = run_failing(reviewer_client, step, lambda: reviewer_client.post(url, data))
    assert response.status_code == 500


# A retraction from the statement's own button: the status, the public note, the version in
# the history, the admin log.

RETRACTION_STEPS: dict[str, Step] = {
    "the status": on_signal(post_save, Statement),
    "the retraction note": on_signal(post_save, Correction),
    "the version in the history": on_signal(post_create_historical_record, history(Statement)),
    "the admin log": on_signal(post_save, LogEntry),
}


@pytest.fixture
def retraction():
    statement = factories.statement(status=Statement.Status.PUBLISHED, tags=["policing"])
    url = reverse("admin:statements_statement_move", args=[statement.pk, "retract"])
    return statement, url, {"reason": "The speaker was misidentified."}


def test_the_retraction_saves_every_step_when_nothing_fails(reviewer_client, retraction):
    statement, url, data = retraction

    assert reviewer_client.post(url, data).status_code == 302
    statement.refresh_from_db()
    assert statement.status == Statement.Status.RETRACTED
    assert statement.corrections.get().reason == "The speaker was misidentified."
    assert LogEntry.objects.count() == 1


@pytest.mark.parametrize("step", steps(RETRACTION_STEPS, "the admin log"))
def test_a_failure_halfway_through_a_retraction_leaves_the_statement_published(
    reviewer_client, retraction, step
):
    statement, url, data = retraction
    response = run_failing(reviewer_client, step, lambda: reviewer_client.post(url, data))
    assert response.status_code == 500
