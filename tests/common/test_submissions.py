"""Every newsroom add form saves once, however often it is posted (the posts one after the
other here; at the same moment in tests/reliability/test_races.py, on PostgreSQL)."""

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.urls import reverse

from common.models import FormSubmission
from common.submissions import FIELD_NAME
from statements.models import Statement
from tests import factories
from tests.statements.test_admin import change_form_data
from tests.statements.test_article_import import IMPORT_URL, article_data, review_post

pytestmark = pytest.mark.django_db

# Read-only records the workflow writes: nobody adds them by hand.
NO_ADD_FORM = {"people.personredirect", "statements.correction"}
ADDABLE = sorted(
    model._meta.label_lower
    for model in admin.site._registry
    if model._meta.app_label not in {"auth", "axes", "taggit"}
    and model._meta.label_lower not in NO_ADD_FORM
)


@pytest.mark.parametrize("label", ADDABLE)
def test_every_newsroom_add_form_carries_a_fresh_one_time_token(admin_client, label):
    app_label, model_name = label.split(".")
    url = reverse(f"admin:{app_label}_{model_name}_add")
    first, second = admin_client.get(url), admin_client.get(url)
    assert first.status_code == 200
    tokens = [page.context["adminform"].form[FIELD_NAME].value() for page in (first, second)]
    assert tokens[0] and tokens[0] != tokens[1]
    assert f'name="{FIELD_NAME}" value="{tokens[0]}"' in first.content.decode()


def test_a_statement_form_posted_again_is_told_and_saved_once(editor_client):
    template = factories.statement(status=Statement.Status.DRAFT)
    add = reverse("admin:statements_statement_add")
    token = editor_client.get(add).context["adminform"].form[FIELD_NAME].value()
    data = change_form_data(template, text="Posted twice by a double click.") | {FIELD_NAME: token}

    first = editor_client.post(add, data)
    again = editor_client.post(add, data)

    saved = Statement.objects.get(text="Posted twice by a double click.")
    change = reverse("admin:statements_statement_change", args=[saved.pk])
    assert first.status_code == again.status_code == 302
    assert again["Location"] == change
    told = " ".join(str(m) for m in get_messages(again.wsgi_request))
    assert "This form was sent twice. It was saved once" in told
    assert FormSubmission.objects.get(token=token).result_url == change


def test_a_form_with_errors_keeps_its_token_for_the_corrected_post(editor_client):
    template = factories.statement(status=Statement.Status.DRAFT)
    add = reverse("admin:statements_statement_add")
    token = editor_client.get(add).context["adminform"].form[FIELD_NAME].value()
    data = change_form_data(template, text="Corrected before saving.") | {FIELD_NAME: token}

    refused = editor_client.post(add, data | {"said_on": "not a date"})
    assert refused.status_code == 200
    assert refused.context["adminform"].form[FIELD_NAME].value() == token
    assert not FormSubmission.objects.filter(token=token).exists()

    assert editor_client.post(add, data).status_code == 302
    assert Statement.objects.filter(text="Corrected before saving.").count() == 1


def test_a_tampered_token_is_a_form_error_not_a_500(editor_client):
    template = factories.statement(status=Statement.Status.DRAFT)
    add = reverse("admin:statements_statement_add")
    data = change_form_data(template, text="Hand-made post.") | {FIELD_NAME: "not-a-uuid"}
    response = editor_client.post(add, data)
    assert response.status_code == 200
    assert not Statement.objects.filter(text="Hand-made post.").exists()


def test_an_article_review_posted_again_saves_its_drafts_once(editor_client, demo):
    token = editor_client.get(IMPORT_URL).context["article_form"][FIELD_NAME].value()
    article = article_data(url="", headline="Read out twice", **{FIELD_NAME: token})
    review = editor_client.post(IMPORT_URL, article)
    data = review_post(review, tick_all=True)

    first = editor_client.post(IMPORT_URL, data)
    again = editor_client.post(IMPORT_URL, data)

    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Statement.objects.filter(source__title="Read out twice").count() == 7
    told = " ".join(str(m) for m in get_messages(again.wsgi_request))
    assert "sent twice" in told
