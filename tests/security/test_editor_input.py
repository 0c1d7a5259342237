"""What an editor types is checked by the form before the database sees it; an import saves
everything or nothing, once."""

import time

import pytest
from django.urls import reverse

from people.models import Organization, Person
from statements import import_forms
from statements.models import Source, Statement
from tests import factories
from tests.statements.test_admin import change_form_data
from tests.statements.test_article_import import IMPORT_URL, article_data, review_post

pytestmark = pytest.mark.django_db

LONG_TAG = "t" * 101


def test_a_tag_longer_than_the_database_keeps_is_a_form_error_on_the_statement_form(
    editor_client,
):
    statement = factories.statement(status=Statement.Status.DRAFT)
    url = reverse("admin:statements_statement_change", args=[statement.pk])

    response = editor_client.post(url, change_form_data(statement, tags=f"policing, {LONG_TAG}"))

    assert response.status_code == 200
    assert "A tag can be at most 100 characters; this one has 101" in response.content.decode()
    assert list(statement.tags.names()) == []


def test_a_tag_of_exactly_the_limit_is_saved(editor_client):
    statement = factories.statement(status=Statement.Status.DRAFT)
    url = reverse("admin:statements_statement_change", args=[statement.pk])

    response = editor_client.post(url, change_form_data(statement, tags="t" * 100))

    assert response.status_code == 302
    assert list(statement.tags.names()) == ["t" * 100]


def test_a_long_tag_in_the_import_review_is_a_form_error_and_creates_nothing(editor_client, demo):
    outlets = Organization.objects.count()
    review = editor_client.post(IMPORT_URL, article_data())

    response = editor_client.post(IMPORT_URL, review_post(review, {0: {"tags": LONG_TAG}}))

    assert response.status_code == 200
    assert "A tag can be at most 100 characters" in response.content.decode()
    assert not Source.objects.filter(url=article_data()["url"]).exists()
    assert Organization.objects.count() == outlets  # no orphan "The Example Times"


def test_an_import_that_fails_half_way_leaves_no_outlet_behind(editor_client, demo, monkeypatch):
    outlets = Organization.objects.count()
    review = editor_client.post(IMPORT_URL, article_data())

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("statements.admin.create_drafts", broken)
    editor_client.raise_request_exception = False
    response = editor_client.post(IMPORT_URL, review_post(review))

    assert response.status_code == 500
    assert Organization.objects.count() == outlets
    assert not Source.objects.filter(url=article_data()["url"]).exists()


def test_the_second_of_two_identical_imports_at_once_is_told_already_imported(
    editor_client, demo, monkeypatch
):
    review = editor_client.post(IMPORT_URL, article_data())
    data = review_post(review)
    # The other save lands between this one's check of the URL and its own save.
    monkeypatch.setattr(import_forms.ArticleForm, "clean_url", lambda form: form.data["url"])
    first = factories.source(url=data["url"], title="Saved a moment ago")
    outlets = Organization.objects.count()

    response = editor_client.post(IMPORT_URL, data, follow=True)

    assert response.status_code == 200
    assert "This article was imported already as “Saved a moment ago”" in (
        response.content.decode()
    )
    assert Source.objects.filter(url=data["url"]).get() == first
    assert not first.statements.exists()
    assert Organization.objects.count() == outlets


def article_with_quotes(count: int) -> str:
    return "\n".join(f"“Point number {n} is worth making,” said Jane Okafor." for n in range(count))


def test_an_import_of_150_quotes_can_be_saved(editor_client):
    factories.organization(name="The Example Times", classification="outlet")
    review = editor_client.post(
        IMPORT_URL, article_data(text=article_with_quotes(150), url="https://news.example/150")
    )
    assert len(review.context["quote_forms"]) == 150

    response = editor_client.post(IMPORT_URL, review_post(review))

    assert response.status_code == 302
    assert Person.objects.get(name="Jane Okafor").statements.count() == 150


def test_the_review_holds_at_most_500_quotes_and_says_so(editor_client, settings):
    factories.organization(name="The Example Times", classification="outlet")
    response = editor_client.post(IMPORT_URL, article_data(text=article_with_quotes(520), url=""))

    assert len(response.context["quote_forms"]) == 500
    assert "the last 20 are not shown" in response.content.decode()
    # A review of the most quotes it can hold still fits in one POST.
    fields_per_quote = len(import_forms.QuoteForm.base_fields) + 4  # a few events each
    assert 500 * fields_per_quote + 50 <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


def test_a_tampered_quote_count_builds_no_more_forms_than_the_limit(editor_client):
    factories.organization(name="The Example Times", classification="outlet")
    tampered = {"quote-TOTAL_FORMS": "100000", "quote-INITIAL_FORMS": "0"}

    started = time.perf_counter()
    response = editor_client.post(IMPORT_URL, article_data(step="create", url="") | tampered)
    print(f"tampered review answered in {time.perf_counter() - started:.2f} s")

    assert len(response.context["quote_forms"].forms) <= 500
    assert "The review came back claiming 100,000 quotes" in response.content.decode()
    assert not Statement.objects.exists()


def test_a_tampered_inline_count_builds_no_more_forms_than_rows_plus_fifty(editor_client):
    person = factories.person()
    url = reverse("admin:people_person_change", args=[person.pk])
    data = {
        "name": person.name,
        "slug": person.slug,
        "sort_name": person.sort_name,
        "other_names-TOTAL_FORMS": "100000",
        "other_names-INITIAL_FORMS": "0",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
    }

    response = editor_client.post(url, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Please submit at most 50 forms" in page
    assert page.count('name="other_names-') < 60 * 4
