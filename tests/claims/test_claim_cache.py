"""A verdict published, a claim linked or a stance taken shows at once on every cached page
that shows it: the claim, the lists, the statement and its speaker's page."""

import pytest
from django.urls import reverse

from claims.models import Claim, Proposition, Stance, Verdict
from tests import factories
from tests.public.test_page_cache import fetch

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_publishing_a_verdict_shows_at_once_on_every_page_that_shows_the_claim(client, committed):
    statement = factories.statement(text="Crime has halved.")
    claim = Claim.objects.create(
        text="Crime has halved.", short_text="Crime halved", slug="crime", status="published"
    )
    claim.statements.add(statement)
    # Each page, and what it shows of the claim once rated.
    pages = {
        statement.get_absolute_url(): "Crime halved",
        statement.speaker.get_absolute_url(): 'class="panel verdict-tally"',
        reverse("claims:list"): "Crime halved",
        reverse("claims:feed-rss"): "Crime halved",
    }
    for url, shown in pages.items():
        fetch(client, url)
        assert fetch(client, url)[0] == "hit", url
        assert shown not in fetch(client, url)[1], url

    verdict = Verdict.objects.create(claim=claim, rating="false", finding="It rose.")
    committed(lambda: verdict.publish(None))

    for url, shown in pages.items():
        state, page = fetch(client, url)
        assert state == "miss", url
        assert shown in page, url
    assert "It rose." in fetch(client, claim.get_absolute_url())[1]


def test_linking_a_statement_to_a_claim_reaches_the_statement_page(client, committed):
    statement = factories.statement(text="Crime has halved, again.")
    claim = Claim.objects.create(
        text="Crime has halved.", short_text="Crime halved", slug="crime", status="published"
    )
    committed(
        lambda: Verdict.objects.create(claim=claim, rating="false", finding="No.").publish(None)
    )
    fetch(client, statement.get_absolute_url())

    committed(lambda: claim.statements.add(statement))

    state, page = fetch(client, statement.get_absolute_url())
    assert state == "miss" and "Crime halved" in page


def test_a_new_stance_reaches_the_position_page_and_the_speakers_page(client, committed):
    proposition = Proposition.objects.create(question="Should it go?", slug="should-it-go")
    before = factories.statement()
    after = factories.statement(speaker=before.speaker, said_on=before.said_on.replace(year=2022))
    committed(
        lambda: Stance.objects.create(proposition=proposition, statement=before, position="opposes")
    )
    fetch(client, proposition.get_absolute_url())
    fetch(client, before.speaker.get_absolute_url())

    committed(
        lambda: Stance.objects.create(proposition=proposition, statement=after, position="supports")
    )

    assert "Changes of position" in fetch(client, proposition.get_absolute_url())[1]
    assert "Changes of position" in fetch(client, before.speaker.get_absolute_url())[1]
