from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin
from taggit.managers import TaggableManager

from common.forms import BoundedTagField
from common.safe_autocomplete import SafeAutocompleteMixin
from common.text import excerpt
from statements.admin import StatementAdmin, signed_in
from statements.models import Statement

from .models import Claim, ClaimStatus, Proposition, Stance, Verdict, VerdictStatus


def may_publish_verdicts(request: HttpRequest) -> bool:
    return request.user.has_perm("claims.publish_verdict")


class VerdictInline(admin.TabularInline):
    """A claim's verdicts, newest first, for reading: each is written and published on its own
    page, so a published one is never edited in place."""

    model = Verdict
    fields = readonly_fields = ("rating", "status", "reviewed_on", "reviewer", "is_demo")
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Claim)
class ClaimAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["short_text", "rating", "rated_on", "status", "updated_by"]
    list_filter = ["status", "verdict__rating"]
    list_select_related = ["verdict", "updated_by"]
    search_fields = ["short_text", "text", "slug"]
    autocomplete_fields = ["statements", "events"]
    prepopulated_fields = {"slug": ["short_text"]}
    formfield_overrides = {TaggableManager: {"form_class": BoundedTagField}}
    readonly_fields = [
        "verdict",
        "rated_on",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    show_full_result_count = False
    inlines = [VerdictInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["text", "short_text", "slug", "status"]}),
        ("Made by", {"fields": ["statements"]}),
        ("About", {"fields": ["events", "tags"]}),
        ("Verdict readers see", {"fields": [("verdict", "rated_on")]}),
        ("Internal", {"fields": ["editor_notes"], "classes": ["collapse"]}),
        ("Record", {"fields": [("created_at", "created_by"), ("updated_at", "updated_by")]}),
    ]

    @admin.display(description="verdict", ordering="verdict__rating")
    def rating(self, claim: Claim) -> str:
        return claim.verdict.get_rating_display() if claim.verdict else "—"

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return may_publish_verdicts(request)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("status")
        return readonly

    def save_model(self, request: HttpRequest, claim: Claim, form: Any, change: bool) -> None:
        if not self.has_publish_permission(request):
            # Whatever was posted, only reviewers move a claim's status.
            claim.status = Claim.objects.get(pk=claim.pk).status if change else ClaimStatus.DRAFT
        if not change:
            claim.created_by = signed_in(request)
        claim.updated_by = signed_in(request)
        super().save_model(request, claim, form, change)

    def _move(self, request: HttpRequest, queryset: QuerySet, status: str, verb: str) -> None:
        moved = 0
        for claim in queryset.exclude(status=status):
            claim.status = status
            claim.updated_by = signed_in(request)
            claim.save()
            self.log_change(request, claim, f"{verb.capitalize()} via admin action.")
            moved += 1
        self.message_user(request, f"{moved} claim(s) {verb}.", messages.SUCCESS)

    @admin.action(description="Publish selected claims", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, ClaimStatus.PUBLISHED, "published")

    @admin.action(description="Unpublish selected claims (back to draft)", permissions=["publish"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, ClaimStatus.DRAFT, "unpublished")


@admin.register(Verdict)
class VerdictAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    """Editors propose verdicts; reviewers publish them with the action. A published verdict is
    the record: it is never edited, a new one replaces it (saying why)."""

    list_display = ["claim_column", "rating", "status", "reviewer", "reviewed_on", "is_demo"]
    list_filter = ["status", "rating", "is_demo"]
    list_select_related = ["claim", "reviewer"]
    search_fields = ["claim__short_text", "claim__text", "finding"]
    autocomplete_fields = ["claim", "evidence"]
    fields = [
        "claim",
        "rating",
        "finding",
        "evidence",
        "change_reason",
        "is_demo",
        "status",
        ("reviewer", "reviewed_on"),
        ("created_at", "created_by"),
    ]
    readonly_fields = ["status", "reviewer", "reviewed_on", "created_at", "created_by"]
    actions = ["publish"]
    show_full_result_count = False

    @admin.display(description="claim", ordering="claim__short_text")
    def claim_column(self, verdict: Verdict) -> str:
        return excerpt(verdict.claim.short_text, 75)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return may_publish_verdicts(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.status == VerdictStatus.PUBLISHED:
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, verdict: Verdict, form: Any, change: bool) -> None:
        # Saved as proposed, whatever was posted: publishing is the action's alone.
        verdict.status = VerdictStatus.PROPOSED
        if not change:
            verdict.created_by = signed_in(request)
        super().save_model(request, verdict, form, change)

    @admin.action(description="Publish selected verdicts", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        published = skipped = 0
        for verdict in queryset.select_related("claim"):
            if verdict.status != VerdictStatus.PROPOSED:
                skipped += 1
                continue
            verdict.publish(signed_in(request))
            self.log_change(request, verdict, "Published via admin action.")
            published += 1
        if published:
            self.message_user(request, f"{published} verdict(s) published.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"{skipped} verdict(s) already published: left as they were.",
                messages.WARNING,
            )


class StanceInline(admin.TabularInline):
    model = Stance
    extra = 0
    autocomplete_fields = ["statement", "proposition"]


@admin.register(Proposition)
class PropositionAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["question", "slug"]
    search_fields = ["question", "description"]
    prepopulated_fields = {"slug": ["question"]}
    autocomplete_fields = ["events"]
    inlines = [StanceInline]


class ClaimsMadeInline(admin.TabularInline):
    """ "Claims this statement makes", on the statement form."""

    model = Claim.statements.through
    verbose_name = "claim this statement makes"
    verbose_name_plural = "claims this statement makes"
    extra = 0
    autocomplete_fields = ["claim"]


class StatementWithClaimsAdmin(StatementAdmin):
    """The statement form with its claims and stances: claims build on statements, so the
    inlines are added here rather than in the statements app."""

    inlines = [*StatementAdmin.inlines, ClaimsMadeInline, StanceInline]


admin.site.unregister(Statement)
admin.site.register(Statement, StatementWithClaimsAdmin)
