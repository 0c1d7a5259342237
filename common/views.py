"""Site-wide views that belong to no app: the health check, the error pages, and the tag
suggestions of the admin's tag boxes."""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache
from taggit.models import Tag

from .forms import TAG_MAX_LENGTH
from .text import clean_typed_text

RETRY_AFTER_SECONDS = 30


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not: one `SELECT 1`, no session, no
    template, so a load balancer may ask every few seconds."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "database unreachable\n", status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def database_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """The page for a moment without the database: a 503 that says so, and when to retry."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`: a lost database connection is a 503 with its reason, not a 500.

    Django calls this while handling the exception, so `sys.exc_info()` is the error. Nothing
    here touches the database or needs a request context.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable(request)
    return HttpResponse(loader.render_to_string("500.html"), status=500)


# Where a 404 is the API's JSON error rather than a page (config/urls.py mounts the API here).
JSON_PATHS = ("/api/",)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """`handler404`: the site's 404 page; under the API, its JSON error, as for an unknown row,
    so an address the API's routes do not match (`/api/stances/1.5/`) is not an HTML page."""
    if request.path.startswith(JSON_PATHS):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


TAG_SUGGESTIONS = 20


def tag_suggestions(request: HttpRequest) -> JsonResponse:
    """The existing tags matching `?term=`, those starting with it first, as select2 reads
    them (common/widgets.py's TagAutocomplete). The caller checks the user may see tags."""
    term = clean_typed_text(request.GET.get("term", ""), TAG_MAX_LENGTH)
    tags = Tag.objects.order_by("name")
    if term:
        starts_with_term = Case(
            When(name__istartswith=term, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        tags = tags.filter(name__icontains=term).order_by(starts_with_term, "name")
    names = list(tags.values_list("name", flat=True)[:TAG_SUGGESTIONS])
    return JsonResponse(
        {"results": [{"id": name, "text": name} for name in names], "pagination": {"more": False}}
    )
