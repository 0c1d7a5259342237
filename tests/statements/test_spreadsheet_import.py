"""Editors import statements, sources and people from CSV or XLSX: a preview first, then all
rows or none; imported statements are drafts; bad files are refused with a reason."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from people.models import OtherName, Person
from statements.models import Source, Statement
from tests import factories

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:statements_statement_import")
CONFIRM = reverse("admin:statements_statement_process_import")
HEADER = "text,kind,speaker,said_on,source,events,tags,status\n"


@pytest.fixture
def record():
    kit = factories.person(name="Kit Malthouse", slug="kit-malthouse")
    OtherName.objects.create(person=kit, name="Mr Malthouse")
    source = factories.source(url="https://news.example/interview")
    event = factories.event(slug="clapham-common-vigil")
    return {"kit": kit, "source": source, "event": event}


def csv_file(text: str, name: str = "statements.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def upload(client, file, format_index: int = 0):
    return client.post(IMPORT, {"import_file": file, "format": format_index, "resource": 0})


def preview_and_confirm(client, file, format_index: int = 0):
    preview = upload(client, file, format_index)
    assert preview.status_code == 200
    confirm = preview.context.get("confirm_form")
    assert confirm is not None, preview.content.decode()[:2000]
    return client.post(CONFIRM, confirm.initial | {"resource": 0})


def test_a_csv_is_previewed_then_imported_as_drafts_by_the_editor(editor_client, editor, record):
    text = HEADER + (
        "We will not tolerate this.,direct,Mr Malthouse,2021-03-14,"
        "https://news.example/interview,clapham-common-vigil,policing; protest,published\n"
        "The police did their best.,direct,kit-malthouse,2021-03-15,"
        f"{record['source'].pk},,,published\n"
    )
    preview = upload(editor_client, csv_file(text))
    page = preview.content.decode()
    assert "We will not tolerate this." in page and "confirm_form" in preview.context
    assert not Statement.objects.exists()  # a preview saves nothing

    done = preview_and_confirm(editor_client, csv_file(text))
    assert done.status_code == 302
    first, second = Statement.objects.order_by("said_on")
    assert {first.status, second.status} == {Statement.Status.DRAFT}  # whatever the file said
    assert first.speaker == second.speaker == record["kit"]  # by other name and by slug
    assert first.source == second.source == record["source"]  # by URL and by id
    assert list(first.events.all()) == [record["event"]]
    assert sorted(first.tags.names()) == ["policing", "protest"]
    assert first.created_by == editor and first.role is None or first.role.person == record["kit"]
    assert first.history.first().history_user == editor
    # One version per row, holding its tags and events, as the statement form makes.
    (version,) = first.history.all()
    assert version.history_type == "+" and version.history_change_reason.startswith("Imported")
    assert version.tag_names == "policing, protest"
    assert [link.event_id for link in version.events.all()] == [record["event"].pk]


def test_one_bad_row_shows_its_error_and_nothing_is_imported(editor_client, record):
    text = HEADER + (
        "Good words.,direct,kit-malthouse,2021-03-14,https://news.example/interview,,,\n"
        "Who said this?,direct,Nobody Known,2021-03-14,https://news.example/interview,,,\n"
        "A bad date.,direct,kit-malthouse,14/03/2021,https://news.example/interview,,,\n"
    )
    preview = upload(editor_client, csv_file(text))
    page = preview.content.decode()
    assert "No person on record is called “Nobody Known”" in page
    assert "confirm_form" not in preview.context or preview.context["confirm_form"] is None
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "words,speaker\nHello,kit-malthouse\n",
            "The file has no column “text”, “said_on”, “source”",
        ),
        (
            HEADER + '=HYPERLINK("http://evil.example"),direct,kit-malthouse,2021-03-14,'
            "https://news.example/interview,,,\n",
            "holds a spreadsheet formula",
        ),
        (
            HEADER
            + "Twice.,direct,kit-malthouse,2021-03-14,https://news.example/interview,,,\n" * 2,
            "This row repeats row",
        ),
    ],
)
def test_bad_files_are_refused_with_a_reason(editor_client, record, text, message):
    preview = upload(editor_client, csv_file(text))
    assert message in preview.content.decode()
    assert not Statement.objects.exists()


def test_a_file_in_another_encoding_or_too_big_is_refused(editor_client, record, monkeypatch):
    latin = (HEADER + "Café words.,direct,kit-malthouse,2021-03-14,x,,,\n").encode("latin-1")
    preview = upload(editor_client, SimpleUploadedFile("s.csv", latin, content_type="text/csv"))
    assert preview.status_code == 200 and not Statement.objects.exists()
    assert "This file is not UTF-8 text" in preview.content.decode()

    import common.imports

    monkeypatch.setattr(common.imports, "MAX_IMPORT_BYTES", 100)
    big = upload(editor_client, csv_file(HEADER + "x" * 200))
    assert "one import takes at most" in big.content.decode()


def test_an_xlsx_imports_too(editor_client, record):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["text", "kind", "speaker", "said_on", "source"])
    sheet.append(
        [
            "From a spreadsheet.",
            "direct",
            "Kit Malthouse",
            "2021-03-14",
            "https://news.example/interview",
        ]
    )
    data = io.BytesIO()
    book.save(data)
    file = SimpleUploadedFile("s.xlsx", data.getvalue())
    done = preview_and_confirm(editor_client, file, format_index=1)
    assert done.status_code == 302
    assert Statement.objects.get().text == "From a spreadsheet."


def test_people_are_matched_by_slug_name_or_other_name_and_added_otherwise(editor_client, record):
    people_import = reverse("admin:people_person_import")
    text = "name,slug,summary\nMr Malthouse,,Policing minister.\nJane Okafor,,Council leader.\n"
    preview = editor_client.post(
        people_import, {"import_file": csv_file(text), "format": 0, "resource": 0}
    )
    confirm = preview.context["confirm_form"]
    editor_client.post(
        reverse("admin:people_person_process_import"), confirm.initial | {"resource": 0}
    )
    record["kit"].refresh_from_db()
    assert record["kit"].summary == "Policing minister."
    assert Person.objects.get(name="Jane Okafor").slug == "jane-okafor"
    assert Person.objects.count() == 2


def test_sources_import_and_a_url_on_record_is_updated_not_repeated(editor_client, record):
    sources_import = reverse("admin:statements_source_import")
    outlet = record["source"].outlet
    text = (
        "title,outlet,url,published_on,medium\n"
        f"Renamed,{outlet.slug},https://news.example/interview,2021-03-14,online\n"
        f"New piece,{outlet.name},https://news.example/new,2021-03-15,online\n"
    )
    preview = editor_client.post(
        sources_import, {"import_file": csv_file(text), "format": 0, "resource": 0}
    )
    confirm = preview.context["confirm_form"]
    editor_client.post(
        reverse("admin:statements_source_process_import"), confirm.initial | {"resource": 0}
    )
    assert Source.objects.count() == 2
    assert Source.objects.get(url="https://news.example/interview").title == "Renamed"


def test_a_failure_while_saving_leaves_nothing_half_imported(editor_client, record):
    """The preview passed; by the time the editor confirms, the second row's source is gone."""
    doomed = factories.source(url="https://news.example/gone")
    text = HEADER + (
        "Saved first.,direct,kit-malthouse,2021-03-14,https://news.example/interview,,,\n"
        "Saved second.,direct,kit-malthouse,2021-03-14,https://news.example/gone,,,\n"
    )
    preview = upload(editor_client, csv_file(text))
    confirm = preview.context["confirm_form"]
    doomed.delete()
    response = editor_client.post(CONFIRM, confirm.initial | {"resource": 0}, follow=True)
    assert "Nothing was imported: the record changed since the preview" in (
        response.content.decode()
    )
    assert not Statement.objects.exists()  # neither row, though the first was fine
