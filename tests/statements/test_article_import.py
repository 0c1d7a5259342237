import datetime
import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.urls import reverse

from people.models import Person
from statements.demo import records
from statements.models import Source, Statement
from tests import factories

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:statements_statement_import_article")
SEED_TEXT = settings.DEMO_SEED_PATH.read_text(encoding="utf-8")
ARTICLE_URL = "https://news.example/2021/03/14/malthouse-vigil"


def article_data(**overrides) -> dict:
    data = {
        "step": "extract",
        "text": SEED_TEXT,
        "new_outlet": "The Example Times",
        "headline": "Vigil clashes ‘distressing’, says policing minister",
        "url": ARTICLE_URL,
        "published_on": "2021-03-14",
        "medium": Source.Medium.ONLINE_ARTICLE,
    }
    return data | overrides


def review_post(
    review_response, per_quote_overrides: dict | None = None, tick_all: bool = False
) -> dict:
    """What the review page POSTs when the editor changes only `per_quote_overrides` (and,
    with `tick_all`, first ticks every quote, those already on record included)."""
    quote_forms = review_response.context["quote_forms"]
    data = {key: value for key, value in review_response.context["article_form"].data.items()}
    data["step"] = "create"
    data |= {f"quote-{key}": value for key, value in quote_forms.management_form.initial.items()}
    for index, form in enumerate(quote_forms):
        values = dict(form.initial) | ({"accept": True} if tick_all else {})
        values |= (per_quote_overrides or {}).get(index, {})
        for name, value in values.items():
            if value is None or value is False:
                continue
            if name == "accept":
                value = "on"
            elif hasattr(value, "pk"):
                value = value.pk
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            data[f"quote-{index}-{name}"] = value
    return data


def test_seed_article_becomes_seven_drafts_by_kit_malthouse(editor_client, editor, demo):
    review = editor_client.post(IMPORT_URL, article_data())
    assert review.status_code == 200
    assert len(review.context["quote_forms"]) == 7
    kit = Person.objects.get(slug="kit-malthouse")
    assert all(form.initial["speaker"] == kit for form in review.context["quote_forms"])
    assert review.content.decode().count("<mark") == 7
    # The demo holds these seven already: each is marked so, and left unticked.
    on_record = set(Statement.objects.values_list("pk", flat=True))
    assert all(form.initial["on_record"] in on_record for form in review.context["quote_forms"])
    assert not any(form.initial["accept"] for form in review.context["quote_forms"])
    assert review.content.decode().count("Already on record:") == 7

    # The editor ticks them all the same.
    response = editor_client.post(IMPORT_URL, review_post(review, tick_all=True))
    assert response.status_code == 302
    source = Source.objects.get(url=ARTICLE_URL)
    drafts = list(source.statements.order_by("id"))
    assert len(drafts) == 7
    demo_texts = list(
        Statement.objects.exclude(source=source).order_by("id").values_list("text", "kind")
    )
    assert [(s.text, s.kind) for s in drafts] == demo_texts
    for statement in drafts:
        assert statement.status == Statement.Status.DRAFT
        assert statement.speaker == kit
        assert statement.role.title == "Minister of State for Crime and Policing"
        assert statement.created_by == editor
        assert statement.said_on == datetime.date(2021, 3, 14)
    assert source.outlet.name == "The Example Times"


def test_importing_the_same_url_twice_is_refused_and_duplicates_nothing(editor_client, demo):
    review = editor_client.post(IMPORT_URL, article_data())
    editor_client.post(IMPORT_URL, review_post(review, tick_all=True))
    again = editor_client.post(IMPORT_URL, article_data())
    assert "This article was imported already" in again.content.decode()
    resubmitted = editor_client.post(IMPORT_URL, review_post(review, tick_all=True))
    assert resubmitted.status_code == 200
    assert Statement.objects.filter(source__url=ARTICLE_URL).count() == 7


def test_rejected_and_edited_quotes(editor_client, demo):
    review = editor_client.post(IMPORT_URL, article_data())
    edits = {
        0: {"accept": False},
        1: {"tags": "policing, Accountability", "context": "Interviewed on Sky News"},
    }
    editor_client.post(IMPORT_URL, review_post(review, edits, tick_all=True))
    drafts = list(Statement.objects.filter(source__url=ARTICLE_URL).order_by("id"))
    assert len(drafts) == 6
    assert not drafts[0].text.startswith("Clashes")
    # Tags are case-insensitive: "Accountability" is the demo's existing "accountability".
    assert set(drafts[0].tags.names()) == {"policing", "accountability"}
    assert drafts[0].context == "Interviewed on Sky News"


def test_an_imported_quote_has_one_version_with_its_tags_and_events(editor_client, demo):
    event = factories.event(title="Vigil inquiry")
    review = editor_client.post(IMPORT_URL, article_data())
    edits = {0: {"tags": "policing, inquiry", "events": [event.pk]}}
    editor_client.post(IMPORT_URL, review_post(review, edits, tick_all=True))
    draft = Statement.objects.filter(source__url=ARTICLE_URL).order_by("id").first()
    assert list(draft.events.all()) == [event]
    (version,) = draft.history.all()
    assert version.history_type == "+"
    assert version.tag_names == "inquiry, policing"
    assert [e.event_id for e in version.events.all()] == [event.pk]


