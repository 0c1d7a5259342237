"""Restore a backup written by `manage.py backup` and prove it whole (README, "Backups")."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from common import backups


class Command(BaseCommand):
    help = (
        "Restore the database and the media files from a backup archive, then check every "
        "table's row count and every file's sha256 against its manifest. Refuses a database or "
        "MEDIA_ROOT that already holds records unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive, e.g. backups/onrecord-….tar.gz")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace whatever the database and MEDIA_ROOT hold with the backup's.",
        )

    def handle(self, *args: Any, file: Path, replace: bool, **options: Any) -> None:
        try:
            manifest = backups.restore(file, Path(settings.MEDIA_ROOT), replace=replace)
            pending, unknown = backups.migration_drift()
        except (backups.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(f"The configured database cannot be used: {error}") from error
        if options["verbosity"] >= 2:
            for table, rows in manifest.tables.items():
                self.stdout.write(f"  {table}: {rows:,} rows")
        described = backups.describe(manifest.tables, len(manifest.media))
        self.stdout.write(
            f"Restored {described} from {file} (made {manifest.created_at}): matches the manifest."
        )
        if pending:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup predates {len(pending)} of this code's migrations: run "
                    "`python manage.py migrate` (`make serve` does) before serving."
                )
            )
        if unknown:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup was made by a newer On Record (migrations this code lacks: "
                    f"{', '.join(unknown[:5])}): deploy that version to serve it."
                )
            )
