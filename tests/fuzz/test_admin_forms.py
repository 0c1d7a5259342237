"""Whatever an editor's browser (or a forged request) posts to the admin, it is saved, or
refused with a form error or a 4xx: never a server error.

Every ModelAdmin registered in the admin site is tried, so a new one is fuzzed by default: its
add and change forms, its list (filters, search, ordering, paging) and its actions (the person
merge, the statements' workflow moves, the claims' and verdicts' publishing) with their
confirmation pages, and every other view it adds (spreadsheet imports, given generated files;
reverting to a version); then the article import's two steps and a statement's move and
claim-link views. Each post starts from what the page itself would send (its fields, their
options, the rows an autocomplete offers, its inline formsets' empty rows) and changes some
of it.
"""

from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db.models import Model
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from claims.models import Claim
from statements.models import Statement
from statements.workflow import MOVES
from tests.statements.test_article_import import IMPORT_URL, article_data

from .conftest import FUZZ, send
from .hostile import form_posts, query_strings, values
from .pages import Form, main_form, offered_parameters

pytestmark = pytest.mark.django_db

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def admin_url(model: type[Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def saved_or_refused(response) -> bool:
    """Redirected (saved, or sent back to the list), a client error, or a page showing why the
    post was refused."""
    if response.redirect_chain or 400 <= response.status_code < 500:
        return True
    page = response.content.decode()
    templates = {template.name for template in response.templates}
    return (
        'class="errornote"' in page
        or 'class="errorlist' in page
        or "admin/popup_response.html" in templates
    )


def assert_saved_or_refused(response, url: str, post: dict) -> None:
    assert saved_or_refused(response), (
        f"{response.status_code} with no error shown for POST {url}\n  body: {post!r}"
    )


def changed_row(model: type[Model]) -> Model:
    """The row whose change form is fuzzed; never the signed-in superuser's own account."""
    rows = model._default_manager.order_by("pk")
    if model is User:
        rows = rows.exclude(is_superuser=True)
    row = rows.last()
    assert row is not None, f"Give the fuzz record (tests/fuzz/conftest.py) a {model.__name__}."
    return row


@dataclass
class Page:
    url: str
    form: Form


@pytest.fixture
def form_page(admin_client, record, model, view) -> Page:
    url = admin_url(model, view) if view == "add" else admin_url(model, view, changed_row(model).pk)
    response = admin_client.get(url)
    return Page(url, main_form(response.content.decode()))


@pytest.mark.parametrize("view", ["add", "change"])
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
@FUZZ
@given(data=st.data())
def test_an_add_or_change_form_post_is_saved_or_refused(admin_client, form_page, data):
    post = data.draw(form_posts(form_page.form), label="post")
    response = send(admin_client, "POST", form_page.url, post)
    assert_saved_or_refused(response, form_page.url, post)


@dataclass
class Changelist:
    url: str
    form: Form
    parameters: dict[str, list[str]]
    confirmations: dict[str, Form]  # what each action's confirmation page posts back


@pytest.fixture
def changelist(admin_client, record, model) -> Changelist:
    """The list's filters and links, its actions, and each action's confirmation page (asked
    for two of the listed rows), read from the pages."""
    url = admin_url(model, "changelist")
    page = admin_client.get(url).content.decode()
    form = main_form(page)
    offered = form.fields.get("action")
    actions = [name for name in offered.options if name] if offered else []
    listed = form.fields.get("_selected_action")
    rows = listed.options[:2] if listed else []
    confirmations = {}
    for action in actions:
        answer = admin_client.post(url, {"action": action, "_selected_action": rows, "index": 0})
        if answer.status_code == 200:
            confirmations[action] = main_form(answer.content.decode())
    return Changelist(url, form, offered_parameters(page), confirmations)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
@FUZZ
@given(data=st.data())
def test_a_list_answers_hostile_queries_and_actions(admin_client, changelist, data):
    if data.draw(st.booleans(), label="query, not an action"):
        names = [*changelist.parameters, "q", "o", "p", "e", "all", "_to_field", "_popup"]
        query = data.draw(query_strings(names, changelist.parameters), label="query")
        send(admin_client, "GET", f"{changelist.url}?{query}")
        return
    offered = changelist.form.fields.get("action")
    action = data.draw(values(offered.options if offered else []), label="action")
    rows = changelist.form.fields.get("_selected_action")
    selected = data.draw(st.lists(values(rows.options if rows else []), max_size=3), label="rows")
    confirmation = changelist.confirmations.get(action, Form(None))
    post = data.draw(form_posts(confirmation), label="confirmation")
    post |= {"action": [action], "_selected_action": selected}
    fields = {"index": values(["0"]), "select_across": values(["0", "1"])}
    post |= data.draw(st.fixed_dictionaries({}, optional=fields), label="list fields")
    # Any answer but a server error: an action may answer with its confirmation page.
    send(admin_client, "POST", changelist.url, post)


# Every other view a ModelAdmin adds (spreadsheet imports, reverting to a version, a user's
# password, taggit's tag merge, the tag suggestions), each with the row's key and its latest
# version's where its address takes them. The views with a test of their own are left out.

OWN_TESTS = {"import_article", "move", "link_claim"}
STANDARD_VIEWS = {"add", "change", "changelist", "delete", "history", *OWN_TESTS}


def other_views() -> list[tuple[type[Model], str, int]]:
    found = []
    for model, model_admin in admin.site._registry.items():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        for pattern in model_admin.get_urls():
            if pattern.name and pattern.name.removeprefix(prefix) not in STANDARD_VIEWS:
                found.append((model, pattern.name, pattern.pattern.regex.groups))
    return sorted(found, key=lambda view: view[1])


@pytest.fixture
def other_view(admin_client, record, view) -> Page:
    """The view's address and its page's form."""
    model, name, arguments = view
    row = changed_row(model)
    keys = [row.pk, *([row.history.first().history_id] if hasattr(row, "history") else [])]
    url = reverse(f"admin:{name}", args=keys[:arguments])
    return Page(url, main_form(admin_client.get(url).content.decode()))


@pytest.mark.parametrize("view", other_views(), ids=lambda view: view[1])
@FUZZ
@given(data=st.data())
def test_every_other_admin_view_answers_any_query_or_post(admin_client, other_view, data):
    if data.draw(st.booleans(), label="query, not a post"):
        query = data.draw(query_strings(["term", "q", "format"], {}), label="query")
        send(admin_client, "GET", f"{other_view.url}?{query}")
        return
    post = data.draw(form_posts(other_view.form, files=True), label="post")
    send(admin_client, "POST", other_view.url, post)


# The article import: the article and its source, then the review of the quotes found.


@pytest.fixture
def article_page(admin_client, record) -> Form:
    """The import's first form, offering the seed article and its source among the values."""
    form = main_form(admin_client.get(IMPORT_URL).content.decode())
    for name, value in article_data().items():
        if name in form.fields:
            form.fields[name].options.append(value)
    form.fields["step"].options.append("create")
    return form


@FUZZ
@given(data=st.data())
def test_the_article_imports_first_step_answers_any_article(admin_client, article_page, data):
    post = data.draw(form_posts(article_page), label="post")
    send(admin_client, "POST", IMPORT_URL, post)


@pytest.fixture
def review_page(admin_client, record) -> Form:
    """The review of the seed article's quotes, as the first step shows it."""
    review = admin_client.post(IMPORT_URL, article_data(url="https://news.example/fuzzed"))
    form = main_form(review.content.decode())
    assert "quote-TOTAL_FORMS" in form.fields, "the seed article's review has no quotes"
    return form


@FUZZ
@given(data=st.data())
def test_a_tampered_import_review_is_saved_or_refused(admin_client, review_page, data):
    post = data.draw(form_posts(review_page, fixed={"step": "create"}), label="post")
    response = send(admin_client, "POST", IMPORT_URL, post)
    assert_saved_or_refused(response, IMPORT_URL, post)


# A statement's own views: a workflow move from its form's buttons, and linking a claim.


@pytest.fixture
def statements(record) -> list[str]:
    return [str(pk) for pk in Statement.objects.order_by("pk").values_list("pk", flat=True)]


NOT_ELIGIBLE = "None of these statements can be moved like that now."


@FUZZ
@given(data=st.data())
def test_a_statements_move_is_made_or_refused(admin_client, statements, data):
    # Mostly a real statement and move, so that moves are made, not only refused.
    statement = data.draw(st.sampled_from(statements) | values(statements), label="statement")
    move = data.draw(st.sampled_from(list(MOVES)) | values(list(MOVES)), label="move")
    url = f"/admin/statements/statement/{quote(statement, safe='')}/move/{quote(move, safe='')}/"
    if data.draw(st.booleans(), label="confirmed"):
        fields = {
            "reason": values(["A word was misheard."]),
            "withheld_for": values(["legal", "safety"]),
        }
        post = data.draw(st.fixed_dictionaries({}, optional=fields), label="post")
        response = send(admin_client, "POST", url, post)
        if NOT_ELIGIBLE not in response.content.decode():  # refused, saying why
            assert_saved_or_refused(response, url, post)
    else:
        send(admin_client, "GET", url)


@FUZZ
@given(data=st.data())
def test_linking_a_claim_to_a_statement_is_made_or_refused(admin_client, statements, data):
    statement = data.draw(st.sampled_from(statements) | values(statements), label="statement")
    url = f"/admin/statements/statement/{quote(statement, safe='')}/link-claim/"
    claims = [str(pk) for pk in Claim.objects.values_list("pk", flat=True)]
    post = data.draw(st.fixed_dictionaries({}, optional={"claim": values(claims)}), label="post")
    response = send(admin_client, "POST", url, post)
    assert_saved_or_refused(response, url, post)
