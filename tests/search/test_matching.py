import pytest

from people.models import OtherName
from statements.models import Statement
from tests import factories

from .helpers import found, postgresql_only

pytestmark = pytest.mark.django_db


def test_finds_words_in_the_statement_text():
    vigil = factories.statement(text="The vigil on the common was peaceful.")
    factories.statement(text="Budgets will be balanced.")
    assert found("vigil") == {vigil.pk}


def test_finds_words_in_the_context():
    statement = factories.statement(context="Asked about the scenes on Clapham Common")
    assert found("Clapham") == {statement.pk}


def test_finds_the_speaker_by_name():
    malthouse = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    statement = factories.statement(speaker=malthouse)
    factories.statement()
    assert found("Malthouse") == {statement.pk}


def test_finds_the_speaker_by_an_other_name():
    malthouse = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    OtherName.objects.create(person=malthouse, name="Policing Supremo")
    statement = factories.statement(speaker=malthouse)
    assert found("supremo") == {statement.pk}


def test_finds_the_demo_statements_by_the_speakers_honorific(demo):
    by_malthouse = Statement.objects.published().filter(speaker__slug="kit-malthouse")
    assert by_malthouse.exists()
    assert found('"Mr Malthouse"') >= set(by_malthouse.values_list("pk", flat=True))


def test_finds_an_unnamed_speaker_by_attribution():
    statement = factories.statement(
        organization=factories.organization(name="Home Office"),
        attribution="a Home Office spokesperson",
    )
    assert found("spokesperson") == {statement.pk}


def test_finds_the_headline_of_the_source():
    source = factories.source(title="Minister backs Met chief after Clapham scenes")
    statement = factories.statement(source=source)
    assert found("Clapham") == {statement.pk}


def test_every_word_must_match_somewhere():
    malthouse = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    both = factories.statement(speaker=malthouse, text="The vigil was distressing.")
    factories.statement(speaker=malthouse, text="Budgets will be balanced.")
    factories.statement(text="The vigil went ahead.")
    assert found("Malthouse vigil") == {both.pk}


def test_search_ignores_case():
    statement = factories.statement(text="The VIGIL on the common.")
    assert found("Vigil") == {statement.pk}


@postgresql_only
def test_stemming_finds_other_forms_of_a_word():
    resign = factories.statement(text="She should not resign.")
    resigned = factories.statement(text="He resigned on Tuesday.")
    assert found("resigning") == {resign.pk, resigned.pk}


@postgresql_only
def test_a_query_of_stop_words_only_finds_nothing():
    factories.statement(text="The vigil on the common.")
    assert found("the") == set()


def test_drafts_and_retracted_statements_are_never_found_after_published():
    published = factories.statement(text="The vigil was peaceful.")
    factories.statement(text="The vigil was a draft.", status=Statement.Status.DRAFT)
    factories.statement(text="The vigil was retracted.", status=Statement.Status.RETRACTED)
    assert found("vigil") == {published.pk}
    assert len(found("vigil", Statement.objects.all())) == 3


def test_exact_phrase_needs_the_words_together_in_order():
    together = factories.statement(text="Crowds gathered on Clapham Common at dusk.")
    factories.statement(text="Common decency was missing in Clapham.")
    assert found('"Clapham Common"') == {together.pk}


def test_a_minus_sign_excludes_a_word():
    with_police = factories.statement(text="The vigil and the police.")
    without = factories.statement(text="The vigil was peaceful.")
    assert found("vigil") == {with_police.pk, without.pk}
    assert found("vigil -police") == {without.pk}


def test_or_finds_either_word():
    vigil = factories.statement(text="The vigil was peaceful.")
    inquiry = factories.statement(text="An inquiry will follow.")
    factories.statement(text="Budgets will be balanced.")
    assert found("vigil or inquiry") == {vigil.pk, inquiry.pk}


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_a_blank_query_returns_the_queryset_unchanged_with_rank_zero(blank):
    statements = [factories.statement() for _ in range(3)]
    results = Statement.objects.published().search(blank)
    assert list(results) == list(Statement.objects.published())
    assert {statement.pk for statement in results} == {s.pk for s in statements}
    assert {statement.search_rank for statement in results} == {0.0}


def test_results_carry_a_rank_and_a_match_in_the_text_ranks_above_one_in_the_headline():
    in_text = factories.statement(text="The vigil was peaceful.")
    in_headline = factories.statement(source=factories.source(title="Scenes at the vigil"))
    ranks = {s.pk: s.search_rank for s in Statement.objects.published().search("vigil")}
    assert all(isinstance(rank, float) for rank in ranks.values())
    assert ranks[in_text.pk] > ranks[in_headline.pk]


def test_results_keep_the_order_of_the_queryset_so_callers_choose_it():
    older = factories.statement(text="The vigil, day one.", said_on="2021-03-13")
    newer = factories.statement(text="The vigil, day two: vigil vigil.", said_on="2021-03-14")
    results = Statement.objects.published().search("vigil")
    assert list(results) == [newer, older]  # Meta.ordering: most recent first
    assert list(results.order_by("said_on")) == [older, newer]


def test_search_chains_and_counts_and_works_as_a_subquery():
    malthouse = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    mine = factories.statement(speaker=malthouse, text="The vigil was peaceful.")
    factories.statement(text="The vigil went ahead.")
    results = Statement.objects.published().by(malthouse).search("vigil")
    assert results.count() == 1
    assert list(Statement.objects.filter(pk__in=results.values("pk"))) == [mine]
