import datetime
from typing import Any, cast

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connections, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin
from taggit.managers import TaggableManager

from common.forms import BoundedTagField
from common.imports import NewsroomImportMixin
from common.pagination import EstimatedCountPaginator
from common.safe_autocomplete import SafeAutocompleteMixin
from common.submissions import (
    AlreadySubmitted,
    SubmitOnceAdminMixin,
    claim,
    record_result,
    told_already_submitted,
)
from common.text import excerpt
from common.views import tag_suggestions
from common.widgets import TagAutocomplete
from people.models import Organization, Person

from . import workflow
from .admin_forms import CORRECTION_FIELDSET, MoveForm, StatementAdminForm
from .duplicates import near_duplicates
from .extraction import Candidate
from .history import add_tag_and_text_changes, record_pending_version
from .import_forms import ArticleForm, QuoteFormSet, already_imported
from .importing import (
    MAX_QUOTES_PER_IMPORT,
    AcceptedQuote,
    create_drafts,
    extract_from_record,
    highlighted_segments,
)
from .imports import SourceResource, StatementResource
from .models import Correction, Source, Statement, StatementQuerySet
from .workflow import EDITOR_EDITABLE_STATES, MOVES, Move, MoveNotAllowed, allowed_moves

# A list action moves at most this many statements (the list shows 100 a page; "select all"
# could otherwise mean a million).
MAX_MOVED_AT_ONCE = 500


