from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.urls import register_converter


class CommonConfig(AppConfig):
    """Pieces every app uses (pagination, safe form fields, template tags, text helpers) and the
    newsroom's groups, kept in step with the code after every `migrate`."""

    name = "common"
    verbose_name = "Shared pieces"

    def ready(self) -> None:
        from .exports import ExportFormatConverter
        from .groups import sync_groups_after_migrate

        post_migrate.connect(sync_groups_after_migrate, sender=self)
        # For every app's download routes: `<export_format:format>` is csv or json.
        register_converter(ExportFormatConverter, "export_format")
