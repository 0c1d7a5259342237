import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from people.models import Person, Role
from tests import factories

D = datetime.date


@pytest.mark.django_db
def test_roles_held_on_returns_every_role_held_that_day():
    mp = factories.role(title="Member of Parliament for North West Hampshire", end_date=None)
    minister = factories.role(
        person=mp.person,
        title="Minister of State for Crime and Policing",
        start_date=D(2019, 7, 25),
        end_date=D(2022, 7, 7),
    )
    assert set(mp.person.roles_held_on(D(2021, 3, 14))) == {mp, minister}
    assert list(mp.person.roles_held_on(D(2023, 1, 1))) == [mp]
    assert list(mp.person.roles_held_on(D(2018, 1, 1))) == []


@pytest.mark.django_db
def test_role_held_through_its_last_day():
    role = factories.role(start_date=D(2019, 7, 25), end_date=D(2022, 7, 7))
    assert list(role.person.roles_held_on(D(2022, 7, 7))) == [role]
    assert list(role.person.roles_held_on(D(2022, 7, 8))) == []


@pytest.mark.django_db
def test_database_refuses_a_role_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.role(start_date=D(2020, 1, 2), end_date=D(2020, 1, 1))


@pytest.mark.django_db
def test_role_form_validation_explains_an_end_before_start():
    role = Role(
        person=factories.person(),
        organization=factories.organization(),
        title="Minister",
        start_date=D(2020, 1, 2),
        end_date=D(2020, 1, 1),
    )
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        role.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("qid", ["7305117", "Q", "Q0", "q42", "Q42x", "Q 42"])
def test_wikidata_qid_must_look_like_a_qid(qid):
    person = Person(name="Someone", slug="someone", sort_name="Someone", wikidata_qid=qid)
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "wikidata_qid" in error.value.message_dict


@pytest.mark.django_db
def test_valid_qid_and_blank_qid_are_accepted():
    Person(name="A B", slug="a-b", sort_name="B, A", wikidata_qid="Q42").full_clean()
    Person(name="C D", slug="c-d", sort_name="D, C", wikidata_qid="").full_clean()


@pytest.mark.django_db
def test_two_people_without_qid_are_fine_but_a_qid_is_unique():
    factories.person(wikidata_qid="")
    factories.person(wikidata_qid="")
    factories.person(wikidata_qid="Q42")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.person(wikidata_qid="Q42")


@pytest.mark.django_db
def test_sort_name_defaults_to_family_name_first():
    assert factories.person(name="Kit Malthouse", sort_name="").sort_name == "Malthouse, Kit"


@pytest.mark.django_db
def test_people_are_found_by_their_other_names():
    kit = factories.person(name="Kit Malthouse")
    kit.other_names.create(name="Mr Malthouse")
    factories.person(name="Someone Else")
    assert list(Person.objects.matching_name("mr malthouse")) == [kit]
    assert list(Person.objects.matching_name("Malthouse")) == [kit]
