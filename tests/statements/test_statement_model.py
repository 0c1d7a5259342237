import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from statements.models import Source, Statement
from tests import factories

D = datetime.date

pytestmark = pytest.mark.django_db


def test_database_refuses_a_statement_without_speaker_or_organization():
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(
            text="Words.", said_on=D(2021, 3, 14), source=factories.source(), speaker=None
        )


def test_unnamed_spokesperson_is_attributed_to_the_organization():
    home_office = factories.organization(name="Home Office")
    statement = factories.statement(
        organization=home_office, attribution="a Home Office spokesperson"
    )
    assert statement.speaker is None
    assert statement.speaker_name == "a Home Office spokesperson"


def test_role_on_the_day_is_filled_in_when_left_empty():
    earlier = factories.role(
        title="Junior minister", start_date=D(2015, 1, 1), end_date=D(2019, 7, 24)
    )
    minister = factories.role(
        person=earlier.person, title="Policing minister", start_date=D(2019, 7, 25)
    )
    old = factories.statement(speaker=earlier.person, said_on=D(2018, 6, 1))
    new = factories.statement(speaker=earlier.person, said_on=D(2021, 3, 14))
    assert old.role == earlier
    assert new.role == minister


def test_role_chosen_by_the_editor_is_kept():
    mp = factories.role(title="Member of Parliament", start_date=D(2010, 5, 6))
    factories.role(person=mp.person, title="Minister", start_date=D(2019, 7, 25))
    statement = factories.statement(speaker=mp.person, role=mp)
    statement.refresh_from_db()
    assert statement.role == mp


def test_role_of_someone_else_is_a_validation_error():
    other_role = factories.role()
    statement = factories.statement()
    statement.role = other_role
    with pytest.raises(ValidationError, match="belongs to"):
        statement.full_clean()


def test_role_not_held_on_the_day_is_a_validation_error():
    role = factories.role(start_date=D(2019, 7, 25), end_date=D(2022, 7, 7))
    statement = factories.statement(speaker=role.person, said_on=D(2023, 1, 1))
    statement.role = role
    with pytest.raises(ValidationError, match="did not hold this role on 1 January 2023"):
        statement.full_clean()


def test_published_excludes_drafts_and_retractions():
    published = factories.statement(status=Statement.Status.PUBLISHED)
    factories.statement(status=Statement.Status.DRAFT)
    factories.statement(status=Statement.Status.RETRACTED)
    assert list(Statement.objects.published()) == [published]


def test_by_and_about_chain_with_published():
    speaker = factories.person()
    vigil = factories.event()
    wanted = factories.statement(speaker=speaker, events=[vigil])
    factories.statement(speaker=speaker)
    factories.statement(events=[vigil])
    factories.statement(speaker=speaker, events=[vigil], status=Statement.Status.DRAFT)
    assert list(Statement.objects.published().by(speaker).about(vigil)) == [wanted]


def test_with_related_lists_statements_in_constant_queries(django_assert_num_queries):
    for _ in range(10):
        role = factories.role()
        factories.statement(
            speaker=role.person, tags=["policing", "protest"], events=[factories.event()]
        )
    factories.statement(organization=factories.organization(), attribution="A spokesperson")
    # The list, then the roles (with their organisations), the unnamed speakers'
    # organisations, the tags and the events: one query each, however many statements.
    with django_assert_num_queries(5):
        rows = [
            (
                s.speaker_name,
                s.role and (s.role.label, s.role.organization.name),
                s.source.outlet.name,
                s.tags.all(),
                s.events.all(),
            )
            for s in Statement.objects.published().with_related()
        ]
        assert len(rows) == 11
        assert sum(len(row[3]) == 2 and len(row[4]) == 1 for row in rows) == 10


def test_tags_are_case_insensitive():
    first = factories.statement(tags=["Policing"])
    second = factories.statement(tags=["policing"])
    assert first.tags.get().pk == second.tags.get().pk
    assert set(Statement.objects.filter(tags__name__iexact="POLICING")) == {first, second}


def test_source_url_is_unique_only_when_set():
    factories.source(url="")
    factories.source(url="")
    factories.source(url="https://news.example/story")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.source(url="https://news.example/story")


def test_deleting_what_statements_rest_on_is_refused():
    statement = factories.statement()
    for record in (statement.speaker, statement.source, statement.source.outlet):
        with pytest.raises(ProtectedError), transaction.atomic():
            record.delete()
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_database_refuses_unknown_status_and_kind():
    statement = factories.statement()
    for field, value in (("status", "hidden"), ("kind", "rumour")):
        with pytest.raises(IntegrityError), transaction.atomic():
            Statement.objects.filter(pk=statement.pk).update(**{field: value})


def test_medium_choices_cover_a_newsroom_sources():
    assert {m.label for m in Source.Medium} >= {
        "Television interview",
        "Radio interview",
        "Print article",
        "Online article",
        "Speech",
        "Press release",
        "Social media post",
        "Parliament",
        "Written statement",
        "Other",
    }
