from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import Source, Statement


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "medium", "published_on", "url"]
    list_filter = ["medium", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "outlet__name"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "published_on"


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = [
        "excerpt",
        "speaker_column",
        "kind",
        "said_on",
        "outlet",
        "status",
        "updated_by",
    ]
    list_filter = ["status", "kind", "source__medium", ("events", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["speaker", "organization", "source__outlet", "updated_by"]
    search_fields = [
        "text",
        "context",
        "attribution",
        "speaker__name",
        "speaker__other_names__name",
        "source__title",
    ]
    autocomplete_fields = ["speaker", "organization", "role", "source", "reported_in", "events"]
    date_hierarchy = "said_on"
    show_full_result_count = False
    actions = ["publish", "unpublish", "retract"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    fieldsets = [
        (None, {"fields": ["text", "kind", "status"]}),
        ("Who", {"fields": ["speaker", "role", "organization", "attribution"]}),
        ("When and where", {"fields": [("said_on", "said_at"), "source", "reported_in"]}),
        ("About", {"fields": ["context", "events", "tags"]}),
        ("Internal", {"fields": ["editor_notes"], "classes": ["collapse"]}),
        ("Record", {"fields": [("created_at", "created_by"), ("updated_at", "updated_by")]}),
    ]

    @admin.display(description="statement")
    def excerpt(self, statement: Statement) -> str:
        return statement.text if len(statement.text) <= 90 else statement.text[:87] + "…"

    @admin.display(description="speaker", ordering="speaker__sort_name")
    def speaker_column(self, statement: Statement) -> str:
        return statement.speaker_name

    @admin.display(description="outlet", ordering="source__outlet__name")
    def outlet(self, statement: Statement) -> str:
        return str(statement.source.outlet)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("statements.publish_statement")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("status")
        return readonly

    def save_model(self, request, statement: Statement, form, change: bool) -> None:
        if not self.has_publish_permission(request):
            # Belt and braces: whatever was posted, only reviewers move a statement's status.
            statement.status = (
                Statement.objects.get(pk=statement.pk).status if change else Statement.Status.DRAFT
            )
        if not change:
            statement.created_by = request.user
        statement.updated_by = request.user
        super().save_model(request, statement, form, change)

    def _move(
        self, request, queryset: QuerySet, new_status: str, allowed_from: set[str], verb: str
    ) -> None:
        """Change status object by object so timestamps, users, history and the log stay right."""
        moved = skipped = 0
        for statement in queryset:
            if statement.status not in allowed_from:
                skipped += 1
                continue
            statement.status = new_status
            statement.updated_by = request.user
            statement.save()
            self.log_change(request, statement, f"{verb.capitalize()} via admin action.")
            moved += 1
        if moved:
            self.message_user(request, f"{moved} statement(s) {verb}.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"{skipped} statement(s) left as they were: not eligible.",
                messages.WARNING,
            )

    @admin.action(description="Publish selected statements", permissions=["publish"])
    def publish(self, request, queryset):
        status = Statement.Status
        self._move(request, queryset, status.PUBLISHED, {status.DRAFT}, "published")

    @admin.action(
        description="Unpublish selected statements (back to draft)", permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        status = Statement.Status
        self._move(
            request, queryset, status.DRAFT, {status.PUBLISHED, status.RETRACTED}, "unpublished"
        )

    @admin.action(description="Retract selected statements", permissions=["publish"])
    def retract(self, request, queryset):
        status = Statement.Status
        self._move(request, queryset, status.RETRACTED, {status.PUBLISHED}, "retracted")
