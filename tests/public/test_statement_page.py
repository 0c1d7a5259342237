"""The permalink: the quote, who said it in which role, where, the citation and the metadata."""

import datetime
import json
import re

import pytest

from statements.citation import citation
from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def json_ld(page: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


@pytest.fixture
def direct(demo) -> Statement:
    return Statement.objects.get(text__startswith="Along with everyone else")


def test_citation_names_speaker_role_outlet_date_and_permalink(direct):
    url = "https://onrecord.example/statements/4/"
    assert citation(direct, url) == (
        "Kit Malthouse, policing minister, Sky News, 14 March 2021. "
        "On Record: https://onrecord.example/statements/4/"
    )


def test_citation_of_an_unnamed_speaker_uses_the_attribution():
    home_office = factories.organization(name="Home Office")
    statement = factories.statement(
        organization=home_office, attribution="A Home Office spokesperson"
    )
    assert citation(statement, "https://x.example/s/1/").startswith(
        f"A Home Office spokesperson, {statement.source.outlet.name}, 14 March 2021. "
    )


def test_a_direct_quote_keeps_its_paragraphs(client, direct):
    page = client.get(direct.get_absolute_url()).content.decode()
    quote = page.split('<blockquote class="quote"')[1].split("</blockquote>")[0]
    assert quote.count("<p>") == 4
    assert "<p>So that we can hold the police accountable" in quote


def test_a_partial_quote_is_shown_as_its_whole_sentence(client, demo):
    partial = Statement.objects.get(text__startswith="Clashes between police")
    page = client.get(partial.get_absolute_url()).content.decode()
    assert (
        '<p class="quote-sentence">Clashes between police and attendees of a vigil for Sarah '
        "Everard were “distressing” and “alarming”</p>"
    ) in page


def test_the_page_shows_speaker_role_date_source_context_events_tags_and_citation(client, direct):
    reporting = factories.source(title="Minister defends police", url="https://news.example/a")
    direct.reported_in.add(reporting)
    page = client.get(direct.get_absolute_url()).content.decode()
    for expected in [
        "Kit Malthouse",
        "Minister of State for Crime and Policing, Home Office",
        "Said on <time",
        "14 March 2021",
        "Sky News",
        "Television interview",
        "Asked about the scenes at the vigil",
        "Minister defends police",
        "Vigil for Sarah Everard on Clapham Common",
        'href="/tags/accountability/"',
        "Cite this",
        "Kit Malthouse, policing minister, Sky News, 14 March 2021. On Record: "
        f"http://testserver/statements/{direct.pk}/",
    ]:
        assert expected in page, expected


def test_json_ld_describes_a_quotation(client, direct):
    data = json_ld(client.get(direct.get_absolute_url()).content.decode())
    assert data["@type"] == "Quotation"
    assert data["text"] == direct.text
    assert data["spokenByCharacter"]["name"] == "Kit Malthouse"
    assert data["spokenByCharacter"]["jobTitle"] == "Minister of State for Crime and Policing"
    assert data["dateCreated"] == "2021-03-14"
    assert data["url"] == f"http://testserver/statements/{direct.pk}/"


def test_text_cannot_break_out_of_the_json_ld_or_the_page(client):
    hostile = '</script><script>alert("x")</script> & <b>bold</b>'
    statement = factories.statement(text=hostile, context=hostile)
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "<b>bold</b>" not in page
    assert page.count("</script>") == page.count("<script")  # every script closes only itself
    assert json_ld(page)["text"] == hostile


def test_opengraph_tags(client, direct):
    page = client.get(direct.get_absolute_url()).content.decode()
    assert '<meta property="og:type" content="article">' in page
    assert f'<meta property="og:url" content="http://testserver/statements/{direct.pk}/">' in page
    assert (
        '<meta property="og:title" content="Kit Malthouse, policing minister, 14 March 2021">'
        in page
    )


def test_links_to_the_speakers_previous_and_next_statements(client):
    speaker = factories.person()
    first, middle, last = (
        factories.statement(speaker=speaker, said_on=D(2021, 3, day), text=f"Day {day}.")
        for day in (1, 2, 3)
    )
    factories.statement(speaker=speaker, said_on=D(2021, 3, 4), status="retracted")
    factories.statement(speaker=speaker, said_on=D(2021, 3, 5), status="draft")
    response = client.get(middle.get_absolute_url())
    assert response.context["earlier_statement"] == first
    assert response.context["later_statement"] == last
    last_page = client.get(last.get_absolute_url())
    assert last_page.context["later_statement"] is None  # not the retracted or the draft one
