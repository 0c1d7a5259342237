import pytest
from django.template import Context, Template

from common.html import http_url, link_or_text, paragraphs_html


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/a?b=c",
        "http://news.example/",
        "HTTPS://NEWS.EXAMPLE/",
        " https://news.example/ ",
    ],
)
def test_web_addresses_are_links(url):
    assert http_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        '" javascript:alert(1)',
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/relative/path",
        "https://",
        "http:///nohost",
        "https://[broken",
        "",
        None,
        42,
    ],
)
def test_anything_else_is_not(url):
    assert http_url(url) is None


def test_a_link_escapes_its_text_and_its_address():
    html = link_or_text("<b>Sky</b>", 'https://news.example/?a="b"&c')

    assert html == (
        '<a href="https://news.example/?a=&quot;b&quot;&amp;c" rel="noopener">'
        "&lt;b&gt;Sky&lt;/b&gt;</a>"
    )


def test_a_dangerous_address_leaves_the_text_alone_and_escaped():
    assert link_or_text("<b>Sky</b>", "javascript:alert(1)") == "&lt;b&gt;Sky&lt;/b&gt;"


def test_paragraphs_are_escaped_one_p_per_line():
    assert paragraphs_html("One <i>.\n\n  Two.  ") == "<p>One &lt;i&gt;.</p>\n<p>Two.</p>"


def test_the_template_filters_use_the_same_rules():
    template = Template(
        "{% load on_record %}{{ title|link_to:url }}|{{ url|http_url }}|{{ good|http_url }}"
    )

    rendered = template.render(
        Context({"title": "T", "url": "javascript:x", "good": "https://a.example/"})
    )

    assert rendered == "T||https://a.example/"
