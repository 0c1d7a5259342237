"""Creates the Editors and Reviewers groups as they were when this migration was written.

A frozen copy, never the live `common/groups.py`: a migration must do the same thing on every
database, whenever it runs. Later changes to the groups reach every database through the
`post_migrate` sync in common/apps.py.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
REVIEWERS = "Reviewers"
EDITOR_PERMISSIONS = {
    ("people", "person"): ("view", "add", "change"),
    ("people", "othername"): ("view", "add", "change", "delete"),
    ("people", "personlink"): ("view", "add", "change", "delete"),
    ("people", "organization"): ("view", "add", "change"),
    ("people", "role"): ("view", "add", "change"),
    ("events", "event"): ("view", "add", "change"),
    ("events", "participation"): ("view", "add", "change", "delete"),
    ("statements", "source"): ("view", "add", "change"),
    ("statements", "statement"): ("view", "add", "change"),
    ("statements", "taggedstatement"): ("view", "add", "change", "delete"),
    ("taggit", "tag"): ("view", "add", "change"),
}
REVIEWER_EXTRA_PERMISSIONS = (("statements", "publish_statement"),)


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations run; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor_permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
        for (app_label, model), actions in EDITOR_PERMISSIONS.items()
        for action in actions
    ]
    reviewer_permissions = editor_permissions + [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in REVIEWER_EXTRA_PERMISSIONS
    ]
    for name, permissions in ((EDITORS, editor_permissions), (REVIEWERS, reviewer_permissions)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("people", "0001_initial"),
        ("events", "0001_initial"),
        ("statements", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
