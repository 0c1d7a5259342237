from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from common.safe_autocomplete import BoundedTabularInline, SafeAutocompleteMixin

from .models import Organization, OtherName, Person, PersonLink, Role


class OtherNameInline(BoundedTabularInline):
    model = OtherName
    extra = 1


class PersonLinkInline(BoundedTabularInline):
    model = PersonLink
    extra = 0


class RoleInline(BoundedTabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["title", "label", "organization", "start_date", "end_date"]


@admin.register(Person)
class PersonAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["name", "sort_name", "wikidata_qid"]
    search_fields = ["name", "sort_name", "other_names__name", "wikidata_qid"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OtherNameInline, RoleInline, PersonLinkInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "sort_name", "summary"]}),
        ("Identity", {"fields": ["image_url", "wikidata_qid"]}),
        ("Internal", {"fields": ["editor_notes"], "classes": ["collapse"]}),
    ]


@admin.register(Organization)
class OrganizationAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["name", "classification"]
    list_filter = ["classification"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Role)
class RoleAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["person", "title", "label", "organization", "start_date", "end_date"]
    list_filter = ["organization"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "title", "label", "organization__name"]
    autocomplete_fields = ["person", "organization"]
    date_hierarchy = "start_date"


@admin.register(OtherName)
class OtherNameAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["name", "person", "note"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(PersonLink)
class PersonLinkAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["person", "label", "url"]
    list_select_related = ["person"]
    search_fields = ["person__name", "label", "url"]
    autocomplete_fields = ["person"]
