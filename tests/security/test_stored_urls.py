"""A stored URL becomes a link only when it is http or https, whichever way it was written."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template import Context, Template

from people.models import Organization, Person, PersonLink
from statements.models import Source
from tests import factories

pytestmark = pytest.mark.django_db

DANGEROUS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    '" javascript:alert(1)',
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://files.example/quote.txt",
]

URL_FIELDS = [
    (Source, "url"),
    (Source, "archive_url"),
    (Person, "image_url"),
    (PersonLink, "url"),
    (Organization, "url"),
]


def record_of(model):
    if model is Source:
        return factories.source()
    if model is Person:
        return factories.person()
    if model is PersonLink:
        return PersonLink.objects.create(person=factories.person(), url="https://a.example/")
    return factories.organization()


@pytest.mark.parametrize("url", DANGEROUS)
@pytest.mark.parametrize(("model", "field"), URL_FIELDS, ids=lambda v: getattr(v, "__name__", v))
def test_full_clean_refuses_a_url_that_is_not_http(model, field, url):
    record = record_of(model)
    setattr(record, field, url)

    with pytest.raises(ValidationError) as refused:
        record.full_clean()

    assert field in refused.value.message_dict


@pytest.mark.parametrize("url", DANGEROUS)
@pytest.mark.parametrize(("model", "field"), URL_FIELDS, ids=lambda v: getattr(v, "__name__", v))
def test_the_database_refuses_it_when_every_check_is_skipped(model, field, url):
    record = record_of(model)

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=record.pk).update(**{field: url})


def test_an_http_url_in_capitals_is_accepted():
    source = factories.source(url="HTTPS://NEWS.EXAMPLE/A")

    source.full_clean()


@pytest.mark.parametrize("url", DANGEROUS)
def test_a_statement_page_shows_a_dangerous_source_url_as_plain_text(url):
    # The database refuses these now; a page must still never link one (older data, a bug).
    source = Source(title="The interview", url=url, archive_url=url)
    html = Template(
        "{% load on_record %}{{ s.title|link_to:s.url }} {{ s.archive_url|link_to:s.archive_url }}"
        "<blockquote{% if s.url|http_url %} cite='{{ s.url|http_url }}'{% endif %}>"
    ).render(Context({"s": source}))

    assert "<a " not in html and "cite=" not in html
    assert "The interview" in html


def test_the_statement_page_links_an_http_source(client):
    statement = factories.statement(
        source=factories.source(
            url="https://news.example/a", archive_url="https://archive.example/b"
        )
    )

    page = client.get(statement.get_absolute_url()).content.decode()

    assert 'href="https://news.example/a"' in page
    assert 'href="https://archive.example/b"' in page
    assert 'cite="https://news.example/a"' in page
