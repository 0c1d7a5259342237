from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin
from taggit.managers import TaggableManager

from common.forms import BoundedTagField
from common.safe_autocomplete import (
    BoundedTabularInline,
    SafeAutocompleteMixin,
    is_well_formed_key,
)
from common.submissions import SubmitOnceAdminMixin
from common.text import excerpt
from statements.admin import StatementAdmin, signed_in
from statements.import_forms import QuoteForm, QuoteFormSet
from statements.importing import MAX_QUOTES_PER_IMPORT
from statements.models import Statement

from .matching import similar_claims
from .models import (
    CORRECTED_CLAIM_FIELDS,
    Claim,
    ClaimCorrection,
    ClaimStatus,
    Proposition,
    Stance,
    Verdict,
    VerdictStatus,
)


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


class ClaimAdminForm(forms.ModelForm):
    """A claim; a public claim's wording changes only by a reviewer, with a reason readers see."""

    correction_reason = forms.CharField(
        label="Reason for the correction",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="This claim is public. Changing its wording or address is a correction: say "
        "why. Readers see the reason and the earlier wording on the claim's page.",
    )
    may_correct = False  # set per request by ClaimAdmin.get_form

    class Meta:
        model = Claim
        fields = [
            "text",
            "short_text",
            "slug",
            "status",
            "statements",
            "events",
            "tags",
            "editor_notes",
        ]

    def corrected_fields(self) -> list[str]:
        stored = Claim.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        if stored is None or not stored.is_public:
            return []
        return [
            name
            for name in CORRECTED_CLAIM_FIELDS
            if name in self.cleaned_data and self.cleaned_data[name] != getattr(stored, name)
        ]

    def clean_text(self) -> str:
        return self.cleaned_data["text"].replace("\r\n", "\n")

    def clean(self) -> dict[str, Any]:
        super().clean()
        corrected = self.corrected_fields()
        if corrected and not self.may_correct:
            for name in corrected:
                self.add_error(name, "Only a reviewer changes the wording of a published claim.")
        elif corrected and not self.cleaned_data.get("correction_reason", "").strip():
            self.add_error(
                "correction_reason",
                "This claim is public and you changed its wording: that is a correction. Say "
                "why; readers will see the reason with the earlier wording.",
            )
        return self.cleaned_data


@admin.register(Claim)
class ClaimAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, SimpleHistoryAdmin):
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
    form = ClaimAdminForm
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

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        form.may_correct = self.has_publish_permission(request)
        return form

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets: list[Any] = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.is_public and self.has_publish_permission(request):
            fieldsets.insert(1, ("Correction", {"fields": ["correction_reason"]}))
        return fieldsets

    def save_model(self, request: HttpRequest, claim: Claim, form: Any, change: bool) -> None:
        before = Claim.objects.get(pk=claim.pk) if change else None
        if not self.has_publish_permission(request):
            # Whatever was posted, only reviewers move a claim's status.
            claim.status = before.status if before else ClaimStatus.DRAFT
        if not change:
            claim.created_by = signed_in(request)
        claim.updated_by = signed_in(request)
        corrected = form.corrected_fields() if isinstance(form, ClaimAdminForm) else []
        reason = form.cleaned_data.get("correction_reason", "").strip() if corrected else ""
        if reason:
            claim._change_reason = f"Corrected: {reason}"  # type: ignore[attr-defined]
        super().save_model(request, claim, form, change)
        if before is not None and reason:
            ClaimCorrection.objects.create(
                claim=claim,
                reason=reason,
                earlier_text=before.text,
                earlier_short_text=before.short_text,
                made_by=signed_in(request),
            )

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
class VerdictAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, SimpleHistoryAdmin):
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


class StanceInline(BoundedTabularInline):
    model = Stance
    extra = 0
    autocomplete_fields = ["statement", "proposition"]


@admin.register(Proposition)
class PropositionAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["question", "slug"]
    search_fields = ["question", "description"]
    prepopulated_fields = {"slug": ["question"]}
    autocomplete_fields = ["events"]
    inlines = [StanceInline]


class ClaimsMadeInline(BoundedTabularInline):
    """ "Claims this statement makes", on the statement form."""

    model = Claim.statements.through
    verbose_name = "claim this statement makes"
    verbose_name_plural = "claims this statement makes"
    extra = 0
    autocomplete_fields = ["claim"]


