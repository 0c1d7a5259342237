"""Downloads of a list, streamed: CSV that opens cleanly in a spreadsheet, and JSON.

The rows come from an iterator (on PostgreSQL a server-side cursor, read in chunks), and each
row is written as soon as it is made, so a million-row export holds one chunk in memory.
"""

import csv
import datetime
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse
from django.utils import timezone

# A spreadsheet reads a cell starting with one of these as a formula ("=HYPERLINK(...)"): such a
# cell is written with a leading apostrophe, which spreadsheets show as text and do not store.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel needs the byte-order mark to read UTF-8; others ignore it.
BOM = "\ufeff"


class _Line:
    """What csv.writer writes to: hands each line back instead of keeping it."""

    def write(self, line: str) -> str:
        return line


def safe_cell(value: Any) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, (datetime.date, datetime.time)) else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_lines(columns: list[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(columns)
    for row in rows:
        yield writer.writerow([safe_cell(row.get(column)) for column in columns])


def json_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON array, one row a line."""
    yield "[\n"
    first = True
    for row in rows:
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False, default=str)
        first = False
    yield "\n]\n"


def download(
    name: str, format: str, columns: list[str], rows: Iterable[dict[str, Any]]
) -> StreamingHttpResponse:
    """The rows as a streamed attachment `on-record-<name>-<date>.<format>` (csv or json)."""
    stamp = timezone.localdate().isoformat()
    if format == "csv":
        response = StreamingHttpResponse(
            csv_lines(columns, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            json_chunks(rows), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="on-record-{name}-{stamp}.{format}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ExportFormatConverter:
    """`csv` or `json` in a download's address (`/statements/export.csv`)."""

    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
