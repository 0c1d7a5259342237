"""Template helpers of the public site."""

import json
from typing import Any

from django import template
from django.core.paginator import Page
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# The escapes Django's `json_script` applies: text can never close the <script> element.
_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict[str, Any]) -> SafeString:
    """`data` as a JSON-LD <script>, escaped as `json_script` escapes, so `</script>` is inert."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced; a None or empty value drops one.

    `{% query_with page=3 %}` keeps the reader's filters while moving to page 3.
    """
    params = context["request"].GET.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    return f"?{params.urlencode()}" if params else "?"


@register.filter
def paragraphs(text: str) -> SafeString:
    """Each line of a direct quote as its own escaped <p>: the speaker's paragraphs, kept."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return format_html_join("\n", "<p>{}</p>", ((line,) for line in lines))


@register.filter
def elided_page_range(page: Page) -> list:
    """Page numbers around the current one, with `Paginator.ELLIPSIS` for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
