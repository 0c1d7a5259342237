"""Inputs Django's admin (5.2) and django-simple-history take on trust, refused when a forged
request sends them.

- An empty `_to_field`: the change and delete views look the object up by a field named "",
  which raises FieldDoesNotExist (a 500).
- A selected row whose key is not a key ("abc" for an integer id): an action filters the list
  on it, which raises ValueError (a 500).
- `_popup` posted to the page reverting to an earlier version: the admin answers a popup with
  the object's `object_id` from the address, which that page's address does not name (a
  KeyError, after the revert was saved).
- A list's date hierarchy asked for a year past what a date holds (`?start_date__year=99999`
  or 2150000000, or December 9999): Django refuses a date that is no date, but this one
  raised OverflowError or ValueError while making the range (a 500).

The admin's own pages never send any of them. Each is a 400 here, for every ModelAdmin
(Django's and other packages' included), before the view runs.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

from .safe_autocomplete import is_well_formed_key

REVERT_VIEWS = "_simple_history"  # how django-simple-history names them: "<app>_<model>_…"


class ForgedAdminInputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        reverting = match is not None and (match.url_name or "").endswith(REVERT_VIEWS)
        if reverting and IS_POPUP_VAR in request.POST:
            return HttpResponseBadRequest("Reverting to a version is never done in a popup.")
        model_admin = getattr(view, "model_admin", None)  # set on each ModelAdmin's views
        if model_admin is None:
            return None
        if request.POST.get(TO_FIELD_VAR, request.GET.get(TO_FIELD_VAR)) == "":
            return HttpResponseBadRequest("An empty _to_field names no field.")
        key_field = model_admin.model._meta.pk
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        if not all(is_well_formed_key(key_field, key) for key in selected):
            return HttpResponseBadRequest("A selected row's key is not a key of this list.")
        if model_admin.date_hierarchy and not date_range_fits(model_admin.date_hierarchy, request):
            return HttpResponseBadRequest("That year is past what a date holds.")
        return None


def date_range_fits(field: str, request: HttpRequest) -> bool:
    """Whether the date hierarchy's range (a year, a month or a day, as Django's list makes it)
    can be made from the query; a date Django refuses itself (month 13) passes, for it."""
    year, month, day = (request.GET.get(f"{field}__{part}") for part in ("year", "month", "day"))
    if year is None:
        return True
    try:
        start = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return True  # Django's list answers it with its "?e=1" page
    except OverflowError:
        return False
    try:
        if day:
            start + datetime.timedelta(days=1)
        elif month:
            start + datetime.timedelta(days=32)
        else:
            start.replace(year=start.year + 1)
    except (ValueError, OverflowError):
        return False
    return True
