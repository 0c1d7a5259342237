"""Fill an empty database with fake records: the entry point of `manage.py generate_fake`."""

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from .loading import Loader, loader_for
from .records import BUILDERS, MODELS, STATEMENTS, Record, Row, Table, World
from .shapes import Sizes


class DatabaseNotEmpty(Exception):
    """The tables the generator fills already hold rows."""


@dataclass
class Report:
    """What a run wrote, and how long it and each of its phases took."""

    sizes: Sizes
    rows: Counter[str] = field(default_factory=Counter)  # by verbose name plural
    phases: dict[str, float] = field(default_factory=dict)  # seconds, in the order they ran
    seconds: float = 0.0

    @property
    def statements_per_second(self) -> float:
        return self.sizes.statements / self.seconds if self.seconds else 0.0


def generate(
    sizes: Sizes,
    seed: int,
    *,
    using: str = DEFAULT_DB_ALIAS,
    batch_size: int = 10_000,
    on_statements: Callable[[int], object] | None = None,
    on_phase: Callable[[str], object] | None = None,
) -> Report:
    """Write the records of `sizes` made from `seed` into the empty database `using`, in one
    transaction. `on_statements(n)` is told as each batch of n statements is written,
    `on_phase(name)` as each phase begins."""
    connection = connections[using]
    refuse_filled(using)
    report = Report(sizes)
    started = time.perf_counter()

    @contextmanager
    def phase(name: str) -> Iterator[None]:
        if on_phase:
            on_phase(name)
        phase_started = time.perf_counter()
        try:
            yield
        finally:
            report.phases[name] = time.perf_counter() - phase_started

    world = World(sizes, seed)
    loader = loader_for(connection, phase)
    with transaction.atomic(using=using):
        with loader.bulk_load():
            for builder in BUILDERS:
                with phase(builder.__name__.replace("_", " ")):
                    written = write(builder(world), loader, batch_size, on_statements)
                for table, count in written.items():
                    report.rows[str(MODELS[table]._meta.verbose_name_plural)] += count
        loader.reset_sequences(MODELS.values())
    with phase("analyze"):
        loader.analyze(MODELS)
    report.seconds = time.perf_counter() - started
    return report


def write(
    records: Iterator[Record],
    loader: Loader,
    batch_size: int,
    on_statements: Callable[[int], object] | None,
) -> Counter[Table]:
    """Write `records` table by table in batches of `batch_size` rows; count them."""
    written: Counter[Table] = Counter()
    batches: dict[Table, list[Row]] = {}

    def flush(table: Table, rows: list[Row]) -> None:
        loader.write(table, rows)
        written[table] += len(rows)
        if table == STATEMENTS and on_statements:
            on_statements(len(rows))

    for table, row in records:
        rows = batches.get(table)
        if rows is None:
            rows = batches[table] = []
        rows.append(row)
        if len(rows) >= batch_size:
            flush(table, rows)
            batches[table] = []
    for table, rows in batches.items():
        if rows:
            flush(table, rows)
    return written


def refuse_filled(using: str) -> None:
    filled = [
        str(model._meta.verbose_name_plural)
        for model in MODELS.values()
        if model._default_manager.using(using).exists()
    ]
    if filled:
        raise DatabaseNotEmpty(
            f"The database already holds {', '.join(filled)}. generate_fake fills an empty "
            "database: use a new one (createdb, then migrate) or empty this one (flush)."
        )
