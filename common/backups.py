"""Backups of the whole record in one dated archive, and their restore.

An archive, `onrecord-2026-12-01T170500Z.tar.gz` (the UTC time it was made), holds:

- the database: `database.pgdump` (`pg_dump --format=custom`) on PostgreSQL, `database.sqlite3`
  (SQLite's online backup API) on SQLite, both read from one consistent snapshot while the site
  keeps serving;
- `media/`: every file under MEDIA_ROOT;
- `manifest.json`: when it was made, the engine, the latest migration of each app, the row count
  of every table (read in the dump's own snapshot) and every media file's path, size and sha256.

A restore reads the whole archive and checks it before it touches anything, replaces the
database in one step (`pg_restore --single-transaction`, or the backup API the other way), puts
the media files back, then compares every table's row count and every file's sha256 with the
manifest.
"""

import gzip
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "onrecord-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MEDIA_DIRECTORY = "media"
# What each engine's database file is called inside the archive.
DATABASE_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
# Model tables `migrate` fills by itself (the newsroom groups are synced after every migrate):
# a database holding rows only in these is as fresh as a new one.
FILLED_BY_MIGRATE = frozenset(
    {"django_content_type", "auth_permission", "auth_group", "auth_group_permissions"}
)
CHUNK = 1024 * 1024
# The records a summary line names, by model label (strings: this package imports no app).
HEADLINES = ("statements.Statement", "people.Person", "events.Event", "claims.Claim", "taggit.Tag")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message tells the operator why."""


@dataclass(frozen=True)
class MediaFile:
    path: str  # relative to MEDIA_ROOT, with forward slashes
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What a backup holds, so a restore can prove it put all of it back."""

    created_at: str  # ISO 8601, UTC
    engine: str  # the connection's vendor: "postgresql" or "sqlite"
    migrations: dict[str, str]  # app label -> its latest applied migration
    tables: dict[str, int]  # every table -> its row count
    media: tuple[MediaFile, ...]

    @property
    def database_name(self) -> str:
        return DATABASE_NAMES[self.engine]

    def to_json(self) -> str:
        content = {"format": FORMAT, "version": FORMAT_VERSION} | asdict(self)
        return json.dumps(content, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        """Raises BackupError unless `text` is an On Record manifest this code can read."""
        try:
            content = json.loads(text)
            if content.get("format") != FORMAT:
                raise BackupError("its manifest is not an On Record backup's")
            if content.get("version") != FORMAT_VERSION:
                raise BackupError(f"it is a version {content.get('version')} backup")
            manifest = cls(
                created_at=str(content["created_at"]),
                engine=str(content["engine"]),
                migrations={str(app): str(name) for app, name in content["migrations"].items()},
                tables={str(table): int(rows) for table, rows in content["tables"].items()},
                media=tuple(
                    MediaFile(str(item["path"]), int(item["size"]), str(item["sha256"]))
                    for item in content["media"]
                ),
            )
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise BackupError(f"its manifest cannot be read ({error!r})") from error
        if manifest.engine not in DATABASE_NAMES:
            raise BackupError(f"its database engine {manifest.engine!r} is not one On Record has")
        for item in manifest.media:
            safe_relative_path(item.path)
        return manifest


def safe_relative_path(path: str) -> PurePosixPath:
    """A media path that stays inside MEDIA_ROOT; raises BackupError for any other."""
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or "\\" in path or not relative.parts:
        raise BackupError(f"its manifest names a media file outside MEDIA_ROOT: {path!r}")
    return relative


def engine_name(vendor: str) -> str:
    return ENGINE_NAMES.get(vendor, vendor)


def supported(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor not in DATABASE_NAMES:
        raise BackupError(
            f"Backups handle PostgreSQL and SQLite; the configured database is {connection.vendor}."
        )


# Reading the database.


def row_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Every table's row count, Django's or not (history, tags, the search index). One query
    per table."""
    connection = connections[using]
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def records_held(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """The model tables holding rows `migrate` did not write itself: empty on a fresh database.
    One query per table."""
    connection = connections[using]
    tables = set(connection.introspection.django_table_names(only_existing=True))
    counts = row_counts(using)
    return {
        table: rows
        for table, rows in counts.items()
        if rows and table in tables and table not in FILLED_BY_MIGRATE
    }


def latest_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, str]:
    """Each app's latest applied migration, by name (they are numbered)."""
    applied = MigrationRecorder(connections[using]).applied_migrations()
    return {app: name for app, name in sorted(applied)}


def migration_drift(using: str = DEFAULT_DB_ALIAS) -> tuple[list[str], list[str]]:
    """The migrations this code has that the database lacks, and those the database has that
    this code lacks (it was made by a newer version)."""
    executor = MigrationExecutor(connections[using])
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    unknown = sorted(set(executor.loader.applied_migrations) - set(executor.loader.graph.nodes))
    return (
        [f"{migration.app_label}.{migration.name}" for migration, _ in pending],
        [f"{app}.{name}" for app, name in unknown],
    )


@contextmanager
def snapshot(using: str = DEFAULT_DB_ALIAS) -> Iterator[str | None]:
    """One consistent view of the database for the counts and the dump, however much the site
    writes meanwhile: on PostgreSQL a REPEATABLE READ transaction whose snapshot pg_dump joins
    (its id is yielded), on SQLite a read transaction the backup API copies from."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            yield cursor.fetchone()[0]
        else:
            yield None


def postgresql_command(
    program: str, connection: BaseDatabaseWrapper, arguments: list[str]
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run `program` (pg_dump, pg_restore) against the
    connection's database: the password and TLS settings go through the environment, as psql's
    do in `manage.py dbshell`."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} is not on PATH: install PostgreSQL's client programs, of the server's "
            "major version or newer (on Debian: apt-get install postgresql-client)."
        )
    settings = connection.settings_dict
    if not settings["NAME"]:
        raise BackupError("The configured PostgreSQL database has no name (DATABASE_URL).")
    _, environment = connection.client.settings_to_cmd_args_env(settings, [])
    command = [executable, *arguments, "--dbname", settings["NAME"]]
    if settings["USER"]:
        command += ["--username", settings["USER"]]
    if settings["HOST"]:
        command += ["--host", settings["HOST"]]
    if settings["PORT"]:
        command += ["--port", str(settings["PORT"])]
    return command, os.environ | {key: str(value) for key, value in (environment or {}).items()}


def run(command: list[str], environment: dict[str, str]) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        program = Path(command[0]).name
        raise BackupError(f"{program} failed (exit {result.returncode}): {result.stderr.strip()}")


# Media files.


class HashingReader:
    """Reads a file for the archive and hashes what it read, so the manifest's sha256 is of the
    very bytes archived."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size: int = -1, /) -> bytes:
        chunk = self.file.read(size)
        self.digest.update(chunk)
        return chunk


def media_paths(media_root: Path) -> list[Path]:
    """Every file under `media_root`, sorted; none when it does not exist."""
    if not media_root.is_dir():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def archive_media(tar: tarfile.TarFile, media_root: Path) -> tuple[MediaFile, ...]:
    files = []
    for path in media_paths(media_root):
        relative = path.relative_to(media_root).as_posix()
        with path.open("rb") as file:
            info = tar.gettarinfo(arcname=f"{MEDIA_DIRECTORY}/{relative}", fileobj=file)
            reader = HashingReader(file)
            try:
                tar.addfile(info, reader)
            except OSError as error:
                raise BackupError(
                    f"The media file {relative} changed while it was archived ({error}): "
                    "run the backup again."
                ) from error
        files.append(MediaFile(relative, info.size, reader.digest.hexdigest()))
    return tuple(files)


# Backing up.


def archive_name(created_at: datetime) -> str:
    return f"onrecord-{created_at:%Y-%m-%dT%H%M%S}Z.tar.gz"


def place_without_overwriting(partial: Path, directory: Path, name: str) -> Path:
    """Link the finished archive under its dated name, or, if a backup made in the same second
    has it, under "<name>-2", "-3", ...; an existing file is never replaced."""
    stem = name.removesuffix(".tar.gz")
    candidate, n = directory / name, 2
    while True:
        try:
            os.link(partial, candidate)
            return candidate
        except FileExistsError:
            candidate, n = directory / f"{stem}-{n}.tar.gz", n + 1


def backup(
    directory: Path, media_root: Path, using: str = DEFAULT_DB_ALIAS
) -> tuple[Path, Manifest]:
    """Write one archive of the database and the media files into `directory`; returns its
    path and manifest. Safe while the site serves: the database is read from one snapshot.
    Nothing appears under the archive's name until the archive is complete."""
    connection = connections[using]
    supported(connection)
    directory.mkdir(parents=True, exist_ok=True)
    created_at = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix=".onrecord-partial-", dir=directory) as staging:
        database_file = Path(staging) / DATABASE_NAMES[connection.vendor]
        with snapshot(using) as snapshot_id:
            tables = row_counts(using)
            migrations = latest_migrations(using)
            if connection.vendor == "postgresql":
                command, environment = postgresql_command(
                    "pg_dump",
                    connection,
                    ["--format=custom", f"--snapshot={snapshot_id}", f"--file={database_file}"],
                )
                run(command, environment)
            else:
                target = sqlite3.connect(database_file)
                try:
                    connection.connection.backup(target)
                finally:
                    target.close()
        partial = Path(staging) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            tar.add(database_file, arcname=database_file.name)
            media = archive_media(tar, media_root)
            manifest = Manifest(
                created_at=created_at.isoformat().replace("+00:00", "Z"),
                engine=connection.vendor,
                migrations=migrations,
                tables=tables,
                media=media,
            )
            content = manifest.to_json().encode()
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size, info.mtime, info.mode = len(content), int(created_at.timestamp()), 0o600
            tar.addfile(info, io.BytesIO(content))
        # It holds password hashes and sessions: for the operator's eyes only.
        partial.chmod(0o600)
        path = place_without_overwriting(partial, directory, archive_name(created_at))
    return path, manifest


# Restoring.


@contextmanager
def opened_archive(path: Path) -> Iterator[tuple[tarfile.TarFile, Manifest]]:
    """The archive and its manifest; raises BackupError for a missing, damaged or foreign
    file."""
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    try:
        with tarfile.open(path, "r:gz") as tar:
            try:
                member = tar.getmember(MANIFEST_NAME)
            except KeyError:
                raise BackupError(
                    f"{path} is not an On Record backup: it has no manifest."
                ) from None
            file = tar.extractfile(member)
            if file is None:
                raise BackupError(f"{path} is not an On Record backup: its manifest is no file.")
            try:
                manifest = Manifest.from_json(file.read().decode())
            except UnicodeDecodeError as error:
                raise BackupError(f"{path} is not an On Record backup: {error}") from error
            except BackupError as error:
                raise BackupError(f"{path} is not an On Record backup: {error}.") from error
            yield tar, manifest
    except (tarfile.TarError, gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise BackupError(
            f"{path} is not an On Record backup, or it is damaged: {error}"
        ) from error


def read_manifest(path: Path) -> Manifest:
    with opened_archive(path) as (_, manifest):
        return manifest


def refuse_to_overwrite(media_root: Path, using: str = DEFAULT_DB_ALIAS) -> None:
    """Raises BackupError when the database or MEDIA_ROOT already holds something."""
    held = records_held(using)
    files = media_paths(media_root)
    if held or files:
        raise BackupError(
            f"Not restored: the database and {media_root} already hold "
            f"{describe(held, len(files))}. Restoring replaces all of it with the backup's: "
            "run again with --replace to do that."
        )


def extract(
    tar: tarfile.TarFile, manifest: Manifest, staging: Path
) -> tuple[Path, dict[str, Path]]:
    """Copy the database file and the media files out of the archive into `staging`, checking
    every file against the manifest; returns the database file and each media file's copy."""
    expected = {item.path: item for item in manifest.media}
    database_file: Path | None = None
    media: dict[str, Path] = {}
    for member in tar:
        if member.name == manifest.database_name and member.isfile():
            database_file = staging / member.name
            _copy_member(tar, member, database_file)
        elif member.name.startswith(f"{MEDIA_DIRECTORY}/") and member.isfile():
            relative = member.name.removeprefix(f"{MEDIA_DIRECTORY}/")
            item = expected.get(relative)
            if item is None:
                raise BackupError(f"The archive holds a media file its manifest lacks: {relative}")
            copy = staging / MEDIA_DIRECTORY / safe_relative_path(relative)
            digest = _copy_member(tar, member, copy)
            if digest != item.sha256:
                raise BackupError(f"The archive's copy of {relative} is damaged (sha256 differs).")
            media[relative] = copy
    if database_file is None:
        raise BackupError(f"The archive has no {manifest.database_name}.")
    missing = sorted(set(expected) - set(media))
    if missing:
        raise BackupError(f"The archive lacks media files its manifest lists: {missing[:5]}")
    return database_file, media


def _copy_member(tar: tarfile.TarFile, member: tarfile.TarInfo, destination: Path) -> str:
    source = tar.extractfile(member)
    if source is None:
        raise BackupError(f"The archive's {member.name} cannot be read.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with destination.open("wb") as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            target.write(chunk)
    return digest.hexdigest()


def restore_database(database_file: Path, engine: str, using: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the whole database with the archived one, in one step: a failure leaves the
    database as it was."""
    connection = connections[using]
    if engine == "postgresql":
        command, environment = postgresql_command(
            "pg_restore",
            connection,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"],
        )
        # pg_restore drops the tables this connection may hold open.
        connection.close()
        run([*command, str(database_file)], environment)
        return
    source = sqlite3.connect(database_file)
    try:
        check = source.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"The archived SQLite database is damaged: {check}")
        connection.ensure_connection()
        source.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not restore the database: {error}") from error
    finally:
        source.close()


def restore_media(media: dict[str, Path], media_root: Path) -> None:
    """Put the archived files under MEDIA_ROOT and remove those the backup did not have."""
    for path in media_paths(media_root):
        if path.relative_to(media_root).as_posix() not in media:
            path.unlink()
    for relative, copy in media.items():
        destination = media_root / safe_relative_path(relative)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(copy, destination)


def mismatches(manifest: Manifest, media_root: Path, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """How the database and MEDIA_ROOT differ from what the manifest says they held; empty when
    they match. One query per table; reads every media file."""
    found = []
    counts = row_counts(using)
    for table, rows in manifest.tables.items():
        if table not in counts:
            found.append(f"table {table} is missing (the backup had {rows} rows)")
        elif counts[table] != rows:
            found.append(f"table {table} has {counts[table]} rows, the backup had {rows}")
    found += [f"table {table} is not in the backup" for table in counts.keys() - manifest.tables]
    expected = {item.path: item for item in manifest.media}
    for item in manifest.media:
        path = media_root / safe_relative_path(item.path)
        if not path.is_file():
            found.append(f"media file {item.path} is missing")
        elif sha256_of(path) != item.sha256:
            found.append(f"media file {item.path} differs from the backup's")
    for path in media_paths(media_root):
        relative = path.relative_to(media_root).as_posix()
        if relative not in expected:
            found.append(f"media file {relative} is not in the backup")
    return found


def restore(
    path: Path, media_root: Path, *, replace: bool, using: str = DEFAULT_DB_ALIAS
) -> Manifest:
    """Restore the archive at `path` into the database and `media_root`, then prove it: raises
    BackupError if anything differs from the manifest. Refuses, changing nothing, a database or
    MEDIA_ROOT that holds anything unless `replace`, and any archive that fails its checks."""
    connection = connections[using]
    supported(connection)
    with opened_archive(path) as (tar, manifest):
        if manifest.engine != connection.vendor:
            raise BackupError(
                f"{path} is a backup of a {engine_name(manifest.engine)} database; the "
                f"configured database is {engine_name(connection.vendor)}. Point DATABASE_URL "
                f"at a {engine_name(manifest.engine)} database to restore it."
            )
        if not replace:
            refuse_to_overwrite(media_root, using)
        media_root.mkdir(parents=True, exist_ok=True)
        # Staged beside MEDIA_ROOT, so the files move into place without a second copy.
        with tempfile.TemporaryDirectory(
            prefix=".onrecord-restore-", dir=media_root.parent
        ) as staging:
            database_file, media = extract(tar, manifest, Path(staging))
            restore_database(database_file, manifest.engine, using)
            restore_media(media, media_root)
    found = mismatches(manifest, media_root, using)
    if found:
        more = f"; and {len(found) - 10} more" if len(found) > 10 else ""
        listed = "; ".join(found[:10]) + more
        raise BackupError(f"The restored record does not match the backup's manifest: {listed}")
    return manifest


def describe(tables: dict[str, int], media_files: int) -> str:
    """A line such as "12 statements, 4 people, …, 80 history rows and 2 media files (1,234 rows
    in 58 tables)": the records an editor counts first, then everything."""
    parts = []
    for label in HEADLINES:
        try:
            options = apps.get_model(label)._meta
        except LookupError:
            continue
        rows = tables.get(options.db_table, 0)
        name = options.verbose_name if rows == 1 else options.verbose_name_plural
        parts.append(f"{rows:,} {name}")
    history = sum(rows for table, rows in tables.items() if "_historical" in table)
    parts.append(f"{history:,} history rows")
    files = f"{media_files} media file" + ("" if media_files == 1 else "s")
    return f"{', '.join(parts)} and {files} ({sum(tables.values()):,} rows in {len(tables)} tables)"
