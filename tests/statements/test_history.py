"""Every version of a statement, with its tags and events, and the admin's list of versions."""

import pytest
from django.urls import reverse

from statements.history import word_diff
from statements.models import Statement
from tests import factories

from .test_admin import change_form_data

pytestmark = pytest.mark.django_db


def test_one_save_in_the_admin_is_one_version_with_its_tags_and_events(editor_client, editor):
    vigil, march = factories.event(title="Vigil"), factories.event(title="March")
    statement = factories.statement(status=Statement.Status.DRAFT, tags=["policing"])
    statement.events.set([vigil])
    versions_before = statement.history.count()
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    response = editor_client.post(
        url,
        change_form_data(statement, text="Edited words.", tags="policing, protest")
        | {"events": [vigil.pk, march.pk]},
    )
    assert response.status_code == 302
    assert statement.history.count() == versions_before + 1
    version = statement.history.first()
    assert version.history_user == editor
    assert version.text == "Edited words."
    assert version.tag_names == "policing, protest"
    assert {e.event_id for e in version.events.all()} == {vigil.pk, march.pk}
    earlier = version.prev_record
    assert earlier.tag_names == "policing"
    assert {e.event_id for e in earlier.events.all()} == {vigil.pk}


def test_a_new_statement_from_the_admin_is_one_version_with_its_tags(editor_client):
    template = factories.statement(status=Statement.Status.DRAFT)
    data = change_form_data(template, text="A fresh quote.", tags="economy")
    assert editor_client.post(reverse("admin:statements_statement_add"), data).status_code == 302
    created = Statement.objects.get(text="A fresh quote.")
    assert created.history.count() == 1
    assert created.history.get().history_type == "+"
    assert created.history.get().tag_names == "economy"


def test_tags_and_events_changed_outside_a_form_make_versions_too():
    statement = factories.statement()
    count = statement.history.count()
    statement.tags.add("budget")
    statement.events.add(factories.event())
    assert statement.history.count() == count + 2
    assert statement.history.first().tag_names == "budget"
    assert statement.history.first().events.count() == 1


def test_the_history_page_lists_changed_fields_tags_events_and_a_word_diff(admin_client):
    statement = factories.statement(text="We will not tolerate this behaviour.")
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    event = factories.event(title="Clapham vigil")
    admin_client.post(
        url,
        change_form_data(
            statement,
            text="We shall not tolerate this behaviour.",
            tags="vigil",
            correction_reason="Misheard.",
        )
        | {"events": [event.pk]},
    )
    page = admin_client.get(
        reverse("admin:statements_statement_history", args=[statement.pk])
    ).content.decode()
    assert "<del>will</del> <ins>shall</ins>" in page
    assert "<strong>Tags:</strong>" in page and "vigil" in page
    assert "<strong>Events:</strong>" in page
    assert "Corrected: Misheard." in page


def test_word_diff_escapes_and_marks_words():
    assert word_diff("a <b> c", "a <b> d e") == "a &lt;b&gt; <del>c</del> <ins>d e</ins>"
