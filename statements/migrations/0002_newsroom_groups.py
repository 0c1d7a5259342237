from django.contrib.auth.management import create_permissions
from django.db import migrations

from statements.groups import sync_newsroom_groups


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations run; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    sync_newsroom_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_groups(apps, schema_editor):
    from statements.groups import EDITORS, REVIEWERS

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
