"""Write one dated archive of the database and the media files (README, "Backups")."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from common import backups


class Command(BaseCommand):
    help = (
        "Back up the database and the media files into one archive named by the UTC time, "
        "e.g. backups/onrecord-2026-12-01T170500Z.tar.gz. Safe while the site serves."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=Path("backups"),
            help="Where to write the archive (created if missing; default: backups).",
        )

    def handle(self, *args: Any, directory: Path, **options: Any) -> None:
        try:
            path, manifest = backups.backup(directory, Path(settings.MEDIA_ROOT))
        except (backups.BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        except DatabaseError as error:
            raise CommandError(
                f"Backup failed: the configured database cannot be used: {error}"
            ) from error
        size = path.stat().st_size
        described = backups.describe(manifest.tables, len(manifest.media))
        self.stdout.write(f"Backed up {described} to {path} ({size:,} bytes).")
