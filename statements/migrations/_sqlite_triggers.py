"""Django rebuilds a table on SQLite to change most of its constraints or columns ("create new,
copy, drop old, rename"). SQLite drops a table's triggers with it, and refuses the rename while
other tables' triggers name the table. So a migration that rebuilds statements_statement runs
`drop_statement_triggers` before and `restore_statement_triggers` after, and the full-text
index (0006) and the event links' copies (0007) keep following the statements.

Not a migration itself (the loader skips modules starting with "_").
"""

import importlib
import re

_TRIGGER_NAME = re.compile(r"CREATE TRIGGER (\w+)")


def _statement_triggers() -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER ...) of every trigger migrations 0006 and 0007 made on SQLite."""
    search = importlib.import_module("statements.migrations.0006_sqlite_statement_search")
    links = importlib.import_module("statements.migrations.0007_statement_event_said")
    triggers = []
    for sql in [*search.CREATE_SQL, *links.SQLITE]:
        name = _TRIGGER_NAME.search(sql)
        if name:
            triggers.append((name.group(1), sql))
    return triggers


def drop_statement_triggers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return  # PostgreSQL alters tables in place and keeps their triggers.
    for name, _ in _statement_triggers():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def restore_statement_triggers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    for name, sql in _statement_triggers():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute(sql)
