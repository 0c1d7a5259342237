import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.forms.models import _get_foreign_key
from django.urls import reverse

from people.models import Person
from statements.models import Statement
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def inline_management_data(model) -> dict:
    """Empty management forms for each inline on `model`'s admin form (claims and stances on
    a statement's), as the page would post them with no rows added."""
    data = {}
    for inline in admin.site._registry[model].inlines:
        fk = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
        prefix = fk.remote_field.get_accessor_name(model=inline.model).replace("+", "")
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data


def change_form_data(statement: Statement, **overrides) -> dict:
    data = inline_management_data(Statement) | {
        "text": statement.text,
        "kind": statement.kind,
        "speaker": statement.speaker_id or "",
        "role": statement.role_id or "",
        "organization": statement.organization_id or "",
        "attribution": statement.attribution,
        "said_on": statement.said_on.isoformat(),
        "said_at": "",
        "source": statement.source_id,
        "context": statement.context,
        "tags": ", ".join(statement.tags.names()),
        "editor_notes": statement.editor_notes,
    }
    return data | overrides


@pytest.fixture
def draft():
    return factories.statement(status=Statement.Status.DRAFT)


def test_editor_cannot_publish_through_the_change_form(editor_client, draft):
    url = reverse("admin:statements_statement_change", args=[draft.pk])
    response = editor_client.post(
        url, change_form_data(draft, status="published", context="Edited")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.context == "Edited"
    assert draft.status == Statement.Status.DRAFT


def test_editor_cannot_add_a_published_statement(editor_client, editor):
    template = factories.statement(status=Statement.Status.DRAFT)
    data = change_form_data(template, text="A brand new quote.", status="published")
    response = editor_client.post(reverse("admin:statements_statement_add"), data)
    assert response.status_code == 302
    created = Statement.objects.get(text="A brand new quote.")
    assert created.status == Statement.Status.DRAFT
    assert created.created_by == editor and created.updated_by == editor


def test_editor_does_not_see_or_run_the_publication_actions(editor_client, draft):
    url = reverse("admin:statements_statement_changelist")
    page = editor_client.get(url).content.decode()
    assert 'value="publish"' not in page and 'value="retract"' not in page
    editor_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Statement.Status.DRAFT


def test_reviewer_publishes_object_by_object_with_history_and_log(reviewer_client, reviewer):
    drafts = [factories.statement(status=Statement.Status.DRAFT) for _ in range(3)]
    url = reverse("admin:statements_statement_changelist")
    response = reviewer_client.post(
        url, {"action": "publish", "_selected_action": [s.pk for s in drafts]}, follow=True
    )
    assert "3 statement(s) published." in response.content.decode()
    for statement in drafts:
        statement.refresh_from_db()
        assert statement.status == Statement.Status.PUBLISHED
        assert statement.updated_by == reviewer
        assert statement.history.first().history_user == reviewer
        assert statement.history.first().status == Statement.Status.PUBLISHED
    assert LogEntry.objects.filter(user=reviewer).count() == 3


def test_reviewer_retracts_and_unpublishes_only_published_statements(reviewer_client):
    published = factories.statement(status=Statement.Status.PUBLISHED)
    draft = factories.statement(status=Statement.Status.DRAFT)
    url = reverse("admin:statements_statement_changelist")
    selected = {"action": "retract", "_selected_action": [published.pk, draft.pk]}
    asked = reviewer_client.post(url, selected)
    assert "Reason" in asked.content.decode()  # a retraction asks why before anything moves
    published.refresh_from_db()
    assert published.status == Statement.Status.PUBLISHED
    response = reviewer_client.post(
        url, selected | {"apply": "1", "reason": "The quote was misattributed."}, follow=True
    )
    published.refresh_from_db()
    draft.refresh_from_db()
    assert published.status == Statement.Status.RETRACTED
    assert draft.status == Statement.Status.DRAFT
    assert "1 statement(s) left as they were" in response.content.decode()


def test_reviewer_publishes_with_the_forms_button_not_its_fields(reviewer_client, draft):
    change = reverse("admin:statements_statement_change", args=[draft.pk])
    reviewer_client.post(change, change_form_data(draft, status="published"))
    draft.refresh_from_db()
    assert draft.status == Statement.Status.DRAFT
    page = reviewer_client.get(change).content.decode()
    publish = reverse("admin:statements_statement_move", args=[draft.pk, "publish"])
    assert publish in page
    assert reviewer_client.post(publish, {"apply": "1"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Statement.Status.PUBLISHED


def test_editor_cannot_delete_people_or_sources(editor_client):
    person = factories.person()
    source = factories.source()
    for url in (
        reverse("admin:people_person_delete", args=[person.pk]),
        reverse("admin:statements_source_delete", args=[source.pk]),
    ):
        assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert Person.objects.filter(pk=person.pk).exists()


def test_deleting_a_quoted_person_is_refused_with_a_clear_message(admin_client):
    statement = factories.statement()
    url = reverse("admin:people_person_delete", args=[statement.speaker.pk])
    page = admin_client.get(url).content.decode()
    assert "would require deleting the following protected related objects" in page
    admin_client.post(url, {"post": "yes"})
    assert Person.objects.filter(pk=statement.speaker.pk).exists()


def test_editor_has_no_user_management(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


@pytest.mark.parametrize(
    "name",
    [
        "people_person",
        "people_othername",
        "people_personlink",
        "people_organization",
        "people_role",
        "events_event",
        "events_participation",
        "statements_statement",
        "statements_source",
    ],
)
def test_admin_lists_and_forms_open_for_editors(editor_client, name, django_assert_max_num_queries):
    for _ in range(5):
        factories.statement(role=factories.role(), events=[factories.event()], tags=["policing"])
    with django_assert_max_num_queries(25):
        assert editor_client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:{name}_add")).status_code == 200


def test_speaker_autocomplete_matches_other_names(editor_client):
    kit = factories.person(name="Kit Malthouse")
    kit.other_names.create(name="Mr Malthouse")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "statements",
            "model_name": "statement",
            "field_name": "speaker",
            "term": "Mr Malt",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Kit Malthouse"]


def test_change_form_offers_view_on_site(editor_client):
    statement = factories.statement()
    page = editor_client.get(reverse("admin:statements_statement_change", args=[statement.pk]))
    assert "View on site" in page.content.decode()


def test_editor_cannot_publish_by_reverting_to_a_published_version(editor_client, reviewer):
    statement = factories.statement(status=Statement.Status.PUBLISHED)
    statement.status = Statement.Status.DRAFT
    statement.save()
    published_version = statement.history.get(status=Statement.Status.PUBLISHED)
    url = reverse(
        "admin:statements_statement_simple_history",
        args=[statement.pk, published_version.history_id],
    )
    response = editor_client.post(url, change_form_data(statement, status="published"))
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.status == Statement.Status.DRAFT


@pytest.mark.parametrize("malformed", ["abc", "1.5", "99999999999999999999999", "'; --"])
def test_malformed_autocomplete_values_give_form_errors_not_a_crash(editor_client, malformed):
    statement = factories.statement(status=Statement.Status.DRAFT)
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    data = change_form_data(
        statement, speaker=malformed, events=[malformed], reported_in=[malformed]
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    statement.refresh_from_db()
    assert statement.speaker is not None


def test_malformed_organization_in_a_role_inline_is_a_form_error(editor_client):
    person = factories.person()
    url = reverse("admin:people_person_change", args=[person.pk])
    data = {
        "name": person.name,
        "slug": person.slug,
        "sort_name": person.sort_name,
        "other_names-TOTAL_FORMS": "0",
        "other_names-INITIAL_FORMS": "0",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-0-title": "Minister",
        "roles-0-organization": "abc",
        "roles-0-start_date": "2020-01-01",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_changelist_search_finds_words_a_speakers_other_name_and_drafts(editor_client):
    from people.models import OtherName

    speaker = factories.person(name="Jane Okafor")
    OtherName.objects.create(person=speaker, name="Ms Okafor")
    wanted = factories.statement(
        text="The bridge will reopen in May.", speaker=speaker, status=Statement.Status.DRAFT
    )
    factories.statement(text="Nothing about it.")
    url = reverse("admin:statements_statement_changelist")

    for term in ("bridge", "Okafor"):
        response = editor_client.get(url, {"q": term})
        assert response.status_code == 200
        assert list(response.context["cl"].result_list) == [wanted], term


def test_the_changelist_count_stops_at_a_cap_and_pages_still_work(editor_client, monkeypatch):
    from common.pagination import EstimatedCountPaginator

    monkeypatch.setattr(EstimatedCountPaginator, "COUNT_CAP", 3)
    for _ in range(5):
        factories.statement(status=Statement.Status.DRAFT)
    url = reverse("admin:statements_statement_changelist")

    response = editor_client.get(url, {"status__exact": "draft"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 3


def test_the_changelist_lists_newest_first_over_its_index(editor_client):
    older = factories.statement(said_on=D(2020, 1, 1))
    newer = factories.statement(said_on=D(2022, 1, 1))

    response = editor_client.get(reverse("admin:statements_statement_changelist"))

    assert list(response.context["cl"].result_list)[:2] == [newer, older]


def test_save_and_add_another_keeps_the_source_date_and_events(editor_client):
    template = factories.statement(status=Statement.Status.DRAFT)
    vigil = factories.event(title="Vigil")
    data = change_form_data(template, text="The first of seven quotes.") | {
        "events": [vigil.pk],
        "_addanother": "Save and add another",
    }
    response = editor_client.post(reverse("admin:statements_statement_add"), data)
    assert response.status_code == 302
    next_form = editor_client.get(response["Location"])
    form = next_form.context["adminform"].form
    assert str(form["source"].value()) == str(template.source_id)
    assert str(form["said_on"].value()) == template.said_on.isoformat()
    assert [str(v) for v in form["events"].value()] == [str(vigil.pk)]
    assert not form["text"].value() and not form["speaker"].value()


def test_tags_are_chosen_from_existing_ones_and_new_ones_are_allowed(editor_client):
    factories.statement(tags=["policing", "police pay", "budget"])
    suggestions = editor_client.get(reverse("admin:statements_statement_tags"), {"term": "pol"})
    assert [r["text"] for r in suggestions.json()["results"]] == ["police pay", "policing"]
    statement = factories.statement(status=Statement.Status.DRAFT)
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    page = editor_client.get(url).content.decode()
    assert 'class="tag-autocomplete"' in page and "js/tag_autocomplete.js" in page
    # The box posts one value per tag, a tag with a space in it included, and new ones.
    data = change_form_data(statement) | {"tags": ["police pay", "a brand new tag", "budget"]}
    assert editor_client.post(url, data).status_code == 302
    assert sorted(statement.tags.names()) == ["a brand new tag", "budget", "police pay"]


def test_tag_suggestions_are_for_staff_only(client):
    response = client.get(reverse("admin:statements_statement_tags"), {"term": "p"})
    assert response.status_code == 302 and "/login/" in response["Location"]
