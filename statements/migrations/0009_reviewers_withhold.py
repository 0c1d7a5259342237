"""Gives the Reviewers group the new permission to withhold statements, and both groups the
view of the record's notes (corrections). A frozen copy of what held when this was written
(see 0002_newsroom_groups.py); later changes reach databases through the post_migrate sync
of common/groups.py.

On PostgreSQL it also makes sure pg_trgm is there: the duplicate check ranks candidates by
its `similarity` (statements/duplicates.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
REVIEWERS = "Reviewers"


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations run; the groups need them now.
    app_config = apps.get_app_config("statements")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    statements = Permission.objects.filter(content_type__app_label="statements")
    view_notes = statements.get(codename="view_correction")
    withhold = statements.get(codename="withhold_statement")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    editors.permissions.add(view_notes)
    reviewers.permissions.add(view_notes, withhold)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    added = Permission.objects.filter(
        content_type__app_label="statements",
        codename__in=["view_correction", "withhold_statement"],
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]):
        group.permissions.remove(*added)


def trigram_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("statements", "0008_editorial_workflow")]

    operations = [
        migrations.RunPython(grant, revoke),
        # Left in place on the way back: other apps' indexes may use it (claims 0003).
        migrations.RunPython(trigram_extension, migrations.RunPython.noop),
    ]
