"""Old addresses of merged records: a page or feed asked for by a slug that a merge retired
answers with a permanent redirect to the same page of the record it was merged into."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponseBase, HttpResponsePermanentRedirect
from django.urls import reverse

from .models import PersonRedirect


def follow_merged_slug(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """For a view taking a person's `slug`: when it answers 404 and a merge retired the slug,
    301 to the same route with the survivor's slug, query string kept."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, slug: str, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, slug=slug, **kwargs)
        except Http404:
            # Only a page that is not found costs the look-up.
            moved = PersonRedirect.objects.filter(old_slug=slug).select_related("person").first()
            match = request.resolver_match
            if moved is None or match is None:
                raise
        url = reverse(match.view_name, args=args, kwargs={**kwargs, "slug": moved.person.slug})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    return wrapped
