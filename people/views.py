"""People pages: the A–Z list and each person's record.

A person's page lists statements, so these views use the statements app's public-site pieces
(one filter form, one list item, the statement counts); the people app's models know nothing
of statements.
"""

from django.core.paginator import Paginator
from django.views.generic import DetailView, ListView

from common.pagination import NearestPageMixin
from statements.filters import StatementFilter
from statements.models import Statement

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

    def get_context_data(self, **kwargs):
        person = self.object
        filterset = StatementFilter(
            self.request.GET, queryset=person.statements.published(), without=("speaker",)
        )
        statements = filterset.qs.with_related().order_by("-said_on", "-id")
        paginator = Paginator(statements, self.statements_per_page)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            roles=person.roles.select_related("organization").order_by("-start_date"),
            filterset=filterset,
            page=page,
            **kwargs,
        )
