"""A backup holds the whole record and a restore puts back exactly that: every row of every table
(history, tags, the admin log, the search index included) and every media file byte for byte, on
SQLite and on PostgreSQL, onto a used database as onto a fresh one. Whatever could lose or mix up
a record is refused with a message saying why, and changes nothing."""

import io
import json
import os
import re
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import dj_database_url
import psycopg2
import pytest
from django.conf import settings as django_settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import ConnectionHandler
from taggit.models import Tag

from common import backups
from people.models import Person
from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://... (.ci/run does)",
)

# Bytes no text encoding would keep: a share card is a PNG.
CARD = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def table_contents(database: BaseDatabaseWrapper) -> dict[str, list[tuple]]:
    """Every row of every table the database has, Django's or not, in a stable order."""
    contents = {}
    with database.cursor() as cursor:
        for table in database.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {database.ops.quote_name(table)}")
            rows = [
                tuple(bytes(value) if isinstance(value, memoryview) else value for value in row)
                for row in cursor.fetchall()
            ]
            contents[table] = sorted(rows, key=repr)
    return contents


def media_contents(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def back_up(directory: Path) -> Path:
    out = io.StringIO()
    call_command("backup", "--directory", str(directory), stdout=out)
    (path,) = directory.glob("onrecord-*.tar.gz")
    assert str(path) in out.getvalue()
    return path


def restore(path: Path, *arguments: str) -> str:
    # pg_restore --clean replaces the tables under any connection left open.
    connections.close_all()
    out = io.StringIO()
    call_command("restore", str(path), *arguments, stdout=out)
    return out.getvalue()


def rewritten(path: Path, destination: Path, change_manifest) -> Path:
    """A copy of the archive whose manifest `change_manifest` has edited."""
    with tarfile.open(path, "r:gz") as source, tarfile.open(destination, "w:gz") as target:
        for member in source:
            content = source.extractfile(member).read()
            if member.name == backups.MANIFEST_NAME:
                manifest = json.loads(content)
                change_manifest(manifest)
                content = json.dumps(manifest).encode()
                member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    return destination


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def record(demo, media_root):
    """The demo record, plus a statement edited twice (three versions) with tags and an event,
    a user, an admin log entry and two media files."""
    editor = get_user_model().objects.create_user("backup-editor", password="not-used")
    statement = factories.statement(tags=["policing", "Backups"], events=[factories.event()])
    statement.context = "Said at a press conference."
    statement.save()
    statement.tags.add("archives")
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Statement),
        object_id=str(statement.pk),
        object_repr=str(statement),
        action_flag=ADDITION,
        change_message="Added.",
    )
    (media_root / "cards").mkdir(parents=True)
    (media_root / "cards" / f"statement-{statement.pk}.png").write_bytes(CARD)
    (media_root / "colophon.txt").write_text("Made by the newsroom.\n", encoding="utf-8")
    return statement


def test_a_round_trip_keeps_every_row_of_every_table_and_every_media_file(
    record, media_root, tmp_path
):
    before, files_before = table_contents(connection), media_contents(media_root)
    for table in (
        "statements_statement",
        "statements_historicalstatement",
        "people_historicalperson",
        "taggit_tag",
        "statements_taggedstatement",
        "statements_correction",
        "claims_claim",
        "django_admin_log",
        "auth_user",
    ):
        assert before[table], f"the test record should have rows in {table}"

    path = back_up(tmp_path / "backups")

    Statement.objects.filter(corrections__isnull=True).delete()
    Tag.objects.filter(name="policing").delete()
    Statement.history.filter(history_type="~").delete()
    Person.objects.filter(slug="kit-malthouse").update(name="Someone Else")
    factories.person(name="Stray Person")
    (media_root / "colophon.txt").unlink()
    (media_root / "cards" / f"statement-{record.pk}.png").write_bytes(b"overwritten")
    (media_root / "stray.txt").write_text("not in the backup", encoding="utf-8")
    assert table_contents(connection) != before

    output = restore(path, "--replace")

    assert table_contents(connection) == before
    assert media_contents(media_root) == files_before
    assert output.startswith("Restored ")
    assert "statements" in output and "history rows" in output
    assert output.strip().endswith("matches the manifest.")
    # The record goes on: new rows take new ids (PostgreSQL's sequences came back too).
    highest = Person.objects.order_by("-pk").values_list("pk", flat=True)[0]
    assert factories.person().pk > highest


