from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from common.safe_autocomplete import BoundedTabularInline, SafeAutocompleteMixin
from common.submissions import SubmitOnceAdminMixin

from .models import Event, Participation


class ChildEventInline(BoundedTabularInline):
    model = Event
    fk_name = "parent"
    extra = 0
    fields = ["title", "slug", "start_date", "end_date", "location"]
    show_change_link = True
    verbose_name = "child event"
    verbose_name_plural = "child events"


class ParticipationInline(BoundedTabularInline):
    model = Participation
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Event)
class EventAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["title", "start_date", "end_date", "location", "parent"]
    list_select_related = ["parent"]
    search_fields = ["title", "location", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "start_date"
    inlines = [ParticipationInline, ChildEventInline]


@admin.register(Participation)
class ParticipationAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["event", "person", "role"]
    list_select_related = ["event", "person"]
    list_filter = [("event", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["event__title", "person__name", "role"]
    autocomplete_fields = ["event", "person"]
