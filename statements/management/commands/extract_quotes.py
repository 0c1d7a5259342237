"""Print the quotes the extractor finds in an article file, as JSON or as text."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from statements.extraction import extract
from statements.importing import article_text_problem, extract_from_record


class Command(BaseCommand):
    help = (
        "Find the quotes in a UTF-8 article file, attributed with the people and organisations "
        "on record when there are any."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args: Any, path: Path, format: str, **options: Any) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text: {error}") from error
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        if problem := article_text_problem(text):
            raise CommandError(problem)

        try:
            candidates = extract_from_record(text)
        except DatabaseError as error:
            # A machine without a migrated database can still read an article.
            self.stderr.write(f"No people on record ({error}); names come from the article alone.")
            candidates = extract(text)
        if format == "json":
            payload = [candidate.to_dict() for candidate in candidates]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        for number, candidate in enumerate(candidates, start=1):
            speaker = candidate.speaker or "(speaker unknown)"
            mention = f" [{candidate.speaker_mention}]" if candidate.speaker_mention else ""
            self.stdout.write(f"{number}. {candidate.kind} — {speaker}{mention}")
            self.stdout.write(f"   {candidate.statement_text}".replace("\n", "\n   ") + "\n")
