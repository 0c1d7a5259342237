from django.views.generic import DetailView

from .models import Person


class PersonDetailView(DetailView):
    model = Person

    def get_context_data(self, **kwargs):
        from statements.models import Statement

        context = super().get_context_data(**kwargs)
        context["statements"] = Statement.objects.published().by(self.object).with_related()
        return context
