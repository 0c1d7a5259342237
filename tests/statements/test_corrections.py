"""Corrections: a public statement's record changes only with a reason, and readers see it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from statements.models import Correction, Statement
from tests import factories

from .test_admin import change_form_data

pytestmark = pytest.mark.django_db

S = Statement.Status


@pytest.fixture
def published():
    return factories.statement(
        text="We will not tolerate this kind of behavour.", status=S.PUBLISHED, tags=["policing"]
    )


def change(client, statement, **fields):
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    return client.post(url, change_form_data(statement, **fields))


def test_changing_a_published_quotes_words_needs_a_reason(reviewer_client, published):
    response = change(reviewer_client, published, text="We will not tolerate this behaviour.")
    assert response.status_code == 200
    assert "that is a correction" in response.content.decode()
    published.refresh_from_db()
    assert published.text == "We will not tolerate this kind of behavour."
    assert not published.corrections.exists()


@pytest.mark.parametrize(
    "field, value",
    [("kind", "reported"), ("said_on", "2021-03-15"), ("attribution", "a spokesperson")],
)
def test_each_public_field_of_the_record_needs_a_reason(reviewer_client, published, field, value):
    assert change(reviewer_client, published, **{field: value}).status_code == 200


def test_a_new_speaker_or_source_needs_a_reason(reviewer_client, published):
    other = factories.person()
    assert change(reviewer_client, published, speaker=other.pk).status_code == 200
    assert change(reviewer_client, published, source=factories.source().pk).status_code == 200


def test_fixing_context_tags_or_notes_is_not_a_correction(reviewer_client, published):
    response = change(
        reviewer_client,
        published,
        context="Asked about the vigil",
        tags="policing, vigil",
        editor_notes="checked",
    )
    assert response.status_code == 302
    assert not published.corrections.exists()
    assert not Correction.objects.exists()


def test_a_correction_is_recorded_and_shown_with_the_earlier_wording(
    reviewer_client, reviewer, published
):
    response = change(
        reviewer_client,
        published,
        text="We will not tolerate this kind of behaviour.",
        correction_reason="A word was misspelt in our transcript.",
    )
    assert response.status_code == 302
    note = published.corrections.get()
    assert note.kind == "correction" and note.made_by == reviewer
    assert note.earlier_text == "We will not tolerate this kind of behavour."
    assert note.changed_labels == ["words"]
    version = published.history.first()
    assert version.history_change_reason == "Corrected: A word was misspelt in our transcript."
    assert version.history_user == reviewer

    page = reviewer_client.get(published.get_absolute_url()).content.decode()
    today = datetime.date.today()
    assert f'This quote was corrected on <time datetime="{today:%Y-%m-%d}">' in page
    assert "A word was misspelt in our transcript." in page
    assert "Earlier version:" in page and "behavour" in page


def test_a_new_speaker_is_shown_before_and_after(reviewer_client, published):
    before = published.speaker
    after = factories.person(name="Priti Patel")
    change(reviewer_client, published, speaker=after.pk, correction_reason="Misattributed.")
    page = reviewer_client.get(published.get_absolute_url()).content.decode()
    assert f"Speaker: {before.name} → Priti Patel" in page
    assert "Earlier version" not in page  # the words did not change


def test_corrections_lists_corrections_and_retractions_newest_first(client, reviewer, published):
    before = Statement.objects.get(pk=published.pk)
    published.text = "We will not tolerate this kind of behaviour."
    published.save()
    Correction.record(before, published, by=reviewer, reason="A word was misspelt.")
    retracted = factories.statement(status=S.PUBLISHED)
    retracted.move("retract", by=reviewer, reason="Not said by this speaker.")
    withheld = factories.statement(status=S.PUBLISHED)
    withheld.move("retract", by=reviewer, reason="Withdrawn wordsxyz.")
    withheld.move("withhold", by=reviewer, reason="Legal.")
    draft_again = factories.statement(status=S.PUBLISHED)
    draft_again.move("retract", by=reviewer, reason="Unpublished laterxyz.")
    draft_again.move("restore", by=reviewer, reason="Stands after all.")
    draft_again.move("unpublish", by=reviewer)

    page = client.get(reverse("statements:corrections")).content.decode()
    assert page.index("Not said by this speaker.") < page.index("A word was misspelt.")
    assert "wordsxyz" not in page and "laterxyz" not in page  # withheld, unpublished
    note_url = f"/statements/{retracted.pk}/#note-{retracted.corrections.get().pk}"
    rss = ET.fromstring(client.get(reverse("statements:corrections-rss")).content)
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert len(titles) == 2, titles
    assert titles[0].startswith("Retraction: ") and titles[1].startswith("Correction: ")
    assert rss.find("channel/item/link").text.endswith(note_url)
    atom = ET.fromstring(client.get(reverse("statements:corrections-atom")).content)
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2


def test_corrections_pages_by_keyset(client, reviewer):
    for _ in range(23):
        factories.statement(status=S.PUBLISHED).move("retract", by=reviewer, reason="Wrong.")
    first = client.get(reverse("statements:corrections"))
    assert len(first.context["page"].items) == 20
    later = first.context["page"].later_cursor
    second = client.get(reverse("statements:corrections"), {"after": later})
    assert len(second.context["page"].items) == 3
    assert client.get(reverse("statements:corrections"), {"after": "garbage"}).status_code == 302


def test_a_retracted_statement_shows_why_and_when(client, reviewer, published):
    published.move("retract", by=reviewer, reason="The speaker was misidentified.")
    page = client.get(published.get_absolute_url()).content.decode()
    assert "This statement has been retracted" in page
    assert "The speaker was misidentified." in page


def test_a_reason_without_a_correction_leaves_no_note(reviewer_client, published):
    response = change(
        reviewer_client, published, context="New context", correction_reason="No reason."
    )
    assert response.status_code == 302
    assert not published.corrections.exists()


def test_a_quote_of_several_paragraphs_posted_back_with_crlf_is_not_a_correction(
    reviewer_client,
):
    statement = factories.statement(text="First paragraph.\nSecond paragraph.")
    response = change(
        reviewer_client,
        statement,
        text="First paragraph.\r\nSecond paragraph.",
        context="Asked about the vigil",
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "First paragraph.\nSecond paragraph."
    assert not statement.corrections.exists()
