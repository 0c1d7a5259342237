"""Turning stored text and URLs into HTML that is safe wherever it is read: pages and feeds.

Whatever an editor, an import or the shell put in the database, text reaches HTML escaped and
a URL becomes a link only when it is http or https.
"""

import re
from urllib.parse import urlsplit

from django.core.validators import URLValidator
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

LINK_SCHEMES = ("http", "https")

# What every URL field accepts: the schemes a reader's browser may follow from our pages.
validate_http_url = URLValidator(
    schemes=list(LINK_SCHEMES), message="Enter a web address starting with http:// or https://."
)

# Browsers drop tabs and line breaks anywhere in a URL, and spaces and control characters at its
# ends, before they read the scheme: "java\tscript:" is javascript. So do we, before judging.
_IGNORED_INSIDE = re.compile(r"[\t\n\r]")
_IGNORED_AT_ENDS = "".join(chr(c) for c in range(0x21))


def http_url(url: object) -> str | None:
    """`url` as a browser would read it when that is an http(s) address with a host, else None."""
    if not isinstance(url, str):
        return None
    cleaned = _IGNORED_INSIDE.sub("", url).strip(_IGNORED_AT_ENDS)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return cleaned


def link_or_text(text: object, url: object, rel: str = "noopener") -> SafeString:
    """An <a> to `url` showing `text`, or just `text` when `url` is not a safe web address."""
    href = http_url(url)
    if href is None:
        return format_html("{}", text)
    return format_html('<a href="{}" rel="{}">{}</a>', href, rel, text)


def paragraphs_html(text: object) -> SafeString:
    """Each non-blank line of `text` as its own escaped <p>: a speaker's paragraphs, kept."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return format_html_join("\n", "<p>{}</p>", ((line,) for line in lines))
