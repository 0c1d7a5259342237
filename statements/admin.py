import datetime
from typing import Any, cast

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connections, transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin
from taggit.managers import TaggableManager

from common.forms import BoundedTagField
from common.pagination import EstimatedCountPaginator
from common.safe_autocomplete import SafeAutocompleteMixin
from common.text import excerpt
from people.models import Organization, Person

from .extraction import Candidate
from .import_forms import ArticleForm, QuoteFormSet, already_imported
from .importing import (
    MAX_QUOTES_PER_IMPORT,
    AcceptedQuote,
    create_drafts,
    extract_from_record,
    highlighted_segments,
)
from .models import Source, Statement, StatementQuerySet


def signed_in(request: HttpRequest) -> User:
    """The admin's user; the admin lets nobody else this far, so anyone else is refused."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


@admin.register(Source)
class SourceAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["title", "outlet", "medium", "published_on", "url"]
    list_filter = ["medium", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "outlet__name"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "published_on"


@admin.register(Statement)
class StatementAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = [
        "excerpt",
        "speaker_column",
        "kind",
        "said_on",
        "outlet",
        "status",
        "updated_by",
    ]
    # No filter lists every event or computes years over the whole table: at a million
    # statements each would scan it per page view. Search finds an event's statements.
    list_filter = ["status", "kind", "source__medium", ("said_on", admin.DateFieldListFilter)]
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
    ordering = ["-said_on", "-id"]  # the index statement_said_idx, in this order
    paginator = EstimatedCountPaginator
    formfield_overrides = {TaggableManager: {"form_class": BoundedTagField}}
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
        return excerpt(statement.text, 90)

    @admin.display(description="speaker", ordering="speaker__sort_name")
    def speaker_column(self, statement: Statement) -> str:
        return statement.speaker_name

    @admin.display(description="outlet", ordering="source__outlet__name")
    def outlet(self, statement: Statement) -> str:
        return str(statement.source.outlet)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """On PostgreSQL, the public search's full-text index (the same fields as
        `search_fields`, drafts included); elsewhere Django's own `icontains` search."""
        if search_term.strip() and connections[queryset.db].vendor == "postgresql":
            return cast(StatementQuerySet, queryset).search(search_term), False
        return super().get_search_results(request, queryset, search_term)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("statements.publish_statement")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("status")
        return readonly

    def save_model(
        self, request: HttpRequest, statement: Statement, form: Any, change: bool
    ) -> None:
        if not self.has_publish_permission(request):
            # Belt and braces: whatever was posted, only reviewers move a statement's status.
            statement.status = (
                Statement.objects.get(pk=statement.pk).status if change else Statement.Status.DRAFT
            )
        if not change:
            statement.created_by = signed_in(request)
        statement.updated_by = signed_in(request)
        super().save_model(request, statement, form, change)

    def _move(
        self,
        request: HttpRequest,
        queryset: QuerySet,
        new_status: str,
        allowed_from: set[str],
        verb: str,
    ) -> None:
        """Change status object by object so timestamps, users, history and the log stay right."""
        moved = skipped = 0
        for statement in queryset:
            if statement.status not in allowed_from:
                skipped += 1
                continue
            statement.status = new_status
            statement.updated_by = signed_in(request)
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

    # The review's forms; an app building on statements may add fields (claims/admin.py) and
    # act on them in `imported`.
    quote_formset: Any = QuoteFormSet

    def imported(self, request: HttpRequest, drafts: list[tuple[Statement, dict]]) -> None:
        """Called inside the import's transaction with each new draft and the cleaned data of
        the review form it came from."""

    def get_urls(self):
        import_view = self.admin_site.admin_view(self.import_article_view)
        return [
            path("import/", import_view, name="statements_statement_import"),
            *super().get_urls(),
        ]

    def import_article_view(self, request: HttpRequest) -> HttpResponse:
        """Paste an article, review the quotes found in it, save the accepted ones as drafts."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        step = request.POST.get("step") if request.method == "POST" else None
        article_form = ArticleForm(request.POST if step else None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import an article",
            "article_form": article_form,
        }
        if not step or not article_form.is_valid():
            return TemplateResponse(
                request, "admin/statements/statement/import_article.html", context
            )

        text = article_form.cleaned_data["text"]
        review_problem = ""
        if step == "create":
            quote_forms = self.quote_formset(request.POST, prefix="quote")
            # Checked before any quote form is built, so a forged count costs nothing.
            review_problem = self._altered_review_problem(quote_forms)
            if not review_problem and quote_forms.is_valid():
                return self._save_imported(request, article_form, quote_forms)
        # Extract only to show the review (again, with its errors): saving never needs it.
        candidates = extract_from_record(text)
        left_out = max(0, len(candidates) - MAX_QUOTES_PER_IMPORT)
        candidates = candidates[:MAX_QUOTES_PER_IMPORT]
        if step != "create" or review_problem:
            quote_forms = self.quote_formset(
                initial=self._review_initial(candidates, article_form.cleaned_data["published_on"]),
                prefix="quote",
            )
        context |= {
            "title": "Review the quotes found",
            "quotes_left_out": left_out,
            "review_problem": review_problem,
            "quote_forms": quote_forms,
            "segments": highlighted_segments(text, candidates),
            "media": self.media + quote_forms.media,
        }
        return TemplateResponse(request, "admin/statements/statement/import_review.html", context)

    @staticmethod
    def _altered_review_problem(quote_forms: Any) -> str:
        """Why a posted review cannot be read as one the page sent, or "" when it can."""
        management = quote_forms.management_form
        if not management.is_valid():
            return "The review came back incomplete, so nothing was saved. Here it is again."
        claimed = management.cleaned_data["TOTAL_FORMS"]
        if claimed > MAX_QUOTES_PER_IMPORT:
            return (
                f"The review came back claiming {claimed:,} quotes; one import holds at most "
                f"{MAX_QUOTES_PER_IMPORT}. Nothing was saved. Here it is again."
            )
        return ""

    @staticmethod
    def _review_initial(candidates: list[Candidate], said_on: datetime.date) -> list[dict]:
        """Prefill each quote's form: matched people preselected, new speakers offered by name."""
        people = Person.objects.in_bulk(
            [c.person for c in candidates if c.person], field_name="slug"
        )
        by_name = {
            person.name: person
            for person in Person.objects.filter(
                name__in={c.speaker for c in candidates if c.speaker}
            )
        }
        organizations = Organization.objects.in_bulk(
            [c.organization for c in candidates if c.organization], field_name="slug"
        )
        initial = []
        for candidate in candidates:
            person = people.get(candidate.person) or by_name.get(candidate.speaker)
            organization = None if person else organizations.get(candidate.organization)
            initial.append(
                {
                    "accept": bool(person or organization or candidate.speaker),
                    "text": candidate.statement_text,
                    "kind": candidate.kind,
                    "speaker": person,
                    "new_speaker_name": "" if person or organization else candidate.speaker or "",
                    "organization": organization,
                    "attribution": (candidate.speaker_mention or "") if organization else "",
                    "said_on": said_on,
                    "sentence": candidate.sentence,
                }
            )
        return initial

    def _save_imported(
        self, request: HttpRequest, article_form: ArticleForm, quote_forms: Any
    ) -> HttpResponse:
        accepted = [
            AcceptedQuote(
                text=data["text"],
                kind=data["kind"],
                said_on=data["said_on"],
                speaker=data["speaker"],
                new_speaker_name="" if data["speaker"] else data["new_speaker_name"],
                organization=data["organization"],
                attribution=data["attribution"],
                context=data["context"],
                events=data["events"],
                tags=data["tags"],
            )
            for data in quote_forms.cleaned_data
            if data.get("accept")
        ]
        changelist = reverse("admin:statements_statement_changelist")
        url = article_form.cleaned_data["url"]
        try:
            # The source, a new outlet, new speakers and the drafts: all saved, or none.
            with transaction.atomic():
                source = article_form.build_source()
                created = create_drafts(source, accepted, signed_in(request))
                for statement in created:
                    self.log_addition(request, statement, "Imported from an article.")
                by_text = {statement.text: statement for statement in created}
                self.imported(
                    request,
                    [
                        (by_text[data["text"]], data)
                        for data in quote_forms.cleaned_data
                        if data.get("accept") and data["text"] in by_text
                    ],
                )
        except IntegrityError:
            # The same article saved at the same moment by someone else: theirs stands.
            existing = Source.objects.filter(url=url).first() if url else None
            if existing is None:
                raise
            self.message_user(request, already_imported(existing), messages.WARNING)
            return redirect(f"{changelist}?source__id__exact={existing.pk}")
        self.message_user(
            request,
            f"{len(created)} draft statement(s) created from “{source.title}”. "
            "A reviewer publishes them.",
            messages.SUCCESS,
        )
        return redirect(f"{changelist}?source__id__exact={source.pk}")
