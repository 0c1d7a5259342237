from typing import Any

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from common.imports import NewsroomImportMixin
from common.safe_autocomplete import BoundedTabularInline, SafeAutocompleteMixin
from common.submissions import SubmitOnceAdminMixin

from . import merging
from .imports import PersonResource
from .models import Organization, OtherName, Person, PersonLink, PersonRedirect, Role


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
class PersonAdmin(
    SubmitOnceAdminMixin, NewsroomImportMixin, SafeAutocompleteMixin, SimpleHistoryAdmin
):
    list_display = ["name", "sort_name", "wikidata_qid"]
    search_fields = ["name", "sort_name", "other_names__name", "wikidata_qid"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OtherNameInline, RoleInline, PersonLinkInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "sort_name", "summary"]}),
        ("Identity", {"fields": ["image_url", "wikidata_qid"]}),
        ("Internal", {"fields": ["editor_notes"], "classes": ["collapse"]}),
    ]
    actions = ["merge_people"]
    resource_classes = [PersonResource]

    def has_merge_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("people.merge_person")

    @admin.action(description="Merge the two selected people", permissions=["merge"])
    def merge_people(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """Two records of one person joined: a confirmation page shows what moves from the
        record given up to the one kept; the merge runs when it is posted back."""
        people = list(queryset.order_by("pk")[:3])
        if len(people) != 2:
            self.message_user(request, "Select exactly two people to merge.", messages.ERROR)
            return None
        kept_pk = request.POST.get("survivor", "")
        if "apply" in request.POST and kept_pk in {str(p.pk) for p in people}:
            survivor = next(p for p in people if str(p.pk) == kept_pk)
            merged = next(p for p in people if p is not survivor)
            name, slug = merged.name, merged.slug
            try:
                # The merge and its line in the admin log: both, or neither.
                with transaction.atomic():
                    survivor = merging.merge(survivor, merged, by=request.user)
                    self.log_change(
                        request, survivor, f"Merged “{name}” ({slug}) into this record."
                    )
            except merging.AlreadyMerged as gone:
                self.message_user(request, str(gone), messages.WARNING)
                return None
            self.message_user(
                request,
                f"“{name}” merged into “{survivor.name}”: {survivor.get_absolute_url()} now "
                f"answers for /people/{slug}/.",
                messages.SUCCESS,
            )
            return redirect(reverse("admin:people_person_change", args=[survivor.pk]))
        first, second = people
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Merge two records of one person",
            "people": people,
            "plans": [merging.plan(first, second), merging.plan(second, first)],
            "problem": "Choose the record to keep." if "apply" in request.POST else "",
        }
        return TemplateResponse(request, "admin/people/person/merge.html", context)


@admin.register(Organization)
class OrganizationAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["name", "classification"]
    list_filter = ["classification"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Role)
class RoleAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["person", "title", "label", "organization", "start_date", "end_date"]
    list_filter = ["organization"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "title", "label", "organization__name"]
    autocomplete_fields = ["person", "organization"]
    date_hierarchy = "start_date"


@admin.register(OtherName)
class OtherNameAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["name", "person", "note"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(PersonLink)
class PersonLinkAdmin(SubmitOnceAdminMixin, SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["person", "label", "url"]
    list_select_related = ["person"]
    search_fields = ["person__name", "label", "url"]
    autocomplete_fields = ["person"]


@admin.register(PersonRedirect)
class PersonRedirectAdmin(admin.ModelAdmin):
    """The addresses merges retired; read-only, written by the merge."""

    list_display = ["old_slug", "person", "created_at"]
    list_select_related = ["person"]
    search_fields = ["old_slug", "person__name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