def test_the_manifest_lists_every_table_the_migrations_and_every_media_file(
    record, media_root, tmp_path
):
    path = back_up(tmp_path / "backups")

    manifest = backups.read_manifest(path)
    assert manifest.engine == connection.vendor
    assert manifest.tables == {
        table: len(rows) for table, rows in table_contents(connection).items()
    }
    assert manifest.migrations["statements"] == max(
        name
        for name in os.listdir(Path(django_settings.BASE_DIR) / "statements" / "migrations")
        if re.match(r"\d{4}_.*\.py$", name)
    ).removesuffix(".py")
    card = f"cards/statement-{record.pk}.png"
    assert {item.path: item.size for item in manifest.media} == {
        card: len(CARD),
        "colophon.txt": len("Made by the newsroom.\n"),
    }
    assert len({item.sha256 for item in manifest.media}) == 2


def test_the_archive_is_named_by_the_utc_time_and_only_its_owner_may_read_it(record, tmp_path):
    started = datetime.now(UTC).replace(microsecond=0)
    path = back_up(tmp_path / "backups")
    finished = datetime.now(UTC)

    match = re.fullmatch(r"onrecord-(\d{4}-\d{2}-\d{2}T\d{6}Z)\.tar\.gz", path.name)
    assert match, path.name
    made = datetime.strptime(match[1], "%Y-%m-%dT%H%M%SZ").replace(tzinfo=UTC)
    assert started <= made <= finished
    assert backups.read_manifest(path).created_at == made.isoformat().replace("+00:00", "Z")
    assert path.stat().st_mode & 0o777 == 0o600
    assert [entry.name for entry in path.parent.iterdir()] == [path.name], "no partial left"


def test_a_second_backup_in_the_same_second_never_overwrites_the_first(
    record, tmp_path, monkeypatch
):
    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 12, 1, 17, 5, tzinfo=UTC)

    monkeypatch.setattr(backups, "datetime", FrozenClock)
    directory = tmp_path / "backups"
    first, _ = backups.backup(directory, tmp_path / "media")
    first_bytes = first.read_bytes()
    second, _ = backups.backup(directory, tmp_path / "media")

    assert first.name == "onrecord-2026-12-01T170500Z.tar.gz"
    assert second.name == "onrecord-2026-12-01T170500Z-2.tar.gz"
    assert first.read_bytes() == first_bytes


