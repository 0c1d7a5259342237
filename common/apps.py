from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CommonConfig(AppConfig):
    """Pieces every app uses (pagination, safe form fields, template tags, text helpers) and the
    newsroom's groups, kept in step with the code after every `migrate`."""

    name = "common"
    verbose_name = "Shared pieces"

    def ready(self) -> None:
        from .groups import sync_groups_after_migrate

        post_migrate.connect(sync_groups_after_migrate, sender=self)
