"""The same thing said once on the record: near-duplicates by the same speaker are flagged."""

import pytest
from django.urls import reverse

from statements.duplicates import candidate_query, near_duplicates
from statements.models import Statement
from tests import factories

from .test_admin import change_form_data

pytestmark = pytest.mark.django_db

QUOTE = (
    "Police officers have an incredibly difficult job and the scenes on Clapham Common "
    "were deeply distressing for everyone who attended the vigil."
)
# A word misheard, a word dropped: the same statement entered a second time.
NEAR_COPY = (
    "Police officers have an incredibly difficult job and the scenes on Clapham Common "
    "were very distressing for everyone who attended the vigil."
)
OTHER_QUOTE = "The budget will fund four thousand new teachers across the north of England."


@pytest.fixture
def on_record():
    return factories.statement(text=QUOTE, status=Statement.Status.PUBLISHED)


def test_a_near_copy_by_the_same_speaker_is_found_most_alike_first(on_record):
    exact = factories.statement(text=NEAR_COPY, speaker=on_record.speaker)
    found = near_duplicates(NEAR_COPY, speaker=on_record.speaker)
    assert [s.pk for s in found] == [exact.pk, on_record.pk]
    assert 0.6 <= found[1].similarity < found[0].similarity <= 1


def test_other_speakers_and_other_words_are_not_duplicates(on_record):
    assert near_duplicates(NEAR_COPY, speaker=factories.person()) == []
    assert near_duplicates(OTHER_QUOTE, speaker=on_record.speaker) == []
    assert near_duplicates("", speaker=on_record.speaker) == []
    assert near_duplicates(NEAR_COPY) == []  # nobody to compare with


def test_unnamed_speakers_are_compared_within_their_organisation():
    home_office = factories.organization()
    statement = factories.statement(text=QUOTE, organization=home_office, attribution="a source")
    assert near_duplicates(NEAR_COPY, organization=home_office) == [statement]
    assert near_duplicates(NEAR_COPY, organization=factories.organization()) == []


def test_candidates_survive_two_changed_distinctive_words():
    groups = candidate_query(QUOTE).split(" | ")
    assert len(groups) == 3 and all(group.count("&") >= 1 for group in groups)
    words = [w.strip("()") for group in groups for w in group.split(" & ")]
    assert len(words) == len(set(words))  # each word in one group only


def test_a_copy_with_two_distinctive_words_changed_is_still_found(on_record):
    copy = QUOTE.replace("incredibly", "really").replace("distressing", "upsetting")
    assert [s.pk for s in near_duplicates(copy, speaker=on_record.speaker)] == [on_record.pk]


def test_a_short_text_has_groups_of_two_words_at_least():
    assert candidate_query("Hedgehog promise northgate") == "(northgate & hedgehog & promise)"
    assert candidate_query("Hedgehog promise northgate abbey") == (
        "(northgate & promise) | (hedgehog & abbey)"
    )
    assert candidate_query("the and of") is None


def test_saving_a_near_duplicate_warns_links_and_waits_for_confirmation(editor_client, on_record):
    data = change_form_data(on_record, text=NEAR_COPY)
    add = reverse("admin:statements_statement_add")
    response = editor_client.post(add, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "may be on record already" in page
    assert reverse("admin:statements_statement_change", args=[on_record.pk]) in page
    assert not Statement.objects.filter(text=NEAR_COPY).exists()

    confirmed = editor_client.post(add, data | {"confirm_not_duplicate": "on"})
    assert confirmed.status_code == 302
    assert Statement.objects.filter(text=NEAR_COPY).count() == 1


def test_editing_other_fields_of_a_statement_with_a_twin_does_not_warn(editor_client, on_record):
    twin = factories.statement(
        text=NEAR_COPY, speaker=on_record.speaker, status=Statement.Status.DRAFT
    )
    url = reverse("admin:statements_statement_change", args=[twin.pk])
    response = editor_client.post(url, change_form_data(twin, context="Asked about the vigil"))
    assert response.status_code == 302
    # ...but changing its words does, and the statement itself is never its own duplicate.
    response = editor_client.post(url, change_form_data(twin, text=NEAR_COPY + " Really."))
    assert response.status_code == 200
    assert [s.pk for s in response.context["adminform"].form.duplicates] == [on_record.pk]
