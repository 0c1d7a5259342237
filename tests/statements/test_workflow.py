"""The editorial workflow: who may make which move, by which path, and what each leaves behind."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from statements.models import Correction, Statement
from statements.workflow import MOVES, PUBLISH, WITHHOLD, allowed_moves
from tests import factories

from .test_admin import change_form_data

pytestmark = pytest.mark.django_db

S = Statement.Status
ROLES = ["anonymous", "editor", "reviewer"]
# What each role may do: editors write and send to review, reviewers do everything.
MAY = {
    "anonymous": set(),
    "editor": {"submit", "return_to_draft"},
    "reviewer": set(MOVES),
}


@pytest.fixture
def as_role(client, editor, reviewer):
    def sign_in(role: str):
        if role != "anonymous":
            client.force_login(editor if role == "editor" else reviewer)
        return client

    return sign_in


def move_data(move) -> dict:
    return {"apply": "1", "reason": "Checked against the recording.", "withheld_for": "legal"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(MOVES))
def test_each_move_from_the_form_button_only_for_those_allowed(as_role, role, name):
    move = MOVES[name]
    statement = factories.statement(status=move.sources[0])
    client = as_role(role)
    url = reverse("admin:statements_statement_move", args=[statement.pk, name])
    response = client.post(url, move_data(move))
    statement.refresh_from_db()
    if name in MAY[role]:
        assert response.status_code == 302
        assert statement.status == move.target
    else:
        assert response.status_code in (302, 403)  # anonymous: to the sign-in page
        assert statement.status == move.sources[0]


@pytest.mark.parametrize("role", ["editor", "reviewer"])
@pytest.mark.parametrize("name", list(MOVES))
def test_each_move_as_a_list_action_only_for_those_allowed(as_role, role, name):
    move = MOVES[name]
    statement = factories.statement(status=move.sources[0])
    client = as_role(role)
    changelist = reverse("admin:statements_statement_changelist")
    page = client.get(changelist).content.decode()
    assert (f'value="{name}"' in page) == (name in MAY[role])
    client.post(changelist, {"action": name, "_selected_action": [statement.pk]} | move_data(move))
    statement.refresh_from_db()
    expected = move.target if name in MAY[role] else move.sources[0]
    assert statement.status == expected


def test_the_change_form_offers_only_the_moves_the_user_may_make(editor_client, reviewer):
    draft = factories.statement(status=S.DRAFT)
    page = editor_client.get(reverse("admin:statements_statement_change", args=[draft.pk]))
    html = page.content.decode()
    assert reverse("admin:statements_statement_move", args=[draft.pk, "submit"]) in html
    assert reverse("admin:statements_statement_move", args=[draft.pk, "publish"]) not in html
    assert [m.name for m in allowed_moves(S.PUBLISHED, reviewer)] == [
        "unpublish",
        "retract",
        "withhold",
    ]


def test_a_move_from_the_wrong_state_changes_nothing_and_says_so(reviewer_client):
    retracted = factories.statement(status=S.RETRACTED)
    url = reverse("admin:statements_statement_move", args=[retracted.pk, "publish"])
    response = reviewer_client.post(url, {"apply": "1"}, follow=True)
    retracted.refresh_from_db()
    assert retracted.status == S.RETRACTED
    assert "left as they were: not eligible" in response.content.decode()


@pytest.mark.parametrize("name", ["retract", "withhold", "restore", "release"])
def test_a_move_that_leaves_a_note_asks_for_a_reason_first(reviewer_client, name):
    move = MOVES[name]
    statement = factories.statement(status=move.sources[0])
    url = reverse("admin:statements_statement_move", args=[statement.pk, name])
    asked = reviewer_client.post(url, {"apply": "1", "reason": "  "})
    assert asked.status_code == 200 and "This field is required" in asked.content.decode()
    statement.refresh_from_db()
    assert statement.status == move.sources[0] and not statement.corrections.exists()


def test_a_move_records_who_when_why_in_the_history_log_and_note(reviewer_client, reviewer):
    statement = factories.statement(status=S.PUBLISHED)
    url = reverse("admin:statements_statement_move", args=[statement.pk, "retract"])
    reviewer_client.post(url, {"apply": "1", "reason": "The speaker was misidentified."})
    statement.refresh_from_db()
    assert statement.status == S.RETRACTED and statement.status_changed_at is not None
    version = statement.history.first()
    assert version.history_user == reviewer
    assert version.history_change_reason == "Retracted: The speaker was misidentified."
    assert LogEntry.objects.filter(user=reviewer, object_id=str(statement.pk)).exists()
    note = statement.corrections.get()
    assert (note.kind, note.reason, note.made_by) == (
        "retraction",
        "The speaker was misidentified.",
        reviewer,
    )


def test_an_editor_cannot_change_a_statement_the_public_has_seen(editor_client):
    for status in (S.PUBLISHED, S.RETRACTED, S.WITHHELD):
        statement = factories.statement(status=status)
        url = reverse("admin:statements_statement_change", args=[statement.pk])
        page = editor_client.get(url).content.decode()
        assert "Only a reviewer changes a statement the public has seen" in page
        response = editor_client.post(url, change_form_data(statement, text="Rewritten."))
        assert response.status_code == 403
        statement.refresh_from_db()
        assert statement.text != "Rewritten."


def test_an_editor_edits_drafts_and_statements_in_review(editor_client):
    for status in (S.DRAFT, S.IN_REVIEW):
        statement = factories.statement(status=status)
        url = reverse("admin:statements_statement_change", args=[statement.pk])
        assert (
            editor_client.post(url, change_form_data(statement, text="Better.")).status_code == 302
        )
        statement.refresh_from_db()
        assert statement.text == "Better." and statement.status == status


def test_an_editor_links_a_claim_to_a_published_statement_without_changing_it(editor_client):
    from claims.models import Claim

    statement = factories.statement(status=S.PUBLISHED)
    claim = Claim.objects.create(text="A claim.", short_text="A claim", slug="a-claim")
    url = reverse("admin:statements_statement_link_claim", args=[statement.pk])
    assert editor_client.post(url, {"claim": claim.pk}).status_code == 302
    assert list(claim.statements.all()) == [statement]
    statement.refresh_from_db()
    assert statement.status == S.PUBLISHED


def test_reviewers_alone_hold_the_publishing_and_withholding_permissions(editor, reviewer):
    assert not editor.has_perm(PUBLISH) and not editor.has_perm(WITHHOLD)
    assert reviewer.has_perm(PUBLISH) and reviewer.has_perm(WITHHOLD)


def test_the_review_queue_is_one_click_from_the_admin_index_oldest_first(reviewer_client, editor):
    first, second = (factories.statement(status=S.DRAFT) for _ in range(2))
    for statement in (second, first):  # second was sent to review first
        statement.move("submit", by=editor)
    index = reviewer_client.get(reverse("admin:index")).content.decode()
    queue = reverse("admin:statements_statement_changelist") + "?status__exact=in_review"
    assert queue in index and "2 statements in review" in index
    listed = reviewer_client.get(queue).context["cl"].result_list
    assert [s.pk for s in listed] == [second.pk, first.pk]


def test_two_reviewers_pressing_publish_at_once_make_one_move(reviewer):
    statement = factories.statement(status=S.IN_REVIEW)
    stale = Statement.objects.get(pk=statement.pk)
    statement.move("publish", by=reviewer)
    from statements.workflow import MoveNotAllowed

    with pytest.raises(MoveNotAllowed):
        stale.move("publish", by=reviewer)
    assert statement.history.filter(status=S.PUBLISHED).count() == 1


def test_a_withholding_keeps_its_reason_internal_and_its_grounds_public(reviewer_client):
    statement = factories.statement(status=S.PUBLISHED)
    url = reverse("admin:statements_statement_move", args=[statement.pk, "withhold"])
    reviewer_client.post(url, {"apply": "1", "reason": "Injunction 42.", "withheld_for": "safety"})
    page = reviewer_client.get(statement.get_absolute_url()).content.decode()
    assert "withheld for safety reasons on" in page and "Injunction 42" not in page
    assert not Correction.objects.public().exists()


def corrected_once() -> tuple[Statement, str, str]:
    """A published statement whose words changed once: it, its first words, the revert URL."""
    statement = factories.statement(status=S.PUBLISHED, text="The words as first entered.")
    statement.text = "The words as corrected."
    statement.save()
    first = statement.history.last()
    url = reverse(
        "admin:statements_statement_simple_history", args=[statement.pk, first.history_id]
    )
    return statement, first.text, url


def test_an_editor_cannot_revert_a_published_statement_to_an_earlier_version(editor_client):
    statement, first_text, url = corrected_once()
    response = editor_client.post(url, change_form_data(statement, text=first_text))
    assert response.status_code == 403
    statement.refresh_from_db()
    assert statement.text == "The words as corrected."


def test_a_reviewer_reverting_a_published_quotes_words_gives_a_reason(reviewer_client):
    statement, first_text, url = corrected_once()
    refused = reviewer_client.post(url, change_form_data(statement, text=first_text))
    assert refused.status_code == 200 and "that is a correction" in refused.content.decode()
    done = reviewer_client.post(
        url, change_form_data(statement, text=first_text, correction_reason="Reverted a slip.")
    )
    assert done.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "The words as first entered."
    assert statement.corrections.get().earlier_text == "The words as corrected."
    assert statement.history.first().history_change_reason == "Corrected: Reverted a slip."


def test_staff_read_the_record_of_corrections_but_nobody_edits_it(editor_client, reviewer):
    statement = factories.statement(status=S.PUBLISHED)
    note = statement.move("retract", by=reviewer, reason="Misattributed.")
    changelist = editor_client.get(reverse("admin:statements_correction_changelist"))
    assert changelist.status_code == 200 and "Misattributed." in changelist.content.decode()
    change = reverse("admin:statements_correction_change", args=[note.pk])
    assert editor_client.post(change, {"reason": "Rewritten."}).status_code == 403
    note.refresh_from_db()
    assert note.reason == "Misattributed."
