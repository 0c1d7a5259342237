"""Template helpers of the public site."""

import json
from typing import Any

from django import template
from django.core.paginator import Page
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from common.html import http_url, link_or_text, paragraphs_html
from common.pagination import COUNT_CAP, CappedCount

register = template.Library()

# The escapes Django's `json_script` applies: text can never close the <script> element.
_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict[str, Any]) -> SafeString:
    """`data` as a JSON-LD <script>, escaped as `json_script` escapes, so `</script>` is inert."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: Any) -> str:
    """The current query string with some parameters replaced; a None or empty value drops one.

    `{% query_with page=3 %}` keeps the reader's filters while moving to page 3.
    """
    params = context["request"].GET.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    return f"?{params.urlencode()}" if params else "?"


@register.inclusion_tag("includes/download_links.html", takes_context=True)
def download_links(context: template.Context, route: str, *args: Any, **extra: str) -> dict:
    """ "Download these results" as CSV and JSON: `route` (an export route taking `format`
    after `args`) with the page's filters, without its cursor, plus `extra` parameters."""
    params = context["request"].GET.copy()
    for cursor in ("after", "before", "page"):
        params.pop(cursor, None)
    for name, value in extra.items():
        params[name] = value
    query = f"?{params.urlencode()}" if params else ""
    return {"links": [(label, reverse(route, args=[*args, fmt]) + query) for fmt, label in FORMATS]}


FORMATS = [("csv", "CSV (spreadsheet)"), ("json", "JSON")]


@register.filter
def paragraphs(text: str) -> SafeString:
    """Each line of a direct quote as its own escaped <p>: the speaker's paragraphs, kept."""
    return paragraphs_html(text)


@register.filter
def link_to(text: Any, url: Any) -> SafeString:
    """`{{ source.title|link_to:source.url }}`: the only way a stored URL becomes a link. An
    address that is not http(s) (`javascript:`, `data:`) shows the text alone."""
    return link_or_text(text, url)


@register.filter(name="http_url")
def http_url_filter(url: Any) -> str:
    """The URL for an attribute such as `cite`, or "" when it is not a safe web address."""
    return http_url(url) or ""


@register.filter
def elided_page_range(page: Page) -> list:
    """Page numbers around the current one, with `Paginator.ELLIPSIS` for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


@register.filter
def capped(count: int) -> str:
    """A count that stopped at the cap (`CountOf` a sliced subquery), as readers see it."""
    return str(CappedCount(count, COUNT_CAP))
