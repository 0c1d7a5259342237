"""The same form posted twice at once (a double click, a retry on a slow connection, two
editors on one story) ends with one result and a clear message for the other: never a 500 and
never two rows.

Each post runs in its own thread with its own client and database connection, as two requests
on two gunicorn threads would. Each save is slowed down inside its transaction, after the
checks a save makes and before it commits, so that both posts are always in flight together:
without the protections these tests check, both would pass their checks and both would write.
PostgreSQL only: SQLite lets one writer in at a time, so it cannot race (.ci/run runs these).
"""

import importlib
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from people.models import Organization, Person, PersonRedirect
from statements.models import Source, Statement
from tests import factories
from tests.statements.test_admin import change_form_data
from tests.statements.test_article_import import IMPORT_URL, article_data, review_post

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: run with DATABASE_URL=postgres://... (.ci/run does)",
    ),
]

# Long enough that the second post arrives while the first is still inside its transaction.
HELD_FOR = 0.4


def at_once(*posts: Callable[[], Any]) -> list[Any]:
    """Run each post in its own thread, released together; their responses, in order."""
    start = threading.Barrier(len(posts))
    responses: list[Any] = [None] * len(posts)
    failures: list[BaseException] = []

    def run(index: int, post: Callable[[], Any]) -> None:
        try:
            start.wait()
            responses[index] = post()
        except BaseException as error:  # reported below, in the test's own thread
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures
    return responses


@contextmanager
def held_inside_the_save(target: str):
    """Slow `target` (a dotted path to a function or method each save calls after its checks)
    by HELD_FOR seconds, so concurrent saves overlap."""
    owner_path, _, name = target.rpartition(".")
    try:
        owner: Any = importlib.import_module(owner_path)
    except ImportError:  # a method: "module.Class.method"
        module_path, _, class_name = owner_path.rpartition(".")
        owner = getattr(importlib.import_module(module_path), class_name)
    original = getattr(owner, name)

    def slowly(*args: Any, **kwargs: Any) -> Any:
        time.sleep(HELD_FOR)
        return original(*args, **kwargs)

    with mock.patch(target, slowly):
        yield


def signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def one_done_one_told(responses: list, told: str) -> None:
    """Neither post is a server error, and the one that did not write says why."""
    assert [r.status_code for r in responses] == [302, 302], [r.status_code for r in responses]
    said = [" ".join(messages_of(r)) for r in responses]
    assert sum(told in text for text in said) == 1, said


def test_a_statement_added_twice_at_once_is_saved_once(editor):
    template = factories.statement(status=Statement.Status.DRAFT)
    first, second = signed_in(editor), signed_in(editor)
    add = reverse("admin:statements_statement_add")
    form = first.get(add).context["adminform"].form
    data = change_form_data(template, text="Said once, posted twice.") | {
        "submission_token": form["submission_token"].value()
    }

    with held_inside_the_save("statements.models.Statement.full_clean"):
        responses = at_once(lambda: first.post(add, data), lambda: second.post(add, data))

    one_done_one_told(responses, "sent twice")
    saved = Statement.objects.filter(text="Said once, posted twice.")
    assert saved.count() == 1
    assert saved.get().history.count() == 1
    assert {r["Location"] for r in responses} >= {
        reverse("admin:statements_statement_change", args=[saved.get().pk])
    }


def test_one_article_review_saved_twice_at_once_saves_its_drafts_once(editor, demo):
    first, second = signed_in(editor), signed_in(editor)
    token = first.get(IMPORT_URL).context["article_form"]["submission_token"].value()
    # No URL: nothing unique in the database would stop a second source and its drafts.
    article = article_data(url="", headline="Read out on the radio", submission_token=token)
    review = first.post(IMPORT_URL, article)
    assert review.status_code == 200
    data = review_post(review, tick_all=True)

    with held_inside_the_save("statements.importing.create_drafts"):
        responses = at_once(
            lambda: first.post(IMPORT_URL, data), lambda: second.post(IMPORT_URL, data)
        )

    one_done_one_told(responses, "sent twice")
    source = Source.objects.get(title="Read out on the radio")
    assert source.statements.count() == 7


def test_a_statement_published_twice_at_once_is_published_once(reviewer):
    statement = factories.statement(status=Statement.Status.IN_REVIEW)
    first, second = signed_in(reviewer), signed_in(reviewer)
    url = reverse("admin:statements_statement_move", args=[statement.pk, "publish"])
    data = {"apply": "1", "reason": ""}

    with held_inside_the_save("statements.models.Statement.save"):
        responses = at_once(lambda: first.post(url, data), lambda: second.post(url, data))

    one_done_one_told(responses, "left as they were")
    statement.refresh_from_db()
    assert statement.status == Statement.Status.PUBLISHED
    published = statement.history.filter(status=Statement.Status.PUBLISHED)
    assert published.count() == 1


def test_one_merge_posted_twice_at_once_merges_once(reviewer):
    kit = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    again = factories.person(name="K. Malthouse", slug="k-malthouse")
    factories.statement(speaker=again)
    first, second = signed_in(reviewer), signed_in(reviewer)
    changelist = reverse("admin:people_person_changelist")
    data = {
        "action": "merge_people",
        "_selected_action": [kit.pk, again.pk],
        "survivor": kit.pk,
        "apply": "1",
    }

    with held_inside_the_save("people.merging._move"):
        responses = at_once(
            lambda: first.post(changelist, data), lambda: second.post(changelist, data)
        )

    assert all(r.status_code in (200, 302) for r in responses), [r.status_code for r in responses]
    said = [" ".join(messages_of(r)) for r in responses]
    assert sum("merged into" in text for text in said) == 1, said
    assert list(Person.objects.values_list("slug", flat=True)) == ["kit-malthouse"]
    assert PersonRedirect.objects.filter(old_slug="k-malthouse").count() == 1
    assert Statement.objects.filter(speaker=kit).count() == 1


def test_two_articles_naming_one_new_outlet_and_speaker_at_once_are_both_saved(editor, demo):
    """Two editors import two different articles from one new outlet, quoting one new person,
    at the same moment: both imports are saved, the outlet once, the speakers as the two new
    records each editor asked for (each with its own address). It was a 500 for one of them:
    both made the same slug."""
    clients = [signed_in(editor), signed_in(editor)]
    reviews = []
    for number, client in enumerate(clients):
        article = article_data(
            url=f"https://news.example/2021/03/14/vigil-{number}",
            headline=f"Vigil report {number}",
            new_outlet="The Evening Courier",
            text='"We will keep every library open," said Marta Quillbeck, the council leader.',
        )
        review = client.post(IMPORT_URL, article)
        assert review.status_code == 200, review.content.decode()[:2000]
        reviews.append(review_post(review, tick_all=True))

    with held_inside_the_save("statements.importing.create_drafts"):
        responses = at_once(
            *(
                lambda c=client, d=data: c.post(IMPORT_URL, d)
                for client, data in zip(clients, reviews, strict=True)
            )
        )

    assert [r.status_code for r in responses] == [302, 302]
    assert Organization.objects.filter(name="The Evening Courier").count() == 1
    quillbecks = Person.objects.filter(name="Marta Quillbeck")
    assert sorted(quillbecks.values_list("slug", flat=True)) == [
        "marta-quillbeck",
        "marta-quillbeck-2",
    ]
    assert Statement.objects.filter(source__title__startswith="Vigil report").count() == 2
