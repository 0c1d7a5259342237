"""Gives the Reviewers group the new permission to publish verdicts, and Editors what they need
to write claims and propose verdicts. A frozen copy of what held when this was written (see
statements/migrations/0002_newsroom_groups.py); later changes reach databases through the
post_migrate sync of common/groups.py."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
REVIEWERS = "Reviewers"
EDITOR_PERMISSIONS = {
    "claim": ("view", "add", "change"),
    "taggedclaim": ("view", "add", "change", "delete"),
    "verdict": ("view", "add", "change"),
    "proposition": ("view", "add", "change"),
    "stance": ("view", "add", "change", "delete"),
}
REVIEWER_EXTRA_PERMISSIONS = ("publish_verdict",)


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations run; the groups need them now.
    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    claims = Permission.objects.filter(content_type__app_label="claims")
    editing = [
        claims.get(codename=f"{a}_{m}")
        for m, actions in EDITOR_PERMISSIONS.items()
        for a in actions
    ]
    publishing = [claims.get(codename=c) for c in REVIEWER_EXTRA_PERMISSIONS]
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    editors.permissions.add(*editing)
    reviewers.permissions.add(*editing, *publishing)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    claims = Permission.objects.filter(content_type__app_label="claims")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]):
        group.permissions.remove(*claims)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("statements", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
