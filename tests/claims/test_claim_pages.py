"""What readers see of claims: the claim page with its ClaimReview, the list, the statement's
claims, a person's verdict tally, positions and changes of position."""

import datetime
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import ORDINAL_RATINGS, Claim, ClaimStatus, Proposition, Rating, Stance, Verdict
from claims.schema import review_rating
from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
DEMO_CLAIM = "police-and-public-managed-the-pandemic-well"


def json_ld_of(page: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert found, "no JSON-LD on the page"
    return json.loads(found.group(1))


def rated_claim(statements: list[Statement], rating: str = Rating.FALSE, **overrides) -> Claim:
    values = {
        "text": "Crime fell by half during the lockdown.",
        "short_text": "Crime fell by half during the lockdown",
        "slug": f"crime-fell-{factories.next_number()}",
        "status": ClaimStatus.PUBLISHED,
    } | overrides
    claim = Claim.objects.create(**values)
    claim.statements.set(statements)
    Verdict.objects.create(claim=claim, rating=rating, finding="It fell by a tenth.").publish(
        None, on=D(2021, 4, 1)
    )
    claim.refresh_from_db()
    return claim


def test_the_demo_has_claims_a_verdict_and_a_proposition_with_kit_malthouses_stance(demo):
    assert Claim.objects.published().count() >= 2
    stance = Stance.objects.get(proposition__slug="should-cressida-dick-resign")
    assert stance.position == "opposes"
    assert stance.statement.speaker.slug == "kit-malthouse"
    assert stance.statement.kind == Statement.Kind.REPORTED
    assert all(claim.verdict.is_demo for claim in Claim.objects.published())


def test_loading_the_demo_twice_adds_no_second_claim_verdict_or_stance(demo):
    counts = (Claim.objects.count(), Verdict.objects.count(), Stance.objects.count())
    call_command("load_demo", no_accounts=True, verbosity=0)
    assert (Claim.objects.count(), Verdict.objects.count(), Stance.objects.count()) == counts


def test_a_demo_verdict_is_shown_as_an_illustration_not_a_finding(client, demo):
    page = client.get(reverse("claims:detail", args=[DEMO_CLAIM])).content.decode()
    assert "Illustrative demo verdict, not a finding" in page


def test_the_claim_page_shows_verdict_finding_evidence_and_statements_oldest_first(client):
    outlet = factories.organization(classification="outlet", name="The Ledger")
    later = factories.statement(said_on=D(2021, 3, 20), text="Crime halved, I tell you.")
    first = factories.statement(said_on=D(2021, 3, 1), text="Crime has halved.")
    claim = rated_claim([later, first])
    evidence = factories.source(outlet=outlet, title="Crime statistics, March 2021")
    claim.verdict.evidence.add(evidence)

    page = client.get(claim.get_absolute_url()).content.decode()

    assert 'class="verdict-badge verdict-badge--false">False<' in page
    assert "It fell by a tenth." in page
    assert "Crime statistics, March 2021" in page
    assert page.index("Crime has halved.") < page.index("Crime halved, I tell you.")


def test_claim_review_json_ld_field_by_field(client, settings):
    settings.SITE_PUBLISHER_NAME = "The Ledger Fact Check"
    settings.SITE_PUBLISHER_URL = "https://ledger.example/"
    speaker = factories.person(name="Ada Quill")
    first = factories.statement(speaker=speaker, said_on=D(2021, 3, 1))
    second = factories.statement(said_on=D(2021, 3, 5))
    claim = rated_claim([second, first], rating=Rating.MOSTLY_FALSE)

    data = json_ld_of(client.get(claim.get_absolute_url()).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ClaimReview"
    assert data["url"] == "http://testserver" + claim.get_absolute_url()
    assert data["claimReviewed"] == claim.short_text and len(data["claimReviewed"]) < 75
    assert data["datePublished"] == "2021-04-01"
    assert data["author"] == {
        "@type": "Organization",
        "name": "The Ledger Fact Check",
        "url": "https://ledger.example/",
    }
    item = data["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Ada Quill"}
    assert item["datePublished"] == "2021-03-01"
    assert [a["url"] for a in item["appearance"]] == [
        "http://testserver" + s.get_absolute_url() for s in (first, second)
    ]
    assert item["firstAppearance"] == item["appearance"][0]
    assert item["appearance"][0]["isBasedOn"]["name"] == first.source.title
    assert data["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Mostly false",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_json_ld_escapes_a_claim_that_tries_to_close_its_script(client):
    claim = rated_claim([factories.statement()], short_text="</script><script>alert(1)")
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page
    assert json_ld_of(page)["claimReviewed"] == "</script><script>alert(1)"


@pytest.mark.parametrize("rating", [r.value for r in Rating])
def test_only_points_on_the_true_false_scale_carry_numbers(rating):
    rendered = review_rating(Verdict(rating=rating))
    assert rendered["alternateName"] == Rating(rating).label
    if rating in (Rating.MISLEADING, Rating.UNSUBSTANTIATED, Rating.NOT_YET_RATED):
        assert set(rendered) == {"@type", "alternateName"}
    else:
        assert rendered["ratingValue"] == ORDINAL_RATINGS[rating]
        assert (rendered["worstRating"], rendered["bestRating"]) == (1, 5)


def test_the_statement_page_lists_the_claims_it_makes_with_badges(client):
    statement = factories.statement()
    claim = rated_claim([statement])
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "Claims it makes" in page
    assert claim.short_text in page and "verdict-badge--false" in page


def test_the_person_page_tallies_verdicts_on_their_claims(client):
    person = factories.person()
    for rating in (Rating.FALSE, Rating.FALSE, Rating.TRUE):
        rated_claim([factories.statement(speaker=person)], rating=rating)
    rated_claim([factories.statement()], rating=Rating.TRUE)  # someone else's
    unpublished = rated_claim([factories.statement(speaker=person)], status=ClaimStatus.DRAFT)
    assert not unpublished.is_public

    page = client.get(person.get_absolute_url()).content.decode()

    tally = page[page.index('class="panel verdict-tally"') :]
    tally = tally[: tally.index("</section>")]
    assert "<svg" in tally and tally.count("<rect") == 2
    numbers = re.findall(r"verdict-badge--([\w-]+)\">[^<]+</span> (\d+)", tally)
    assert numbers == [("true", "1"), ("false", "2")]


def test_a_change_of_position_is_shown_with_both_quotes_and_dates(client):
    person = factories.person(name="Bea Turner")
    proposition = Proposition.objects.create(question="Should it go?", slug="should-it-go")
    before = factories.statement(speaker=person, said_on=D(2021, 3, 14), text="It must stay.")
    after = factories.statement(speaker=person, said_on=D(2021, 6, 1), text="It has to go.")
    Stance.objects.create(proposition=proposition, statement=before, position="opposes")
    Stance.objects.create(proposition=proposition, statement=after, position="supports")

    page = client.get(proposition.get_absolute_url()).content.decode()
    person_page = client.get(person.get_absolute_url()).content.decode()

    assert "Changes of position" in page
    assert "opposes on" in page and "14 March 2021" in page and "1 June 2021" in page
    assert "It must stay." in page and "It has to go." in page
    supports = page[page.index('id="position-supports"') : page.index('id="position-opposes"')]
    assert "Bea Turner" in supports  # counted once, where she stands now
    assert "Changes of position" in person_page and "Should it go?" in person_page


def test_a_stance_that_does_not_change_is_no_change(client):
    person = factories.person()
    proposition = Proposition.objects.create(question="Should it stay?", slug="should-it-stay")
    for day in (1, 2):
        statement = factories.statement(speaker=person, said_on=D(2021, 3, day))
        Stance.objects.create(proposition=proposition, statement=statement, position="opposes")
    page = client.get(proposition.get_absolute_url()).content.decode()
    assert "Changes of position" not in page


def test_the_claim_list_filters_by_verdict_and_person(client):
    person = factories.person(slug="ada-quill")
    false_claim = rated_claim([factories.statement(speaker=person)], rating=Rating.FALSE)
    true_claim = rated_claim([factories.statement()], rating=Rating.TRUE)

    by_verdict = client.get(reverse("claims:list"), {"verdict": "false"})
    by_person = client.get(reverse("claims:list"), {"person": "ada-quill"})

    assert [c.pk for c in by_verdict.context["page"].items] == [false_claim.pk]
    assert [c.pk for c in by_person.context["page"].items] == [false_claim.pk]
    assert true_claim.short_text in client.get(reverse("claims:list")).content.decode()


def test_a_new_verdict_shows_the_earlier_one_when_it_changed_and_why(client):
    claim = rated_claim([factories.statement()], rating=Rating.HALF_TRUE)
    Verdict.objects.create(
        claim=claim, rating=Rating.FALSE, finding="Revised.", change_reason="New figures."
    ).publish(None, on=D(2021, 5, 2))

    page = client.get(claim.get_absolute_url()).content.decode()

    assert "Earlier verdicts" in page
    assert "verdict-badge--half-true" in page and "1 April 2021" in page
    assert "changed on 2 May 2021: New figures." in page


LIST_PAGES = {
    "claims": (lambda: reverse("claims:list"), 8),
    "claims, filtered": (lambda: reverse("claims:list") + "?verdict=false&tag=policing", 9),
    "a claim": (lambda: Claim.objects.get(slug="crowded-claim").get_absolute_url(), 12),
    "positions": (lambda: reverse("claims:positions"), 2),
    "a position": (lambda: reverse("claims:position", args=["crowded-question"]), 3),
    "verdict feed": (lambda: reverse("claims:feed-rss"), 2),
    "person verdict feed": (
        lambda: reverse("claims:person-feed-atom", args=[Statement.objects.first().speaker.slug]),
        3,
    ),
}


@pytest.fixture
def crowded_claims():
    proposition = Proposition.objects.create(question="Crowded?", slug="crowded-question")
    statements = [factories.statement(tags=["policing"]) for _ in range(30)]
    for n, statement in enumerate(statements):
        claim = rated_claim([statement], slug="crowded-claim" if n == 0 else f"claim-{n}")
        claim.tags.add("policing")
        Stance.objects.create(proposition=proposition, statement=statement, position="opposes")
    Claim.objects.get(slug="crowded-claim").statements.set(statements)


@pytest.mark.parametrize("name", LIST_PAGES)
def test_claim_pages_cost_a_bounded_number_of_queries(
    client, crowded_claims, name, django_assert_max_num_queries
):
    url_for, max_queries = LIST_PAGES[name]
    url = url_for()
    with django_assert_max_num_queries(max_queries):
        response = client.get(url)
    assert response.status_code == 200


def test_site_search_shows_matching_claims_as_their_own_group(client, demo):
    response = client.get(reverse("statements:search"), {"q": "pandemic policing"})
    page = response.content.decode()
    assert "Claims checked" in page
    assert "Police and public managed pandemic policing well" in page
    unrelated = client.get(reverse("statements:search"), {"q": "zebracorn"}).content.decode()
    assert "Claims checked" not in unrelated


def test_the_tally_says_how_many_of_its_verdicts_are_demo_illustrations(client, demo):
    page = client.get(reverse("people:detail", args=["kit-malthouse"])).content.decode()
    assert "2 of these are illustrative demo verdicts, not findings." in page


def test_a_claim_made_many_times_pages_its_statements_and_keeps_the_first_appearance(client):
    statements = [
        factories.statement(said_on=D(2021, 1, 1) + datetime.timedelta(days=n)) for n in range(25)
    ]
    claim = rated_claim(list(reversed(statements)))
    first_page = client.get(claim.get_absolute_url())
    later = first_page.context["page"].later_cursor
    assert [s.pk for s in first_page.context["page"].items] == [s.pk for s in statements[:20]]

    second_page = client.get(claim.get_absolute_url(), {"after": later})

    assert [s.pk for s in second_page.context["page"].items] == [s.pk for s in statements[20:]]
    data = json_ld_of(second_page.content.decode())
    first_url = "http://testserver" + statements[0].get_absolute_url()
    assert data["itemReviewed"]["firstAppearance"]["url"] == first_url
    assert len(data["itemReviewed"]["appearance"]) == 25
