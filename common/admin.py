"""Other packages' admins, with what a tampered form or a plain click made a 500 fixed.

- Django's users and groups take their groups and permissions through the same key-checked
  field as the newsroom's admins (common/safe_autocomplete.py): a key past the database's
  integer range was an OverflowError on SQLite.
- django-axes' "Clean up expired attempts" read the time of the request from an attribute axes
  sets only on sign-in requests, so it raised AttributeError (jazzband/django-axes#1424). The
  request is given those attributes first, as a sign-in is.
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

from .safe_autocomplete import SafeAutocompleteMixin


class KeyCheckedGroupAdmin(SafeAutocompleteMixin, GroupAdmin):
    pass


class KeyCheckedUserAdmin(SafeAutocompleteMixin, UserAdmin):
    pass


class AttemptsAdmin(AccessAttemptAdmin):
    @admin.action(description=AccessAttemptAdmin.cleanup_expired_attempts.short_description)
    def cleanup_expired_attempts(self, request: HttpRequest, queryset: QuerySet) -> Any:
        AxesProxyHandler.update_request(request)
        return super().cleanup_expired_attempts(request, queryset)


for model, model_admin in [
    (Group, KeyCheckedGroupAdmin),
    (User, KeyCheckedUserAdmin),
    (AccessAttempt, AttemptsAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
