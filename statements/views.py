from django.http import Http404
from django.views.generic import DetailView, ListView

from .models import Statement


class HomeView(ListView):
    template_name = "statements/home.html"
    context_object_name = "statements"

    def get_queryset(self):
        return Statement.objects.published().with_related()[:20]


class StatementDetailView(DetailView):
    model = Statement

    def get_queryset(self):
        return Statement.objects.with_related()

    def get_object(self, queryset=None):
        statement = super().get_object(queryset)
        if statement.status == Statement.Status.DRAFT and not self.request.user.is_staff:
            raise Http404("No statement found.")
        return statement
