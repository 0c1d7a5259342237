"""Spreadsheet imports for editors (django-import-export), the parts every app's share: the
upload form with its size limit, records named by slug or name, and the checks a file passes
before any row is saved (its columns, no formula, no row twice).
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from import_export import resources, widgets
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm

MAX_IMPORT_BYTES = 10 * 2**20
FORMULA = "="  # a cell a spreadsheet computed: its formula came through, not its words


class SizeCheckedImportForm(ImportForm):
    def clean_import_file(self) -> Any:
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(
                f"The file is {upload.size / 2**20:.1f} MB; one import takes at most "
                f"{MAX_IMPORT_BYTES // 2**20} MB. Split it into several files."
            )
        return upload


class NamedWidget(widgets.ForeignKeyWidget):
    """A record named in a cell by its slug or its name (case-insensitive), never ambiguously."""

    label = "record"

    def matching(self, value: str) -> Any:
        return self.model.objects.filter(Q(slug=value) | Q(name__iexact=value))

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        value = str(value or "").strip()
        if not value:
            return None
        found = list(self.matching(value).distinct()[:2])
        if not found:
            raise ValueError(f"No {self.label} on record is called “{value}”.")
        if len(found) > 1:
            raise ValueError(f"“{value}” could be {found[0]} or {found[1]}: give the slug.")
        return found[0]

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return getattr(value, "slug", "") if value else ""


class CheckedResource(resources.ModelResource):
    """Refuses, before anything is saved, a file without the required columns, a formula cell
    and a row repeated in the file."""

    required_columns: tuple[str, ...] = ()

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        headers = [str(h or "").strip() for h in (dataset.headers or [])]
        missing = [column for column in self.required_columns if column not in headers]
        if missing:
            raise ValueError(
                f"The file has no column “{'”, “'.join(missing)}”. Its first row must name the "
                f"columns: {', '.join(self.required_columns)} are needed."
            )
        self.rows_seen: dict[tuple, int] = {}

    def before_import_row(self, row: Any, row_number: int | None = None, **kwargs: Any) -> None:
        formulas = [name for name, value in row.items() if str(value or "").startswith(FORMULA)]
        if formulas:
            raise ValueError(
                f"“{formulas[0]}” holds a spreadsheet formula, not text: paste the values."
            )
        key = tuple(str(value or "").strip() for value in row.values())
        if key in self.rows_seen:
            raise ValueError(f"This row repeats row {self.rows_seen[key]}.")
        self.rows_seen[key] = row_number or 0


class NewsroomImportMixin(ImportMixin):
    """ImportMixin for the newsroom's admins: the size-checked form, CSV (UTF-8, with or
    without its BOM) or XLSX, and read failures explained in words an editor can act on."""

    import_form_class = SizeCheckedImportForm
    from_encoding = "utf-8-sig"

    @property
    def formats(self) -> list[type]:
        return [CSV, XLSX]

    def process_import(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        # The rows and the admin log's lines for them, which import-export writes after the
        # rows' own transaction: all saved, or none.
        with transaction.atomic():
            return super().process_import(request, **kwargs)

    def get_import_data_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # A row that fails while saving (the record changed since the preview) undoes them all.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def process_result(self, result: Any, request: HttpRequest) -> HttpResponse:
        if result.has_errors() or result.has_validation_errors():
            problems = [
                f"row {number}: {'; '.join(str(e) for e in errors)}"
                for number, errors in _row_problems(result)[:3]
            ]
            messages.error(
                request,
                "Nothing was imported: the record changed since the preview ("
                + ", ".join(problems)
                + "). Import the file again to see its preview.",
            )
            return redirect(request.path.replace("process_import/", "import/"))
        return super().process_result(result, request)

    def add_data_read_fail_error_to_form(self, form: Any, error: Exception) -> None:
        if isinstance(error, UnicodeDecodeError):
            form.add_error(
                "import_file",
                "This file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” (or "
                "as an Excel workbook, .xlsx) and import it again.",
            )
            return
        form.add_error(
            "import_file",
            f"This file could not be read as the format chosen ({type(error).__name__}). "
            "Choose CSV for a .csv file and xlsx for an Excel workbook.",
        )


def _row_problems(result: Any) -> list[tuple[int, list[Any]]]:
    """(row number, its errors) of an import's failed rows, from both kinds import-export has."""
    problems = [(row.number, [e.error for e in row.errors]) for row in result.rows if row.errors]
    problems += [
        (row.number, [m for messages_ in row.error_dict.values() for m in messages_])
        for row in result.invalid_rows
    ]
    return problems
