"""The public site's statement pages: home, the lists, search, tag pages and the permalink."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from common.exports import download
from common.pagination import KeysetOrder, first_page_url, keyset_page

from . import exports, search
from .citation import citation, quotation_json_ld
from .filters import StatementFilter
from .forms import Sort, StatementListOptions
from .models import (
    Correction,
    Source,
    Statement,
    StatementQuerySet,
    public_tags,
    tags_in_the_news,
)
from .ordering import LATEST_NOTES, MOST_RELEVANT, NEWEST_FIRST, OLDEST_FIRST

# Sorting by relevance ranks this many of the most recent matches (docs/scaling.md): finding
# them reads about 20 index entries per match for a common word, at a million statements.
RELEVANCE_CANDIDATES = 300

# Which way each sort runs, and what its "back" and "onwards" links say.
ORDERS = {
    Sort.NEWEST: (NEWEST_FIRST, "Newer statements", "Older statements"),
    Sort.OLDEST: (OLDEST_FIRST, "Older statements", "Newer statements"),
    Sort.RELEVANCE: (MOST_RELEVANT, "Previous results", "More results"),
}


def searched_and_ordered(
    statements: StatementQuerySet, options: StatementListOptions
) -> tuple[StatementQuerySet, KeysetOrder]:
    """The statements matching the options' search, and the keyset order they are listed in:
    what the lists, the API and the exports all read."""
    if options.search_text:
        statements = statements.search(options.search_text)
    if options.ordering == Sort.RELEVANCE:
        # Ranked among the most recent matches only: a common word matches tens of thousands
        # of statements, and ranking them all costs what the archive costs.
        statements = statements.among_most_recent(RELEVANCE_CANDIDATES)
    return statements, ORDERS[options.ordering][0]


class HomeView(TemplateView):
    template_name = "statements/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest=Statement.objects.published().with_related().most_recent(8),
            events=Statement.objects.published().events_in_the_news()[:6],
            tags=tags_in_the_news(limit=24),
            search_form=StatementListOptions(),
            **kwargs,
        )


class StatementListView(TemplateView):
    """Published statements, filtered, searched and sorted, paged by keyset ("older/newer")."""

    template_name = "statements/statement_list.html"
    per_page = 20
    filters_not_offered: tuple[str, ...] = ()

    def get_scope(self) -> QuerySet[Statement]:
        return Statement.objects.published()

    def get(self, request, *args, **kwargs):
        options = StatementListOptions(request.GET)
        filterset = StatementFilter(
            request.GET, queryset=self.get_scope(), without=self.filters_not_offered
        )
        page = None
        if self.lists_statements(options):
            statements, order = searched_and_ordered(filterset.qs, options)
            _, earlier_label, later_label = ORDERS[options.ordering]
            page = keyset_page(
                statements.with_related(),
                order,
                after=request.GET.get("after"),
                before=request.GET.get("before"),
                per_page=self.per_page,
            )
            if page is None:
                return HttpResponseRedirect(first_page_url(request))
            if options.search_text:
                search.highlight(page.items, options.search_text)
        context = self.get_context_data(
            options=options,
            filterset=filterset,
            page=page,
            earlier_label=earlier_label if page else "",
            later_label=later_label if page else "",
            **kwargs,
        )
        return self.render_to_response(context)

    def lists_statements(self, options: StatementListOptions) -> bool:
        return True


class SearchView(StatementListView):
    template_name = "statements/search.html"
    extra_context = {"search_box_elsewhere": True}

    def lists_statements(self, options: StatementListOptions) -> bool:
        return bool(options.search_text)


class TagDetailView(StatementListView):
    template_name = "statements/tag_detail.html"
    filters_not_offered = ("tag",)

    def get(self, request: HttpRequest, *args: Any, slug: str, **kwargs: Any) -> HttpResponse:
        # A tag only drafts carry is not public yet.
        self.tag = get_object_or_404(public_tags(), slug=slug)
        return super().get(request, *args, tag=self.tag, **kwargs)

    def get_scope(self) -> QuerySet[Statement]:
        return super().get_scope().filter(tags=self.tag)


class StatementDetailView(DetailView):
    """The permalink. Retracted statements keep theirs, with a notice; drafts are staff-only."""

    model = Statement

    def get_queryset(self):
        reported_in = Source.objects.select_related("outlet").order_by("published_on", "title")
        return Statement.objects.with_related().prefetch_related(
            Prefetch("reported_in", queryset=reported_in)
        )

    def get_object(self, queryset=None):
        statement = super().get_object(queryset)
        if not statement.has_permalink and not self.request.user.is_staff:
            raise Http404("No statement found.")
        return statement

    def get_context_data(self, **kwargs):
        statement = self.object
        url = self.request.build_absolute_uri(statement.get_absolute_url())
        speaker_url = (
            self.request.build_absolute_uri(statement.speaker.get_absolute_url())
            if statement.speaker_id
            else None
        )
        earlier, later = self.speakers_neighbours(statement)
        notes = statement.public_notes()
        return super().get_context_data(
            canonical_url=url,
            citation=citation(statement, url),
            notes=notes,
            retraction=statement.retraction(),
            withholding=statement.withholding(),
            json_ld=quotation_json_ld(statement, url, speaker_url) if statement.is_public else None,
            earlier_statement=earlier,
            later_statement=later,
            **kwargs,
        )

    @staticmethod
    def speakers_neighbours(statement: Statement) -> tuple[Statement | None, Statement | None]:
        """The speaker's published statements just before and after this one (two queries)."""
        if statement.speaker is None:
            return None, None
        theirs = Statement.objects.published().by(statement.speaker).only("text", "said_on")
        neighbours = []
        for order in (NEWEST_FIRST, OLDEST_FIRST):
            beyond = order.beyond(statement.said_on, statement.pk)
            neighbours.append(theirs.filter(beyond).order_by(*order.order_by()).first())
        return neighbours[0], neighbours[1]


class CorrectionListView(TemplateView):
    """Every public correction, retraction and restoration, newest first, by keyset."""

    template_name = "statements/correction_list.html"
    per_page = 20

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        notes = Correction.objects.public().with_related()
        page = keyset_page(
            notes,
            LATEST_NOTES,
            after=request.GET.get("after"),
            before=request.GET.get("before"),
            per_page=self.per_page,
        )
        if page is None:
            return HttpResponseRedirect(first_page_url(request))
        return self.render_to_response(self.get_context_data(page=page, **kwargs))


def export_statements(request: HttpRequest, format: str) -> StreamingHttpResponse:
    """ "Download these results" of /statements/ (and search and tag pages): every published
    statement the page's filters and search match, streamed."""
    statements = exports.exported_statements(Statement.objects.published(), request)
    rows = exports.statement_rows(statements, request)
    return download("statements", format, exports.COLUMNS, rows)