def test_a_missing_media_root_is_a_backup_without_files(record, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "never-made"
    path = back_up(tmp_path / "backups")
    assert backups.read_manifest(path).media == ()


def test_restore_refuses_a_database_that_holds_records_without_replace(
    record, media_root, tmp_path
):
    path = back_up(tmp_path / "backups")
    factories.person(name="Added After The Backup")
    (media_root / "colophon.txt").unlink()
    before, files_before = table_contents(connection), media_contents(media_root)

    with pytest.raises(CommandError, match="already hold .* run again with --replace"):
        restore(path)

    assert table_contents(connection) == before
    assert media_contents(media_root) == files_before


def test_restore_onto_a_migrated_empty_database_needs_no_replace(record, media_root, tmp_path):
    """A machine that has run `migrate` (so holds content types, permissions and the newsroom
    groups) but has no record yet takes the backup as it is."""
    before, files_before = table_contents(connection), media_contents(media_root)
    path = back_up(tmp_path / "backups")
    call_command("flush", interactive=False, verbosity=0)  # then post_migrate refills those
    for file in media_root.rglob("*"):
        if file.is_file():
            file.unlink()
    assert backups.records_held() == {}

    restore(path)

    assert table_contents(connection) == before
    assert media_contents(media_root) == files_before


def restore_in_a_fresh_process(path: Path, database_url: str, media_root: Path) -> str:
    """`manage.py restore` on a new machine: nothing but DATABASE_URL and MEDIA_ROOT set."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_REPLICA_URLS", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment |= {"DATABASE_URL": database_url, "MEDIA_ROOT": str(media_root)}
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(path)],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def contents_at(database_url: str) -> dict[str, list[tuple]]:
    """Every table's rows in another database, read the way Django reads the test database."""
    handler = ConnectionHandler({"default": dj_database_url.parse(database_url)})
    try:
        return table_contents(handler["default"])
    finally:
        handler.close_all()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite half of the pair")
def test_restore_onto_a_new_sqlite_file_on_a_fresh_machine(record, media_root, tmp_path):
    before, files_before = table_contents(connection), media_contents(media_root)
    path = back_up(tmp_path / "backups")
    fresh_url = f"sqlite:///{tmp_path / 'fresh' / 'db.sqlite3'}"
    (tmp_path / "fresh").mkdir()

    output = restore_in_a_fresh_process(path, fresh_url, tmp_path / "fresh" / "media")

    assert "matches the manifest" in output
    assert contents_at(fresh_url) == before
    assert media_contents(tmp_path / "fresh" / "media") == files_before


@pytest.fixture
def fresh_postgresql_database():
    """An empty PostgreSQL database beside the test database, dropped afterwards."""
    settings = connection.settings_dict
    name = f"{settings['NAME']}_fresh"
    server = psycopg2.connect(
        dbname="postgres",
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    )
    server.autocommit = True
    try:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        user = settings["USER"] or ""
        password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
        yield (f"postgres://{user}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}")
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        server.close()


@needs_postgresql
def test_restore_onto_a_new_postgresql_database_on_a_fresh_machine(
    record, media_root, tmp_path, fresh_postgresql_database
):
    before, files_before = table_contents(connection), media_contents(media_root)
    path = back_up(tmp_path / "backups")

    output = restore_in_a_fresh_process(path, fresh_postgresql_database, tmp_path / "fresh-media")

    assert "matches the manifest" in output
    assert contents_at(fresh_postgresql_database) == before
    assert media_contents(tmp_path / "fresh-media") == files_before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,text\n1,not an archive\n", "not an On Record backup, or it is damaged"),
        (None, "not an On Record backup: it has no manifest"),
        ("foreign-manifest", "not an On Record backup: its manifest is not"),
        ("truncated", "not an On Record backup, or it is damaged"),
    ],
    ids=["a spreadsheet", "another tarball", "another manifest", "a truncated backup"],
)
def test_a_file_that_is_not_a_whole_on_record_backup_is_refused_and_changes_nothing(
    record, media_root, tmp_path, content, message
):
    wrong = tmp_path / "wrong.tar.gz"
    if isinstance(content, bytes):
        wrong.write_bytes(content)
    elif content is None:
        with tarfile.open(wrong, "w:gz") as tar:
            tar.add(media_root / "colophon.txt", arcname="colophon.txt")
    elif content == "foreign-manifest":
        with tarfile.open(wrong, "w:gz") as tar:
            manifest = json.dumps({"format": "something-else"}).encode()
            info = tarfile.TarInfo(backups.MANIFEST_NAME)
            info.size = len(manifest)
            tar.addfile(info, io.BytesIO(manifest))
    else:
        whole = back_up(tmp_path / "backups").read_bytes()
        wrong.write_bytes(whole[: len(whole) // 2])
    before, files_before = table_contents(connection), media_contents(media_root)

    with pytest.raises(CommandError, match=message):
        restore(wrong, "--replace")

    assert table_contents(connection) == before
    assert media_contents(media_root) == files_before


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="No backup at .*nothing-here.tar.gz"):
        restore(tmp_path / "nothing-here.tar.gz")


def test_a_backup_of_the_other_engine_is_refused_saying_which(record, media_root, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

    def other_engine(manifest):
        manifest["engine"] = other

    path = rewritten(back_up(tmp_path / "backups"), tmp_path / "other.tar.gz", other_engine)
    before = table_contents(connection)

    with pytest.raises(CommandError) as refused:
        restore(path, "--replace")

    assert f"a backup of a {names[other]} database" in str(refused.value)
    assert f"the configured database is {names[connection.vendor]}" in str(refused.value)
    assert table_contents(connection) == before


def test_a_restore_that_does_not_match_its_manifest_fails_loudly(record, media_root, tmp_path):
    def one_statement_more(manifest):
        manifest["tables"]["statements_statement"] += 1

    tampered = tmp_path / "tampered.tar.gz"
    path = rewritten(back_up(tmp_path / "backups"), tampered, one_statement_more)

    with pytest.raises(CommandError, match="does not match .* statements_statement has"):
        restore(path, "--replace")


def test_a_damaged_media_file_in_the_archive_is_refused_before_anything_changes(
    record, media_root, tmp_path
):
    def wrong_checksum(manifest):
        manifest["media"][0]["sha256"] = "0" * 64

    path = rewritten(back_up(tmp_path / "backups"), tmp_path / "damaged.tar.gz", wrong_checksum)
    factories.person(name="Added After The Backup")
    before, files_before = table_contents(connection), media_contents(media_root)

    with pytest.raises(CommandError, match="is damaged"):
        restore(path, "--replace")

    assert table_contents(connection) == before
    assert media_contents(media_root) == files_before


@needs_postgresql
@pytest.mark.parametrize("program", ["pg_dump", "pg_restore"])
def test_without_the_postgresql_client_programs_the_commands_say_what_to_install(
    record, media_root, tmp_path, monkeypatch, program
):
    path = back_up(tmp_path / "backups") if program == "pg_restore" else None
    before = table_contents(connection)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))

    with pytest.raises(CommandError, match=f"{program} is not on PATH: install"):
        if path is None:
            back_up(tmp_path / "more-backups")
        else:
            restore(path, "--replace")

    assert table_contents(connection) == before
