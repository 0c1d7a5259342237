"""The search finds statements by what their speaker and source are called now.

On PostgreSQL database triggers keep the stored vector up to date, whatever path writes the
rows (so these tests use `save()`, `create()`, `delete()` and `QuerySet.update()` alike); the
SQLite fallback reads the live rows and passes them naturally.
"""

import pytest

from people.models import OtherName, Person
from statements.models import Source, Statement
from tests import factories

from .helpers import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def malthouse():
    return factories.person(name="Kit Malthouse", slug="kit-malthouse")


def test_renaming_the_speaker_finds_the_statement_by_the_new_name_only(malthouse):
    statement = factories.statement(speaker=malthouse)
    malthouse.name = "Christopher Malthouse-Smythe"
    malthouse.save()
    assert found("Christopher") == {statement.pk}
    assert found("Kit") == set()


def test_renaming_the_speaker_with_a_queryset_update_is_seen_too(malthouse):
    statement = factories.statement(speaker=malthouse)
    Person.objects.filter(pk=malthouse.pk).update(name="Christopher Malthouse")
    assert found("Christopher") == {statement.pk}
    assert found("Kit") == set()


def test_adding_an_other_name_finds_the_statement_by_it(malthouse):
    statement = factories.statement(speaker=malthouse)
    assert found("Supremo") == set()
    OtherName.objects.create(person=malthouse, name="Policing Supremo")
    assert found("Supremo") == {statement.pk}


def test_changing_an_other_name_finds_the_statement_by_the_new_one_only(malthouse):
    statement = factories.statement(speaker=malthouse)
    other_name = OtherName.objects.create(person=malthouse, name="Policing Supremo")
    other_name.name = "Crime Tsar"
    other_name.save()
    assert found("Tsar") == {statement.pk}
    assert found("Supremo") == set()


def test_moving_an_other_name_to_another_person_moves_it_in_search(malthouse):
    mine = factories.statement(speaker=malthouse)
    someone_else = factories.person(name="Priti Patel", slug="priti-patel")
    theirs = factories.statement(speaker=someone_else)
    other_name = OtherName.objects.create(person=malthouse, name="Policing Supremo")
    assert found("Supremo") == {mine.pk}
    other_name.person = someone_else
    other_name.save()
    assert found("Supremo") == {theirs.pk}


def test_deleting_an_other_name_stops_finding_the_statement_by_it(malthouse):
    statement = factories.statement(speaker=malthouse)
    other_name = OtherName.objects.create(person=malthouse, name="Policing Supremo")
    assert found("Supremo") == {statement.pk}
    other_name.delete()
    assert found("Supremo") == set()
    assert found("Malthouse") == {statement.pk}


def test_correcting_a_source_headline_finds_the_statement_by_the_new_words_only():
    source = factories.source(title="Minister backs Met chief")
    statement = factories.statement(source=source)
    source.title = "Minister defends commissioner"
    source.save()
    assert found("commissioner") == {statement.pk}
    assert found("chief") == set()


def test_correcting_a_headline_with_a_queryset_update_is_seen_too():
    source = factories.source(title="Minister backs Met chief")
    statement = factories.statement(source=source)
    Source.objects.filter(pk=source.pk).update(title="Minister defends commissioner")
    assert found("commissioner") == {statement.pk}
    assert found("chief") == set()


def test_editing_the_text_finds_the_statement_by_the_new_words_only():
    statement = factories.statement(text="The vigil was peaceful.")
    statement.text = "The inquiry will report."
    statement.save()
    assert found("inquiry") == {statement.pk}
    assert found("vigil") == set()


def test_editing_the_text_with_a_queryset_update_is_seen_too():
    statement = factories.statement(text="The vigil was peaceful.")
    Statement.objects.filter(pk=statement.pk).update(text="The inquiry will report.")
    assert found("inquiry") == {statement.pk}
    assert found("vigil") == set()


def test_changing_the_speaker_or_source_of_a_statement_is_seen(malthouse):
    statement = factories.statement(source=factories.source(title="Minister backs Met chief"))
    statement.speaker = malthouse
    statement.source = factories.source(title="Minister defends commissioner")
    statement.save()
    assert found("Malthouse commissioner") == {statement.pk}
    assert found("chief") == set()


def test_publishing_a_draft_makes_it_findable():
    draft = factories.statement(text="The vigil was peaceful.", status=Statement.Status.DRAFT)
    assert found("vigil") == set()
    Statement.objects.filter(pk=draft.pk).update(status=Statement.Status.PUBLISHED)
    assert found("vigil") == {draft.pk}
