"""Two records for one person, merged: everything moves, the old address redirects, the history
says so, and a failure halfway leaves both records as they were."""

import datetime

import pytest
from django.urls import reverse

from claims.models import Proposition, Stance
from events.models import Participation
from people import merging
from people.models import OtherName, Person, PersonLink, PersonRedirect
from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def twins():
    """Kit Malthouse entered twice: once properly, once by an importer as "K. Malthouse"."""
    kit = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    again = factories.person(name="K. Malthouse", slug="k-malthouse", wikidata_qid="Q6416956")
    ministry = factories.organization(name="Home Office")
    shared_role = {
        "organization": ministry,
        "title": "Policing minister",
        "start_date": D(2019, 7, 25),
    }
    kit_role = factories.role(person=kit, **shared_role)
    their_role = factories.role(person=again, **shared_role)  # the same term, entered twice
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
    Participation.objects.create(event=factories.event(), person=again, role="guest")
    statements = [
        factories.statement(speaker=again, role=their_role, said_on=D(2021, 3, 14)),
        factories.statement(speaker=again, role=other_role, said_on=D(2021, 10, 1)),
    ]
    proposition = Proposition.objects.create(
        question="Should the vigil have been policed?", slug="q"
    )
    Stance.objects.create(proposition=proposition, statement=statements[0], position="supports")
    return {
        "kit": kit,
        "again": again,
        "kit_role": kit_role,
        "statements": statements,
        "proposition": proposition,
    }


def test_everything_moves_to_the_survivor(twins, reviewer):
    kit, again = twins["kit"], twins["again"]
    merging.merge(kit, again, by=reviewer)
    assert not Person.objects.filter(pk=again.pk).exists()
    kit.refresh_from_db()
    assert kit.statements.count() == 2
    # The role entered twice is one role; the statement said in it points at the survivor's.
    assert kit.roles.count() == 2
    assert (
        twins["statements"][0].__class__.objects.get(pk=twins["statements"][0].pk).role
        == (twins["kit_role"])
    )
    assert sorted(kit.other_names.values_list("name", flat=True)) == [
        "Christopher Malthouse",
        "K. Malthouse",
        "Mr Malthouse",
    ]
    assert kit.links.count() == 1
    assert Participation.objects.filter(person=kit).count() == 2
    assert Stance.objects.get().statement.speaker == kit
    assert kit.wikidata_qid == "Q6416956"  # filled in where the survivor had none


def test_the_merge_is_in_the_history_of_the_person_and_the_statements(twins, reviewer):
    kit, again = twins["kit"], twins["again"]
    merging.merge(kit, again, by=reviewer)
    reason = "Merged “K. Malthouse” (k-malthouse) into “Kit Malthouse” (kit-malthouse)"
    assert kit.history.first().history_change_reason == reason
    assert kit.history.first().history_user == reviewer
    gone = Person.history.filter(id=again.pk).first()
    assert gone.history_type == "-" and gone.history_change_reason == reason
    for statement in twins["statements"]:
        version = Statement.history.filter(id=statement.pk).first()
        assert version.speaker_id == kit.pk and version.history_change_reason == reason


def test_the_old_address_redirects_permanently_to_the_survivors_pages_and_feeds(
    client, twins, reviewer
):
    merging.merge(twins["kit"], twins["again"], by=reviewer)
    for name, suffix in [
        ("people:detail", "?tag=policing"),
        ("statements:person-feed-rss", ""),
        ("statements:person-feed-atom", ""),
        ("claims:person-feed-rss", ""),
        ("claims:person-feed-atom", ""),
    ]:
        response = client.get(reverse(name, args=["k-malthouse"]) + suffix)
        assert response.status_code == 301, name
        assert response["Location"] == reverse(name, args=["kit-malthouse"]) + suffix
    assert client.get(reverse("people:detail", args=["nobody-at-all"])).status_code == 404


def test_a_failure_halfway_leaves_both_records_as_they_were(twins, reviewer, monkeypatch):
    kit, again = twins["kit"], twins["again"]

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(PersonRedirect.objects, "create", broken)
    with pytest.raises(RuntimeError):
        merging.merge(kit, again, by=reviewer)
    again.refresh_from_db()
    assert again.statements.count() == 2 and again.roles.count() == 2
    assert again.other_names.count() == 2 and again.links.count() == 1
    assert Participation.objects.filter(person=again).count() == 2
    assert kit.statements.count() == 0 and kit.other_names.count() == 1
    assert not PersonRedirect.objects.exists()


def test_reviewers_merge_from_the_admin_after_a_confirmation(reviewer_client, twins):
    kit, again = twins["kit"], twins["again"]
    changelist = reverse("admin:people_person_changelist")
    selected = {"action": "merge_people", "_selected_action": [kit.pk, again.pk]}
    page = reviewer_client.post(changelist, selected)
    html = page.content.decode()
    assert page.status_code == 200 and "Moves from K. Malthouse" in html
    assert "2 statements" in html and "Fills in the kept record" in html
    assert Person.objects.filter(pk=again.pk).exists()  # nothing moved yet

    done = reviewer_client.post(changelist, selected | {"apply": "1", "survivor": kit.pk})
    assert done.status_code == 302
    assert not Person.objects.filter(pk=again.pk).exists()
    assert kit.statements.count() == 2


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_only_reviewers_may_merge(client, editor, twins, role):
    if role == "editor":
        client.force_login(editor)
    changelist = reverse("admin:people_person_changelist")
    kit, again = twins["kit"], twins["again"]
    client.post(
        changelist,
        {
            "action": "merge_people",
            "_selected_action": [kit.pk, again.pk],
            "apply": "1",
            "survivor": kit.pk,
        },
    )
    assert Person.objects.filter(pk=again.pk).exists()
    assert again.statements.count() == 2


def test_merging_needs_exactly_two_people(reviewer_client, twins):
    changelist = reverse("admin:people_person_changelist")
    response = reviewer_client.post(
        changelist,
        {"action": "merge_people", "_selected_action": [twins["kit"].pk]},
        follow=True,
    )
    assert "Select exactly two people to merge." in response.content.decode()