class QuoteWithClaimsForm(QuoteForm):
    """A quote of the article import's review, with the existing claims its wording repeats
    offered as tick boxes (none ticked): the ticked ones are linked to the new draft."""

    claims = forms.ModelMultipleChoiceField(
        Claim.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Claims it repeats",
        help_text="Existing claims worded like this quote. Tick those it makes.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        text = self.data.get(self.add_prefix("text")) if self.is_bound else None
        text = text if text is not None else (self.initial.get("text") or "")
        offered = {claim.pk for claim in similar_claims(str(text)[:5000])}
        if self.is_bound:  # what was ticked stays acceptable if an edit moved the text away
            posted = self.data
            ticked = (
                posted.getlist(self.add_prefix("claims")) if isinstance(posted, QueryDict) else []
            )
            offered |= set(
                Claim.objects.filter(pk__in=[v for v in ticked if v.isdigit()][:20]).values_list(
                    "pk", flat=True
                )
            )
        if offered:
            field = self.fields["claims"]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            field.queryset = Claim.objects.filter(pk__in=offered)
        else:
            del self.fields["claims"]


class StatementWithClaimsAdmin(StatementAdmin):
    """The statement form with its claims and stances, and the existing claims its wording
    repeats, each linked with one click. Claims build on statements, so this is added here
    rather than in the statements app."""

    inlines = [*StatementAdmin.inlines, ClaimsMadeInline, StanceInline]
    change_form_template = "admin/claims/statement_change_form.html"
    quote_formset = forms.formset_factory(
        QuoteWithClaimsForm,
        formset=QuoteFormSet,
        extra=0,
        max_num=MAX_QUOTES_PER_IMPORT,
        absolute_max=MAX_QUOTES_PER_IMPORT,
        validate_max=True,
    )

    def imported(self, request: HttpRequest, drafts: list[tuple[Statement, dict]]) -> None:
        for statement, data in drafts:
            for claim in data.get("claims") or ():
                claim.statements.add(statement)
                self.log_change(request, statement, f"Linked to the claim “{claim.short_text}”.")

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.insert(1, ("Claims it may repeat", {"fields": ["suggested_claims"]}))
        return fieldsets

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [*super().get_readonly_fields(request, obj), "suggested_claims"]

    @admin.display(description="suggested")
    def suggested_claims(self, statement: Statement) -> str:
        """Existing claims worded like this statement and not linked to it yet; each button
        posts the small form the change form template adds outside the main one, so what
        is being edited on the page is not submitted with it."""
        linked = set(Claim.objects.filter(statements=statement).values_list("pk", flat=True))
        suggestions = similar_claims(statement.text, exclude=linked)
        if not suggestions:
            return "No existing claim is worded like this statement."
        return format_html(
            '<ul class="claim-suggestions">{}</ul>',
            format_html_join(
                "",
                "<li>{} <span>({}% alike)</span> "
                '<button type="submit" form="link-claim-form" name="claim" value="{}">'
                "Link this claim</button></li>",
                (
                    (claim.short_text, round(100 * getattr(claim, "similarity", 0)), claim.pk)
                    for claim in suggestions
                ),
            ),
        )

    def get_urls(self) -> list[Any]:
        link = self.admin_site.admin_view(self.link_claim_view)
        return [
            path("<path:object_id>/link-claim/", link, name="statements_statement_link_claim"),
            *super().get_urls(),
        ]

    def link_claim_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Link the statement to a suggested claim, recorded in the statement's history and the
        admin log: who and when. Linking changes the claim, not the record of what was said, so
        an editor may link a published statement too."""
        statement = self.get_object(request, object_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        # The link is the claim's: an editor links a published statement they may not edit.
        may_link = request.user.has_perm("claims.change_claim")
        if statement is None or not (may_link and self.has_view_permission(request, statement)):
            raise PermissionDenied
        key = request.POST.get("claim", "")
        well_formed = is_well_formed_key(Claim._meta.pk, key)
        claim = Claim.objects.filter(pk=key).first() if well_formed else None
        change_url = reverse("admin:statements_statement_change", args=[statement.pk])
        if claim is None:
            self.message_user(request, "That claim no longer exists.", messages.ERROR)
            return redirect(change_url)
        with transaction.atomic():
            claim.statements.add(statement)
            statement.updated_by = signed_in(request)
            statement._change_reason = f"Linked to the claim “{claim.short_text}”"
            statement.save()
            self.log_change(request, statement, f"Linked to the claim “{claim.short_text}”.")
        self.message_user(request, f"Linked to the claim “{claim.short_text}”.", messages.SUCCESS)
        return redirect(change_url)


admin.site.unregister(Statement)
admin.site.register(Statement, StatementWithClaimsAdmin)