def signed_in(request: HttpRequest) -> User:
    """The admin's user; the admin lets nobody else this far, so anyone else is refused."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


@admin.register(Source)
class SourceAdmin(
    SubmitOnceAdminMixin, NewsroomImportMixin, SafeAutocompleteMixin, SimpleHistoryAdmin
):
    list_display = ["title", "outlet", "medium", "published_on", "url"]
    list_filter = ["medium", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "outlet__name"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "published_on"
    resource_classes = [SourceResource]


@admin.register(Statement)
class StatementAdmin(
    SubmitOnceAdminMixin, NewsroomImportMixin, SafeAutocompleteMixin, SimpleHistoryAdmin
):
    list_display = [
        "excerpt",
        "speaker_column",
        "kind",
        "said_on",
        "outlet",
        "status_badge",
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
    formfield_overrides = {
        TaggableManager: {
            "form_class": BoundedTagField,
            "widget": TagAutocomplete(reverse_lazy("admin:statements_statement_tags")),
        }
    }
    show_full_result_count = False
    form = StatementAdminForm
    # "Import" (a spreadsheet, statements/imports.py) beside "Import article": django-import-
    # export wraps this list template (its own extends it), so both buttons show.
    resource_classes = [StatementResource]
    change_list_template = "admin/statements/statement/change_list.html"

    def get_import_resource_kwargs(self, request: HttpRequest, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_import_resource_kwargs(request, **kwargs), "user": request.user}

    class Media:
        css = {"all": ["css/admin.css"]}

    # The workflow's moves are the actions (get_actions), offered as the user may make them.
    actions = None
    # The status changes only by a workflow move (statements/workflow.py), never by the form.
    readonly_fields = ["status_badge", "created_at", "created_by", "updated_at", "updated_by"]
    object_history_list_template = "admin/statements/statement/history_list.html"
    fieldsets = [
        (None, {"fields": ["text", "kind", "status_badge"]}),
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

    @admin.display(description="status", ordering="status")
    def status_badge(self, statement: Statement) -> str:
        return format_html(
            '<span class="status-badge status-badge--{}">{}</span>',
            statement.status,
            statement.get_status_display(),
        )

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Editors change drafts and statements in review; what the public has seen (published,
        retracted, withheld) only reviewers change. Editors still see it, read-only."""
        if not super().has_change_permission(request, obj):
            return False
        return (
            obj is None
            or obj.status in EDITOR_EDITABLE_STATES
            or request.user.has_perm(workflow.PUBLISH)
        )

    def get_ordering(self, request: HttpRequest) -> list[str]:
        # The review queue is worked oldest first: the longest waiting at the top.
        if request.GET.get("status__exact") == Statement.Status.IN_REVIEW:
            return ["status_changed_at", "id"]
        return list(super().get_ordering(request))

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets: list[Any] = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.has_permalink and self.has_change_permission(request, obj):
            fieldsets.insert(1, CORRECTION_FIELDSET)
        return fieldsets

    def save_model(
        self, request: HttpRequest, statement: Statement, form: Any, change: bool
    ) -> None:
        user = signed_in(request)
        before = Statement.objects.get(pk=statement.pk) if change else None
        # Belt and braces: whatever was posted (a reverted version included), only a workflow
        # move changes the status; a new statement is a draft.
        statement.status = before.status if before else Statement.Status.DRAFT
        if before is None:
            statement.created_by = user
        statement.updated_by = user
        reason = form.cleaned_data.get("correction_reason", "") if form is not None else ""
        if reason:
            statement._change_reason = f"Corrected: {reason}"
        # One version per save, made once the events and tags are saved too (log_addition,
        # log_change): Django saves those after the statement.
        statement.skip_history_when_saving = True  # type: ignore[attr-defined]
        super().save_model(request, statement, form, change)
        statement._version_pending = "~" if change else "+"  # type: ignore[attr-defined]
        if before is not None and before.has_permalink:
            note = Correction.record(before, statement, by=user, reason=reason)
            if note is None and reason:
                self.message_user(
                    request,
                    "No correction note: nothing a reader sees as the record changed.",
                    messages.WARNING,
                )

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # Reverting is changing: judged on the statement as it is now, not the version's state.
        if request.method == "POST":
            current = self.get_object(request, object_id)
            if current is None or not self.has_change_permission(request, current):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        record_pending_version(obj)
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        record_pending_version(obj)
        return super().log_change(request, obj, message)

    def set_history_delta_changes(
        self, request: HttpRequest, historical_records: Any, foreign_keys_are_objs: bool = True
    ) -> None:
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        add_tag_and_text_changes(historical_records)

    # The workflow's moves: actions on the list, buttons on the form (both need the move's
    # permission), and a confirmation page asking for a reason where the move needs one.

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = dict(super().get_actions(request))
        user = signed_in(request) if isinstance(request.user, User) else None
        for move in MOVES.values():
            if user is not None and move.allowed_for(user):
                actions[move.name] = (
                    self._move_action(move),
                    move.name,
                    f"{move.label} selected statements",
                )
        return actions

    def _move_action(self, move: Move) -> Any:
        def action(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> Any:
            form = MoveForm(move, request.POST if "apply" in request.POST else None)
            if not form.is_valid():  # unbound until the confirmation page posts it back
                if move.needs_reason:
                    return self._move_page(request, move, list(queryset[:MAX_MOVED_AT_ONCE]), form)
                form = MoveForm(move, {})
                form.full_clean()
            self._move_all(request, queryset[:MAX_MOVED_AT_ONCE], move, form)
            return None

        action.__name__ = move.name
        return action

    def _move_all(
        self, request: HttpRequest, statements: Any, move: Move, form: "MoveForm"
    ) -> None:
        """Move statement by statement, so timestamps, users, history and the log stay right."""
        if not move.allowed_for(request.user):
            raise PermissionDenied
        reason = form.cleaned_data.get("reason", "")
        grounds = form.cleaned_data.get("withheld_for", "")
        moved, skipped = 0, []
        message = f"{move.done.capitalize()}" + (f": {reason}" if reason else ".")
        for statement in statements:
            try:
                # Each statement's move and its line in the admin log: both, or neither.
                with transaction.atomic():
                    statement.move(move, by=signed_in(request), reason=reason, withheld_for=grounds)
                    super().log_change(request, statement, message)
            except MoveNotAllowed as refused:
                skipped.append(str(refused))
                continue
            moved += 1
        if moved:
            self.message_user(request, f"{moved} statement(s) {move.done}.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"{len(skipped)} statement(s) left as they were: not eligible"
                # One statement (its form's button, pressed twice): say what it is now.
                + (
                    f" ({skipped[0].lower()}, perhaps moved a moment ago)."
                    if len(skipped) == 1
                    else "."
                ),
                messages.WARNING,
            )

    def _move_page(
        self, request: HttpRequest, move: Move, statements: list[Statement], form: "MoveForm"
    ) -> TemplateResponse:
        """Confirm a move, asking for its reason: for the list's action and the form's button."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"{move.label}: are you sure?",
            "move": move,
            "statements": statements,
            "eligible": [s for s in statements if s.status in move.sources],
            "form": form,
            "from_list": "apply" in request.POST or "action" in request.POST,
        }
        return TemplateResponse(request, "admin/statements/statement/move.html", context)

    def move_view(self, request: HttpRequest, object_id: str, move_name: str) -> HttpResponse:
        """One statement's move, from the button on its form."""
        move = MOVES.get(move_name)
        statement = self.get_object(request, object_id)
        if statement is None or move is None:
            raise Http404("No such statement or move.")
        if not move.allowed_for(request.user) or not self.has_view_permission(request, statement):
            raise PermissionDenied
        change_url = reverse("admin:statements_statement_change", args=[statement.pk])
        form = MoveForm(move, request.POST if request.method == "POST" else None)
        if request.method != "POST" or not form.is_valid():
            context_form = form if request.method == "POST" else MoveForm(move)
            response = self._move_page(request, move, [statement], context_form)
            response.context_data["from_list"] = False  # type: ignore[index]
            return response
        self._move_all(request, [statement], move, form)
        return redirect(change_url)

    def response_add(
        self, request: HttpRequest, obj: Statement, post_url_continue: str | None = None
    ) -> HttpResponse:
        """ "Save and add another" opens a form with the same source, date and events: the
        seven quotes of one interview are seven short forms."""
        response = super().response_add(request, obj, post_url_continue)
        if "_addanother" in request.POST and response.status_code == 302:
            keep = QueryDict(mutable=True)
            keep["source"] = str(obj.source_id)
            keep["said_on"] = obj.said_on.isoformat()
            events = ",".join(str(pk) for pk in obj.events.values_list("pk", flat=True))
            if events:
                keep["events"] = events
            response["Location"] = f"{reverse('admin:statements_statement_add')}?{keep.urlencode()}"
        return response

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        statement = self.get_object(request, object_id)
        moves = allowed_moves(statement.status, request.user) if statement else []
        extra_context = {**(extra_context or {}), "moves": moves}
        return super().change_view(request, object_id, form_url, extra_context)

    # The review's forms; an app building on statements may add fields (claims/admin.py) and
    # act on them in `imported`.
    quote_formset: Any = QuoteFormSet

    def imported(self, request: HttpRequest, drafts: list[tuple[Statement, dict]]) -> None:
        """Called inside the import's transaction with each new draft and the cleaned data of
        the review form it came from."""

    def get_urls(self):
        import_view = self.admin_site.admin_view(self.import_article_view)
        move_view = self.admin_site.admin_view(self.move_view)
        tags_view = self.admin_site.admin_view(self.tag_suggestions_view)
        return [
            path("tags/", tags_view, name="statements_statement_tags"),
            path("import-article/", import_view, name="statements_statement_import_article"),
            path(
                "<path:object_id>/move/<slug:move_name>/",
                move_view,
                name="statements_statement_move",
            ),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request: HttpRequest) -> HttpResponse:
        """Existing tags for the tag boxes of the statement form and the import review."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return tag_suggestions(request)

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
            on_record = near_duplicates(
                candidate.statement_text, speaker=person, organization=organization
            )
            initial.append(
                {
                    "accept": bool(person or organization or candidate.speaker) and not on_record,
                    "on_record": on_record[0].pk if on_record else None,
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
                submission = claim(article_form.cleaned_data.get("submission_token"), request.user)
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
                record_result(submission, f"{changelist}?source__id__exact={source.pk}")
        except AlreadySubmitted as done:
            return told_already_submitted(request, done, changelist)
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


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    """The record's notes about itself, read-only: written by the workflow and by corrections."""

    list_display = ["made_at", "kind", "statement", "reason_excerpt", "made_by"]
    list_filter = ["kind", ("made_at", admin.DateFieldListFilter)]
    list_select_related = ["statement__speaker", "statement__organization", "made_by"]
    search_fields = ["reason", "statement__text"]
    ordering = ["-made_at", "-id"]
    readonly_fields = [
        "statement",
        "kind",
        "made_at",
        "made_by",
        "reason",
        "changes",
        "earlier_text",
        "withheld_for",
    ]

    @admin.display(description="reason")
    def reason_excerpt(self, note: Correction) -> str:
        return excerpt(note.reason, 90)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
