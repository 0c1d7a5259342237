import pytest
from django.db import connection
from django.utils.safestring import SafeString

from statements.models import Statement
from statements.search import highlight
from tests import factories

from .helpers import postgresql_only

pytestmark = pytest.mark.django_db


def test_matches_are_marked_and_the_whole_text_is_kept():
    statement = factories.statement(
        text="Along with everyone else, I found the vigil distressing.\n\nIt was a vigil."
    )
    highlight([statement], "vigil")
    assert isinstance(statement.search_headline, SafeString)
    assert statement.search_headline == (
        "Along with everyone else, I found the <mark>vigil</mark> distressing.\n\n"
        "It was a <mark>vigil</mark>."
    )


def test_html_in_the_text_is_escaped_and_only_matches_are_marked():
    statement = factories.statement(
        text='Police <script>alert(1)</script> & "friends" said <mark>no</mark>.'
    )
    highlight([statement], "police friends")
    headline = statement.search_headline
    assert headline == (
        "<mark>Police</mark> &lt;script&gt;alert(1)&lt;/script&gt; "
        "&amp; &quot;<mark>friends</mark>&quot; said &lt;mark&gt;no&lt;/mark&gt;."
    )


def test_a_blank_query_gives_the_escaped_text_without_marks():
    statement = factories.statement(text="Police <b>said</b> so.")
    highlight([statement], "  ")
    assert statement.search_headline == "Police &lt;b&gt;said&lt;/b&gt; so."


def test_a_match_only_in_the_speaker_name_leaves_the_text_unmarked():
    malthouse = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    statement = factories.statement(speaker=malthouse, text="It was distressing.")
    highlight([statement], "Malthouse")
    assert statement.search_headline == "It was distressing."


@postgresql_only
def test_stemmed_forms_are_marked():
    statement = factories.statement(text="He resigned, and they resign too.")
    highlight([statement], "resigning")
    assert statement.search_headline == (
        "He <mark>resigned</mark>, and they <mark>resign</mark> too."
    )


def test_highlighting_a_page_of_twenty_takes_one_query_on_postgresql(
    django_assert_num_queries,
):
    for n in range(25):
        factories.statement(text=f"The vigil, report {n}: <em>distressing</em>.")
    page = list(Statement.objects.published().search("vigil")[:20])
    expected_queries = 1 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(expected_queries):
        highlight(page, "vigil")
    assert all(s.search_headline.startswith("The <mark>vigil</mark>, report") for s in page)
    assert all("&lt;em&gt;" in s.search_headline for s in page)


def test_highlighting_nothing_takes_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        highlight([], "vigil")
