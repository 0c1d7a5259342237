"""Searching statements: their text, context, who said them and the headline of their source.

On PostgreSQL, real full-text search: the query is read with `websearch_to_tsquery` ("exact
phrase", -excluded, or) in the `english` configuration (stemming, stop words) and matched
against the stored `search_vector` column, behind the GIN index `statement_search_idx`. Both are
added, and kept up to date by triggers, in migration 0003, which explains why they are not on
the model.

On SQLite, a fallback with the same syntax: every word must appear in the text, context,
attribution, speaker's name or other names, or source headline; as a substring, ignoring the
case of ASCII letters (SQLite's LIKE), without stemming or stop words. The words are looked up
in the FTS5 trigram index `statement_search` that migration 0006 adds and its triggers keep.

The entry points are `Statement.objects.search(q)` and `highlight(page, q)`.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connections
from django.db.models import Case, Expression, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from common.forms import MAX_SEARCH_LENGTH
from common.text import clean_typed_text

from .models import Statement, StatementQuerySet

SEARCH_CONFIG = "english"
SEARCH_INDEX = "statement_search_idx"

# `ts_headline` does not escape HTML. It marks matches with these private-use characters instead
# of tags, and `_marked_html` escapes everything around them before turning them into <mark>, so
# nothing in a statement (not even a literal "<mark>") reaches the page as markup.
_START, _STOP = "\ue000", "\ue001"


def clean_query(q: str) -> str:
    """The query as it is searched for: what the search box keeps of what was typed."""
    return clean_typed_text(q, MAX_SEARCH_LENGTH)


class StoredSearchVector(Expression):
    """The statement's `search_vector` column, which Django's model does not know about.

    Compiled against the query's own base table alias, so it stays right when the queryset is
    used as a subquery (where the table is renamed U0); `RawSQL` with a fixed table name would not.
    """

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name('search_vector')}", []


def search_statements(queryset: StatementQuerySet, q: str) -> StatementQuerySet:
    """The statements of `queryset` matching `q`, annotated with `search_rank`; order unchanged.

    A blank `q` returns every statement (rank 0); a query with nothing searchable in it (stop
    words, punctuation) returns none.
    """
    q = clean_query(q)
    if not q:
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))
    groups = parse_websearch(q)
    if not groups:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=FloatField()))
    if connections[queryset.db].vendor == "postgresql":
        query = SearchQuery(websearch_text(groups), config=SEARCH_CONFIG, search_type="websearch")
        return queryset.filter(SearchVectorExact(StoredSearchVector(), query)).annotate(
            search_rank=SearchRank(StoredSearchVector(), query)
        )
    return _fallback_search(queryset, groups)


def highlight(statements: Sequence[Statement], q: str) -> None:
    """Set `search_headline` on each statement: its text as safe HTML, matches in <mark>.

    Meant for the page shown, not a whole result set: on PostgreSQL it runs one query for all
    the given statements; on SQLite it runs none.
    """
    statements = list(statements)
    if not statements:
        return
    groups = parse_websearch(clean_query(q))
    if not groups:
        marked = {statement.pk: statement.text for statement in statements}
    elif connections[statements[0]._state.db or "default"].vendor == "postgresql":
        query = SearchQuery(websearch_text(groups), config=SEARCH_CONFIG, search_type="websearch")
        headline = SearchHeadline(
            "text",
            query,
            config=SEARCH_CONFIG,
            start_sel=_START,
            stop_sel=_STOP,
            highlight_all=True,  # the whole quote, never a fragment of it
        )
        marked = dict(
            Statement.objects.using(statements[0]._state.db)
            .filter(pk__in=[statement.pk for statement in statements])
            .order_by()
            .values_list("pk", headline)
        )
    else:
        marked = {statement.pk: _mark_in_python(statement.text, groups) for statement in statements}
    for statement in statements:
        html = _marked_html(marked.get(statement.pk, statement.text))
        statement.search_headline = html  # type: ignore[attr-defined]  # set for the page only


def _marked_html(marked: str) -> SafeString:
    """Text with match markers as HTML: every character escaped, markers as balanced <mark>s."""
    html, in_mark = [], False
    for piece in re.split(f"([{_START}{_STOP}])", marked):
        if piece == _START and not in_mark:
            html.append("<mark>")
            in_mark = True
        elif piece == _STOP and in_mark:
            html.append("</mark>")
            in_mark = False
        elif piece not in (_START, _STOP):
            html.append(escape(piece))
    if in_mark:
        html.append("</mark>")
    return mark_safe("".join(html).replace("<mark></mark>", ""))


# Reading the query. PostgreSQL is never given what was typed: it gets the query as we read it,
# rebuilt in plain web-search syntax with bounded size, because some strings raise there
# ("tsquery stack too small" for 33 hyphens, "- - -" or "-(-(") and long ones cost time.

MAX_TERMS = 16
MAX_WORDS_PER_TERM = 12
MAX_WORD_LENGTH = 50


@dataclass(frozen=True)
class Term:
    """One term of a web-search query: a word, or a "quoted phrase", possibly -excluded."""

    words: tuple[str, ...]
    phrase: bool = False
    excluded: bool = False

    @property
    def needles(self) -> list[str]:
        """What must appear, as substrings, for the term to match."""
        return [" ".join(self.words)] if self.phrase else list(self.words)


_TOKEN = re.compile(r'(?P<minus>-)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


def parse_websearch(q: str) -> list[list[Term]]:
    """The query read as `websearch_to_tsquery` reads it: a list of groups that must all match,
    each a list of terms of which one must (`a or b c` is `[[a, b], [c]]`). Punctuation is not
    searchable, so a term made only of it is dropped; operators are read once each, so "- -" and
    "or or" mean nothing. At most `MAX_TERMS` terms, of at most `MAX_WORDS_PER_TERM` words of
    at most `MAX_WORD_LENGTH` characters, are read."""
    groups: list[list[Term]] = []
    alternative = False
    terms = 0
    for token in _TOKEN.finditer(q):
        if terms == MAX_TERMS:
            break
        text = token["phrase"] if token["phrase"] is not None else token["word"]
        if text.lower() == "or" and token["word"] and not token["minus"]:
            alternative = bool(groups)
            continue
        # Case kept: SQLite's LIKE folds ASCII letters only, so "Путин" must stay as typed.
        words = tuple(word[:MAX_WORD_LENGTH] for word in re.findall(r"\w+", text))
        words = words[:MAX_WORDS_PER_TERM]
        if not words:
            continue
        terms += 1
        term = Term(words, phrase=token["phrase"] is not None, excluded=bool(token["minus"]))
        if alternative:
            groups[-1].append(term)
        else:
            groups.append([term])
        alternative = False
    return groups


def websearch_text(groups: list[list[Term]]) -> str:
    """The parsed query written back in web-search syntax, with nothing but words, quotes,
    `-` and `or`, each where it belongs. Words a token held together ("covid-19", "don't")
    become a phrase, which is how PostgreSQL indexes them."""

    def term_text(term: Term) -> str:
        words = " ".join(term.words)
        text = f'"{words}"' if term.phrase or len(term.words) > 1 else words
        return f"-{text}" if term.excluded else text

    return " ".join(" or ".join(term_text(term) for term in group) for group in groups)


# The SQLite fallback.


def _fallback_search(queryset: StatementQuerySet, groups: list[list[Term]]) -> StatementQuerySet:
    condition = Q()
    for group in groups:
        alternatives = Q()
        for term in group:
            alternatives |= _term_condition(term)
        condition &= alternatives
    # A simple rank: how many of the searched words are in the statement's own text.
    rank = sum(
        (
            Case(When(text__icontains=needle, then=1.0), default=0.0)
            for needle in _searched_for(groups)
        ),
        Value(0.0),
    )
    return queryset.filter(condition).annotate(search_rank=rank)


def _searched_for(groups: list[list[Term]]) -> list[str]:
    """The needles of the terms that are not excluded, longest first, without repeats."""
    needles = {
        needle for group in groups for term in group if not term.excluded for needle in term.needles
    }
    return sorted(needles, key=len, reverse=True)


def _term_condition(term: Term) -> Q:
    """Statements whose document (text, context, attribution, speaker's names, headline: the
    FTS5 table of migration 0006) holds every needle of the term, as a substring, ignoring
    the case of ASCII letters. The trigram index answers the LIKE for needles of three or more
    characters; shorter ones read the table."""
    condition = Q()
    for needle in term.needles:
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", needle) + "%"
        condition &= Q(
            pk__in=RawSQL(
                "SELECT rowid FROM statement_search WHERE document LIKE %s ESCAPE '\\'",
                [pattern],
            )
        )
    return ~condition if term.excluded else condition


def _mark_in_python(text: str, groups: list[list[Term]]) -> str:
    """`text` with the words the SQLite fallback matched between markers (whole words)."""
    needles = _searched_for(groups)
    if not needles:
        return text
    alternatives = "|".join(re.escape(needle) for needle in needles)
    pattern = re.compile(rf"\w*(?:{alternatives})\w*", re.IGNORECASE)
    return pattern.sub(lambda match: f"{_START}{match[0]}{_STOP}", text)
