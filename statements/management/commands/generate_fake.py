"""Fill an empty database with realistic fake data for benchmarks (statements/fakedata/)."""

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS
from tqdm import tqdm  # type: ignore[import-untyped]

from statements.fakedata.generator import DatabaseNotEmpty, Report, generate
from statements.fakedata.shapes import Sizes


def count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


class Command(BaseCommand):
    help = (
        "Fill an empty database with fake people, organisations, roles, events, sources, tags "
        "and statements shaped like a newsroom's record (1,000,000 statements by 20,000 people "
        "by default). The same seed and sizes always give the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=positive, default=20_000)
        parser.add_argument("--statements", type=count, default=1_000_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--batch-size", type=positive, default=10_000, help="Rows per COPY or INSERT."
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args: Any, **options: Any) -> None:
        sizes = Sizes(people=options["people"], statements=options["statements"])
        verbosity = options["verbosity"]
        # On a terminal only (disable=None), and never at verbosity 0.
        with tqdm(
            total=sizes.statements,
            desc="statements",
            unit=" statements",
            unit_scale=True,
            disable=None if verbosity else True,
        ) as bar:
            try:
                report = generate(
                    sizes,
                    options["seed"],
                    using=options["database"],
                    batch_size=options["batch_size"],
                    on_statements=bar.update,
                    on_phase=bar.set_description_str,
                )
            except DatabaseNotEmpty as error:
                raise CommandError(str(error)) from error
        if verbosity:
            self.stdout.write(summary(report))


def summary(report: Report) -> str:
    rows = ", ".join(f"{n:,} {name}" for name, n in report.rows.items())
    phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.phases.items())
    return (
        f"Generated in {report.seconds:.1f} s ({report.statements_per_second:,.0f} statements/s"
        f" overall): {rows}.\nPhases: {phases}."
    )
