import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from events.models import Event
from people.models import Person, Role
from statements.models import Correction, Statement

pytestmark = pytest.mark.django_db

SEED = Path(settings.BASE_DIR) / "statements" / "demo" / "000_4e1cd2cae35460fe.txt"
SHARED_SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / SEED.name


def table_snapshot() -> dict:
    models = [Person, Role, Event, Statement, Statement.history.model, Statement.tags.through]
    return {
        model.__name__: sorted(
            tuple(str(value) for value in row) for row in model.objects.values_list()
        )
        for model in models
    }


def test_demo_loads_the_seven_statements_verbatim(demo):
    seed = settings.DEMO_SEED_PATH.read_text(encoding="utf-8")
    statements = list(Statement.objects.order_by("id"))
    assert [s.kind for s in statements] == [
        "partial",
        "partial",
        "reported",
        "direct",
        "reported",
        "direct",
        "direct",
    ]
    assert statements[0].text == (
        "Clashes between police and attendees of a vigil for Sarah Everard were “distressing” "
        "and “alarming”"
    )
    assert statements[5].text == "I recognise the police are in an incredible difficult position"
    multi_paragraph = statements[3].text.split("\n")
    assert len(multi_paragraph) == 4
    assert multi_paragraph[0].startswith("Along with everyone else")
    assert multi_paragraph[-1].endswith("in jeopardy and under threat.")
    assert not any(p.startswith(("“", '"')) for p in multi_paragraph)
    assert statements[6].text.count("\n") == 3
    for statement in statements:
        for paragraph in statement.text.split("\n"):
            assert paragraph in seed
        assert statement.speaker.slug == "kit-malthouse"
        assert statement.status == Statement.Status.PUBLISHED
        assert statement.said_on == datetime.date(2021, 3, 14)
        assert statement.role.title == "Minister of State for Crime and Policing"
        assert statement.source.outlet.name == "Sky News"
    assert statements[3].context == "Asked about the scenes at the vigil"


def test_demo_people_roles_and_events(demo):
    slugs = set(Person.objects.values_list("slug", flat=True))
    assert slugs == {
        "kit-malthouse",
        "cressida-dick",
        "priti-patel",
        "boris-johnson",
        "robert-buckland",
        "max-hill",
    }
    dick = Person.objects.get(slug="cressida-dick")
    assert [r.title for r in dick.roles_held_on(datetime.date(2021, 3, 14))] == [
        "Commissioner of Police of the Metropolis"
    ]
    assert list(dick.roles_held_on(datetime.date(2022, 4, 11))) == []
    vigil = Event.objects.get(slug="clapham-common-vigil")
    assert vigil.start_date == datetime.date(2021, 3, 13)
    assert {child.start_date for child in vigil.children.all()} == {
        datetime.date(2021, 3, 14),
        datetime.date(2021, 3, 15),
    }
    taskforce = vigil.children.get(start_date=datetime.date(2021, 3, 15))
    assert set(taskforce.participants.values_list("slug", flat=True)) == {
        "boris-johnson",
        "priti-patel",
        "robert-buckland",
        "cressida-dick",
        "max-hill",
    }


def test_second_run_adds_and_changes_nothing(demo):
    before = table_snapshot()
    call_command("load_demo", "--no-accounts", verbosity=0)
    assert table_snapshot() == before


def test_demo_accounts_are_refused_when_debug_is_off(settings, capsys):
    settings.DEBUG = False
    call_command("load_demo")
    assert not get_user_model().objects.exists()
    assert "DEBUG is off" in capsys.readouterr().err


def test_demo_accounts_are_created_for_local_use(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    users = {u.username: u for u in get_user_model().objects.all()}
    assert users["admin"].is_superuser
    assert users["reviewer"].has_perm("statements.publish_statement")
    assert not users["editor"].has_perm("statements.publish_statement")
    assert users["editor"].has_perm("statements.change_statement")


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="no shared seeds folder beside the project")
def test_bundled_seed_is_the_shared_seed():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_the_demo_record_holds_one_correction_shown_to_readers(client, demo):
    note = Correction.objects.public().get()
    assert note.kind == "correction" and note.changed_labels == ["words"]
    assert "incredibly difficult" in note.earlier_text
    assert "an incredible difficult position" in note.statement.text  # verbatim again
    page = client.get(note.statement.get_absolute_url()).content.decode()
    assert "This quote was corrected on" in page and "Earlier version:" in page
    assert note.statement.get_absolute_url() in client.get("/corrections/").content.decode()
    call_command("load_demo", "--no-accounts", verbosity=0)  # a reload adds nothing
    assert Correction.objects.count() == 1
