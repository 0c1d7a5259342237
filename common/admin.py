"""Other packages' admins, with what a tampered form or a plain click made a 500 fixed.

- Django's users and groups take their groups and permissions through the same key-checked
  field as the newsroom's admins (common/safe_autocomplete.py): a key past the database's
  integer range was an OverflowError on SQLite.
- django-axes' "Clean up expired attempts" read the time of the request from an attribute axes
  sets only on sign-in requests, so it raised AttributeError (jazzband/django-axes#1424). The
  request is given those attributes first, as a sign-in is.
- django-taggit's tags lose their "Merge selected tags" and their list of tagged items: both
  work on taggit's own TaggedItem table, which nothing here uses (statements and claims keep
  their tags in TaggedStatement and TaggedClaim). The merge said "Tags have been merged" and
  moved no statement's tag (its form raised ValueError when posted without a selection); the
  inline listed nothing, and built up to 2,000 forms for a forged count.
"""

from typing import Any

from axes.admin import AccessAttemptAdmin  # type: ignore[import-untyped]
from axes.handlers.proxy import AxesProxyHandler  # type: ignore[import-untyped]
from axes.models import AccessAttempt  # type: ignore[import-untyped]
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import QuerySet
from django.http import HttpRequest
from taggit.admin import TagAdmin
from taggit.models import Tag

from .safe_autocomplete import SafeAutocompleteMixin


class KeyCheckedGroupAdmin(SafeAutocompleteMixin, GroupAdmin):
    pass


class KeyCheckedUserAdmin(SafeAutocompleteMixin, UserAdmin):
    pass


class NewsroomTagAdmin(TagAdmin):
    inlines: list[Any] = []
    actions: list[Any] = []

    def get_urls(self) -> list[Any]:
        return [url for url in super().get_urls() if url.name != "taggit_tag_merge_tags"]


class AttemptsAdmin(AccessAttemptAdmin):
    @admin.action(description=AccessAttemptAdmin.cleanup_expired_attempts.short_description)
    def cleanup_expired_attempts(self, request: HttpRequest, queryset: QuerySet) -> Any:
        AxesProxyHandler.update_request(request)
        return super().cleanup_expired_attempts(request, queryset)


for model, model_admin in [
    (Group, KeyCheckedGroupAdmin),
    (User, KeyCheckedUserAdmin),
    (AccessAttempt, AttemptsAdmin),
    (Tag, NewsroomTagAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
