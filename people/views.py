"""People pages: the A–Z list and each person's record.

A person's page lists statements, so these views use the statements app's public-site pieces
(one filter form, one list item, the statement counts); the people app's models know nothing
of statements.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from common.exports import download
from common.pagination import NearestPageMixin, capped_count, first_page_url, keyset_page
from statements.exports import COLUMNS, exported_statements, statement_rows
from statements.filters import StatementFilter
from statements.models import Statement
from statements.ordering import NEWEST_FIRST

from .forms import NameSearchForm
from .models import Person


class PersonListView(NearestPageMixin, ListView):
    """Everyone on the record, A–Z, searchable by any of their names."""

    paginate_by = 100

    def get_queryset(self):
        self.search_form = NameSearchForm(self.request.GET)
        people = Person.objects.all()
        if self.search_form.is_valid() and self.search_form.cleaned_data["q"]:
            # A subquery, so a person matching on several other names is still counted once.
            matching = Person.objects.matching_name(self.search_form.cleaned_data["q"])
            people = people.filter(pk__in=matching.values("pk"))
        counted = Statement.objects.published().counted_for(people, link="speaker")
        return counted.order_by("sort_name", "name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(search_form=self.search_form, **kwargs)


class PersonDetailView(DetailView):
    """A person, their roles over time and their statements, newest first, filterable."""

    model = Person
    statements_per_page = 20

    def get_queryset(self):
        return Person.objects.prefetch_related("other_names", "links")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        person = self.object = self.get_object()
        filterset = StatementFilter(
            request.GET, queryset=person.statements.published(), without=("speaker",)
        )
        # Newest first, paged by keyset over the speaker's index: any page costs what the
        # first does, and the count stops at a cap.
        page = keyset_page(
            filterset.qs.with_related(),
            NEWEST_FIRST,
            after=request.GET.get("after"),
            before=request.GET.get("before"),
            per_page=self.statements_per_page,
        )
        if page is None:
            return HttpResponseRedirect(first_page_url(request))
        context = self.get_context_data(
            roles=person.roles.select_related("organization").order_by("-start_date"),
            filterset=filterset,
            page=page,
            statement_count=capped_count(filterset.qs),
            earlier_label="Newer statements",
            later_label="Older statements",
        )
        return self.render_to_response(context)


def export_person(request: HttpRequest, slug: str, format: str) -> StreamingHttpResponse:
    """ "Download these results" of a person's page: their published statements the page's
    filters match, streamed."""
    person = get_object_or_404(Person, slug=slug)
    statements = exported_statements(Statement.objects.published().by(person), request)
    rows = statement_rows(statements, request)
    return download(f"{person.slug}-statements", format, COLUMNS, rows)
