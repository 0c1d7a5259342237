"""The newsroom's two groups and what each may do, defined once, for every app.

After every `migrate` the groups are brought to exactly these permissions (`post_migrate`, see
common/apps.py), so a permission added here reaches existing databases as well as fresh ones.
Migrations never import this module: they keep a frozen copy of what held when they were written.
"""

import logging
from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

logger = logging.getLogger(__name__)

EDITORS = "Editors"
REVIEWERS = "Reviewers"

# (app_label, model) -> actions editors may take. No deletes of people or sources: what statements
# rest on is corrected, never removed. Inline rows (other names, links, participations) may go.
EDITOR_PERMISSIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("people", "person"): ("view", "add", "change"),
    ("people", "othername"): ("view", "add", "change", "delete"),
    ("people", "personlink"): ("view", "add", "change", "delete"),
    ("people", "organization"): ("view", "add", "change"),
    ("people", "role"): ("view", "add", "change"),
    ("events", "event"): ("view", "add", "change"),
    ("events", "participation"): ("view", "add", "change", "delete"),
    ("statements", "source"): ("view", "add", "change"),
    # Editors change drafts and statements in review; what the public has seen is a
    # reviewer's to change (StatementAdmin.has_change_permission).
    ("statements", "statement"): ("view", "add", "change"),
    # The record's notes about itself are written by the workflow, never by hand.
    ("statements", "correction"): ("view",),
    ("statements", "taggedstatement"): ("view", "add", "change", "delete"),
    ("taggit", "tag"): ("view", "add", "change"),
    # Editors write claims and propose verdicts; publishing a verdict is a reviewer's.
    ("claims", "claim"): ("view", "add", "change"),
    ("claims", "taggedclaim"): ("view", "add", "change", "delete"),
    ("claims", "verdict"): ("view", "add", "change"),
    ("claims", "proposition"): ("view", "add", "change"),
    ("claims", "stance"): ("view", "add", "change", "delete"),
}

REVIEWER_EXTRA_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("statements", "publish_statement"),
    ("statements", "withhold_statement"),
    # A merge moves published statements to another speaker: a reviewer's decision.
    ("people", "merge_person"),
    ("claims", "publish_verdict"),
)


def sync_newsroom_groups(group_model: Any, permission_model: Any, using: str = "default") -> None:
    """Create or update the Editors and Reviewers groups with exactly their permissions.

    Takes the model classes so it runs on historical models too. Raises `DoesNotExist` when a
    permission named here is not in the database.
    """
    editor_permissions = [
        permission_model.objects.db_manager(using).get(
            content_type__app_label=app_label, codename=f"{action}_{model}"
        )
        for (app_label, model), actions in EDITOR_PERMISSIONS.items()
        for action in actions
    ]
    reviewer_permissions = editor_permissions + [
        permission_model.objects.db_manager(using).get(
            content_type__app_label=app_label, codename=codename
        )
        for app_label, codename in REVIEWER_EXTRA_PERMISSIONS
    ]
    for name, permissions in ((EDITORS, editor_permissions), (REVIEWERS, reviewer_permissions)):
        group, _ = group_model.objects.db_manager(using).get_or_create(name=name)
        group.permissions.set(permissions)


def sync_groups_after_migrate(
    sender: Any, apps: Any = global_apps, using: str = "default", **kwargs: Any
) -> None:
    """`post_migrate` handler: every app's permissions exist, then the groups get exactly theirs.

    Skipped, with a warning, when the database is migrated back past a model the groups name.
    """
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    try:
        sync_newsroom_groups(group_model, permission_model, using)
    except permission_model.DoesNotExist:
        logger.warning("Newsroom groups not synced: a permission they need does not exist yet.")
