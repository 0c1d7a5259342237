"""The newsroom's groups follow the code on every database, fresh or long-lived."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from common import groups

pytestmark = pytest.mark.django_db


def codenames(group_name: str) -> set[str]:
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_a_fresh_database_has_both_groups_with_their_permissions():
    assert "publish_statement" in codenames(groups.REVIEWERS)
    assert "publish_statement" not in codenames(groups.EDITORS)
    assert {"add_statement", "change_statement", "view_statement"} <= codenames(groups.EDITORS)
    assert "delete_person" not in codenames(groups.EDITORS)


def test_a_permission_added_to_the_code_reaches_an_existing_database_at_the_next_migrate(
    monkeypatch,
):
    wider = dict(groups.EDITOR_PERMISSIONS)
    wider[("statements", "source")] = (*wider[("statements", "source")], "delete")
    monkeypatch.setattr(groups, "EDITOR_PERMISSIONS", wider)

    call_command("migrate", verbosity=0, interactive=False)

    assert "delete_source" in codenames(groups.EDITORS)
    assert "delete_source" in codenames(groups.REVIEWERS)


def test_a_permission_granted_by_hand_is_taken_back_at_the_next_migrate():
    editors = Group.objects.get(name=groups.EDITORS)
    editors.permissions.add(
        *Group.objects.get(name=groups.REVIEWERS).permissions.filter(codename="publish_statement")
    )

    call_command("migrate", verbosity=0, interactive=False)

    assert "publish_statement" not in codenames(groups.EDITORS)


def test_migrations_keep_their_own_copy_of_the_groups():
    from pathlib import Path

    migrations = Path(groups.__file__).resolve().parents[1].glob("*/migrations/*.py")
    for migration in migrations:
        assert "common.groups" not in migration.read_text(encoding="utf-8"), migration
