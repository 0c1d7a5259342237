"""Whatever a reader types into the search box, searching answers instead of raising."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from common.forms import MAX_SEARCH_LENGTH
from statements.models import Statement
from statements.search import clean_query, highlight
from tests import factories

from .helpers import found

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    '"',
    '"unterminated phrase',
    "'",
    "it's",
    "&",
    "vigil & police",
    "|",
    "vigil | police",
    "!",
    "!vigil",
    "%",
    "100%",
    "_",
    ":",
    "vigil:*",
    "*",
    "\\",
    "vigil\\",
    "()",
    "(vigil",
    "<->",
    "-",
    "--vigil",
    "- -",
    "or",
    "vigil or",
    "or or or",
    "<script>alert(1)</script>",
    "'; DROP TABLE statements_statement; --",
    "vigil " * 500,
    "x" * 10_000,
    "Владимир Путин",
    "習近平",
    "بيان",
    "🕯️ vigil",
    "vig\x00il",
    "\x00",
    "vigil\x07\x1b[31m",
    "vigil\u200b",
    "\ud800",
    # Each of these raised "tsquery stack too small" on PostgreSQL (a 500 for anyone).
    "-" * 33,
    "- " * 40,
    "-(" * 40,
    "-" * 200,
    "a-" + "-" * 40 + "b",
    "x-" * 60 + "y",
    '"a b" or ' * 40,
    "-vigil " * 40,
    "!(" * 50 + "vigil",
    "vigil <-> " * 30,
]


@pytest.fixture
def statements():
    return [
        factories.statement(text="The vigil and the police: 100% <b>distressing</b>."),
        factories.statement(text="Владимир Путин сказал это. 習近平も。"),
    ]


@pytest.mark.parametrize("q", ODD_QUERIES)
def test_odd_queries_never_raise(statements, q):
    results = list(Statement.objects.published().search(q))
    assert all(isinstance(statement.search_rank, float) for statement in results)
    highlight(statements, q)
    assert all(statement.search_headline for statement in statements)


def test_queries_are_capped_and_stripped_of_control_characters():
    assert len(clean_query("vigil " * 500)) <= MAX_SEARCH_LENGTH
    assert clean_query("vig\x00il\x07 \n police") == "vig il police"


def test_non_latin_scripts_are_searched(statements):
    assert found("Путин") == {statements[1].pk}


def test_punctuation_only_finds_nothing(statements):
    assert found("&|!:*\\") == set()


# Text made mostly of what query parsers treat specially, with some words among it.
QUERY_PIECES = (
    st.sampled_from(
        ["-", "- ", "(", ")", '"', "'", " or ", "OR", "&", "|", "!", "<->", ":*", "*", "\\", " "]
    )
    | st.sampled_from(["vigil", "police", "covid-19", "don't", "Путин"])
    | st.characters()
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.lists(QUERY_PIECES, max_size=120).map("".join))
def test_generated_queries_never_raise(statements, q):
    results = list(Statement.objects.published().search(q))
    assert all(isinstance(statement.search_rank, float) for statement in results)
    highlight(statements, q)
