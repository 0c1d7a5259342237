"""Statements and sources in spreadsheet imports (common/imports.py has the upload's checks).

Every imported statement is a draft, whatever the file says, by the importing editor; its
speaker is matched by slug, name or other name; its source by URL or id.
"""

from typing import Any

from import_export import fields, widgets
from taggit.utils import parse_tags

from common.imports import CheckedResource
from events.models import Event
from people.imports import OrganizationWidget, PersonWidget

from .history import record_pending_version
from .models import Source, Statement


class SourceWidget(widgets.ForeignKeyWidget):
    """A source named by its URL or its id on record."""

    def __init__(self) -> None:
        super().__init__(Source, "pk")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        value = str(value or "").strip()
        if not value:
            return None
        source = (
            Source.objects.filter(pk=int(value)).first()
            if value.isdigit() and len(value) < 19
            else Source.objects.filter(url=value).first()
        )
        if source is None:
            raise ValueError(f"No source on record has the URL or id “{value}”: import it first.")
        return source


class StatementResource(CheckedResource):
    required_columns = ("text", "said_on", "source")
    speaker = fields.Field(attribute="speaker", column_name="speaker", widget=PersonWidget())
    organization = fields.Field(
        attribute="organization", column_name="organization", widget=OrganizationWidget()
    )
    source = fields.Field(attribute="source", column_name="source", widget=SourceWidget())
    events = fields.Field(
        attribute="events",
        column_name="events",
        # The stubs type the widget's model as an instance, not a class.
        widget=widgets.ManyToManyWidget(Event, field="slug", separator=";"),  # type: ignore[type-var]
    )
    tags = fields.Field(column_name="tags", attribute=None, readonly=True)

    class Meta:
        model = Statement
        fields = (
            "text",
            "kind",
            "speaker",
            "organization",
            "attribution",
            "said_on",
            "said_at",
            "source",
            "context",
            "events",
            "tags",
        )
        import_id_fields: tuple[str, ...] = ()  # every row is a new statement
        clean_model_instances = True
        use_transactions = True

    def __init__(self, user: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.user = user

    def get_instance(self, instance_loader: Any, row: Any) -> None:
        return None  # never an update: corrections go through the statement's own form

    def before_save_instance(self, instance: Statement, row: Any, **kwargs: Any) -> None:
        # Whatever the file says: a draft, by the editor importing it.
        instance.status = Statement.Status.DRAFT
        instance.created_by = instance.updated_by = self.user
        instance._change_reason = "Imported from a spreadsheet"
        # The version is made once the tags and events are saved too (save_m2m): one per row.
        instance.skip_history_when_saving = True  # type: ignore[attr-defined]

    def import_instance(self, instance: Statement, row: Any, **kwargs: Any) -> None:
        super().import_instance(instance, row, **kwargs)
        if not instance.kind:  # a blank cell: a direct quote, the form's default
            instance.kind = Statement.Kind.DIRECT

    def after_save_instance(self, instance: Statement, row: Any, **kwargs: Any) -> None:
        names = parse_tags(str(row.get("tags") or "").replace(";", ","))
        if names:
            instance.tags.set(names)

    def save_m2m(self, instance: Statement, row: Any, **kwargs: Any) -> None:
        super().save_m2m(instance, row, **kwargs)
        instance._version_pending = "+"  # type: ignore[attr-defined]
        record_pending_version(instance)


class SourceResource(CheckedResource):
    required_columns = ("title", "outlet", "published_on", "medium")
    outlet = fields.Field(attribute="outlet", column_name="outlet", widget=OrganizationWidget())

    class Meta:
        model = Source
        fields = ("title", "outlet", "url", "archive_url", "published_on", "medium")
        import_id_fields = ("url",)  # a URL on record already is updated, not repeated
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True

    def get_instance(self, instance_loader: Any, row: Any) -> Any:
        url = str(row.get("url") or "").strip()
        return Source.objects.filter(url=url).first() if url else None