def test_unknown_speaker_is_offered_as_a_new_person(editor_client):
    factories.organization(name="The Example Times", classification="outlet")
    text = (
        "Jane Okafor, the council leader, said the bridge would reopen in May.\n"
        "“We have listened to residents and we will get this done,” Ms Okafor said.\n"
    )
    review = editor_client.post(IMPORT_URL, article_data(text=text, url=""))
    forms = list(review.context["quote_forms"])
    assert forms, "the extractor found nothing in a plain attributed quote"
    assert all(form.initial["new_speaker_name"] == "Jane Okafor" for form in forms)
    editor_client.post(IMPORT_URL, review_post(review))
    jane = Person.objects.get(name="Jane Okafor")
    assert jane.statements.count() == len(forms)
    assert jane.statements.first().status == Statement.Status.DRAFT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the box is empty"),
        ("   \n  ", "the box is empty"),
        ("x" * 5_000_000, "at most 1,000,000"),
        ("\x01\x02\x03\x04binary\x05\x06" * 50, "does not read as article text"),
        ("PK\x03\x04" + "\x00" * 100, "Null characters are not allowed"),
    ],
)
def test_bad_pastes_get_a_clear_message(editor_client, text, message):
    response = editor_client.post(IMPORT_URL, article_data(text=text))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Statement.objects.exists()


def test_outlet_is_required(editor_client):
    response = editor_client.post(IMPORT_URL, article_data(new_outlet=""))
    assert "Choose the outlet, or name a new one." in response.content.decode()


def test_import_needs_permission_to_add_statements(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_statement"))
    client.force_login(viewer)
    assert client.get(IMPORT_URL).status_code == 403


def test_statement_list_links_to_the_import(editor_client):
    page = editor_client.get(reverse("admin:statements_statement_changelist")).content.decode()
    assert IMPORT_URL in page


def test_extract_quotes_prints_json_with_an_empty_database(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(SEED_TEXT, encoding="utf-8")
    call_command("extract_quotes", str(article))
    candidates = json.loads(capsys.readouterr().out)
    assert len(candidates) == 7
    for candidate in candidates:
        assert SEED_TEXT[candidate["start"] : candidate["end"]] == candidate["text"]
        assert candidate["speaker"] == "Kit Malthouse"
        assert candidate["person"] is None
        assert {"kind", "speaker_mention", "organization", "sentence"} <= candidate.keys()
    assert [c["kind"] for c in candidates] == [s.kind for s in records.STATEMENTS]


def test_extract_quotes_uses_the_people_on_record(tmp_path, capsys, demo):
    article = tmp_path / "article.txt"
    article.write_text(SEED_TEXT, encoding="utf-8")
    call_command("extract_quotes", str(article), "--format", "text")
    out = capsys.readouterr().out
    assert out.count("Kit Malthouse") >= 7
    call_command("extract_quotes", str(article), "--format", "json")
    assert {c["person"] for c in json.loads(capsys.readouterr().out)} == {"kit-malthouse"}


def test_extract_quotes_explains_unreadable_files(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("extract_quotes", str(tmp_path / "missing.txt"))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("“Caf\xe9”".encode("latin-1", errors="replace") + b"\xe9\xff")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("extract_quotes", str(latin1))


def test_review_prefills_dates_in_the_format_date_inputs_accept(editor_client):
    factories.organization(name="The Example Times", classification="outlet")
    review = editor_client.post(IMPORT_URL, article_data(url=""))
    page = review.content.decode()
    # A browser's <input type="date"> shows nothing for "14/03/2021"; it needs ISO dates.
    assert page.count('type="date" name="quote-0-said_on" value="2021-03-14"') == 1


def test_extract_quotes_reads_an_article_before_the_database_is_migrated(
    tmp_path, capsys, monkeypatch
):
    from django.db import OperationalError

    from statements.management.commands import extract_quotes

    def unmigrated():
        raise OperationalError("no such table: people_person")

    monkeypatch.setattr(extract_quotes, "extract_from_record", lambda text: unmigrated())
    article = tmp_path / "article.txt"
    article.write_text(SEED_TEXT, encoding="utf-8")
    call_command("extract_quotes", str(article))
    captured = capsys.readouterr()
    assert "names come from the article alone" in captured.err
    assert {c["speaker"] for c in json.loads(captured.out)} == {"Kit Malthouse"}


def test_malformed_quote_fields_are_form_errors(editor_client):
    factories.organization(name="The Example Times", classification="outlet")
    data = article_data(step="create", url="") | {
        "quote-TOTAL_FORMS": "1",
        "quote-INITIAL_FORMS": "0",
        "quote-0-accept": "on",
        "quote-0-text": "Words.",
        "quote-0-kind": "rumour",
        "quote-0-speaker": "abc",
        "quote-0-organization": "1.5",
        "quote-0-events": ["x", "99999999999999999999"],
        "quote-0-said_on": "2021-02-30",
    }
    response = editor_client.post(IMPORT_URL, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a valid choice" in page and "Enter a valid date" in page
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    ("management", "error"),
    [
        ({}, "The review came back incomplete, so nothing was saved"),
        ({"quote-TOTAL_FORMS": "100000", "quote-INITIAL_FORMS": "0"}, "at most 500"),
    ],
)
def test_tampered_review_forms_are_refused(editor_client, management, error):
    factories.organization(name="The Example Times", classification="outlet")
    response = editor_client.post(IMPORT_URL, article_data(step="create", url="") | management)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Statement.objects.exists()
