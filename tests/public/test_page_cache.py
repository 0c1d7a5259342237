"""Public pages come from the cache, and an editor's change shows at once on every page that
shows what changed, and on no other."""

import os
import socket

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from statements.models import Statement
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def fetch(client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache", ""), response.content.decode()


@pytest.fixture
def two_speakers():
    first = factories.statement(text="The bridge will reopen in May.", tags=["bridges"])
    second = factories.statement(text="Taxes will not rise this year.")
    return first, second


def test_a_page_asked_for_twice_comes_from_the_cache_the_second_time(client, two_speakers):
    url = two_speakers[0].get_absolute_url()

    assert fetch(client, url)[0] == "miss"
    assert fetch(client, url)[0] == "hit"


def test_a_correction_shows_at_once_on_the_permalink_the_lists_and_the_person_page(
    client, two_speakers, committed
):
    statement = two_speakers[0]
    urls = [
        statement.get_absolute_url(),
        reverse("statements:list"),
        reverse("statements:home"),
        statement.speaker.get_absolute_url(),
    ]
    for url in urls:
        fetch(client, url)

    def correct():
        statement.text = "The bridge will reopen in June."
        statement.save()

    committed(correct)

    for url in urls:
        state, page = fetch(client, url)
        assert state == "miss", url
        assert "reopen in June" in page and "reopen in May" not in page, url


def test_a_change_to_one_speakers_statement_leaves_anothers_permalink_cached(
    client, two_speakers, committed
):
    first, second = two_speakers
    fetch(client, second.get_absolute_url())

    def correct():
        first.text = "Corrected."
        first.save()

    committed(correct)

    assert fetch(client, second.get_absolute_url())[0] == "hit"


def test_renaming_a_person_or_a_tag_shows_on_the_pages_that_name_them(
    client, two_speakers, committed
):
    statement = two_speakers[0]
    fetch(client, statement.get_absolute_url())

    def rename():
        statement.speaker.name = "Jane Renamed"
        statement.speaker.save()
        tag = statement.tags.get()
        tag.name = "bridges-and-roads"
        tag.save()

    committed(rename)

    state, page = fetch(client, statement.get_absolute_url())
    assert state == "miss"
    assert "Jane Renamed" in page and "bridges-and-roads" in page


def test_a_statement_added_to_an_event_shows_on_the_events_page(client, committed):
    event = factories.event(slug="the-vigil")
    factories.statement(text="First words.", events=[event])
    fetch(client, event.get_absolute_url())

    committed(lambda: factories.statement(text="Later words about it.", events=[event]))

    state, page = fetch(client, event.get_absolute_url())
    assert state == "miss" and "Later words about it." in page


def test_retracting_a_statement_takes_it_off_the_cached_lists(client, two_speakers, committed):
    statement = two_speakers[0]
    assert "reopen in May" in fetch(client, reverse("statements:list"))[1]

    def retract():
        statement.status = Statement.Status.RETRACTED
        statement.save()

    committed(retract)

    assert "reopen in May" not in fetch(client, reverse("statements:list"))[1]


def test_an_editors_work_on_a_draft_leaves_every_cached_page_standing(
    client, two_speakers, committed
):
    """A story breaks: editors add, tag and rework drafts by the minute. None of that is on a
    public page, so none of it may empty the cache readers are being served from."""
    published = two_speakers[0]
    event = factories.event(slug="the-vigil")
    urls = [
        published.get_absolute_url(),
        published.speaker.get_absolute_url(),
        reverse("statements:list"),
        reverse("statements:home"),
        event.get_absolute_url(),
    ]
    for url in urls:
        fetch(client, url)

    def work_on_a_draft():
        draft = factories.statement(
            speaker=published.speaker,
            source=published.source,
            status=Statement.Status.DRAFT,
            text="Not yet checked.",
            tags=["bridges"],
            events=[event],
        )
        draft.text = "Not yet checked, second go."
        draft.save()
        draft.tags.add("bridges")
        draft.status = Statement.Status.IN_REVIEW
        draft.save()

    committed(work_on_a_draft)

    assert [fetch(client, url)[0] for url in urls] == ["hit"] * len(urls)


def test_a_new_person_refreshes_the_lists_but_no_permalink(client, two_speakers, committed):
    """An import's new speaker joins the people list at once; no permalink or other person's
    page shows their name yet, so those stay cached."""
    published = two_speakers[0]
    standing = [published.get_absolute_url(), published.speaker.get_absolute_url()]
    for url in [*standing, reverse("people:list")]:
        fetch(client, url)

    committed(lambda: factories.person(name="Marta Quillbeck"))

    state, page = fetch(client, reverse("people:list"))
    assert state == "miss" and "Marta Quillbeck" in page
    assert [fetch(client, url)[0] for url in standing] == ["hit", "hit"]


def test_a_draft_published_shows_at_once(client, two_speakers, committed):
    published = two_speakers[0]
    draft = factories.statement(
        speaker=published.speaker, status=Statement.Status.IN_REVIEW, text="Now checked."
    )
    urls = [published.speaker.get_absolute_url(), reverse("statements:list")]
    for url in urls:
        fetch(client, url)

    def publish():
        draft.status = Statement.Status.PUBLISHED
        draft.save()

    committed(publish)

    for url in urls:
        state, page = fetch(client, url)
        assert state == "miss" and "Now checked." in page, url


def test_staff_always_get_a_fresh_page(editor_client, two_speakers):
    draft = factories.statement(status=Statement.Status.DRAFT)

    response = editor_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert editor_client.get(two_speakers[0].get_absolute_url()).get("X-Page-Cache") is None


def test_a_draft_is_never_cached_for_the_public(client):
    draft = factories.statement(status=Statement.Status.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(
    not redis_reachable() and not os.environ.get("CI"),
    reason="needs Redis at 127.0.0.1:6379 (CI has it)",
)
def test_with_redis_the_cache_and_its_invalidation_work_the_same(client, two_speakers, committed):
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"onrecord-test-{os.getpid()}",
        }
    }
    with override_settings(CACHES=redis):
        cache.clear()
        url = two_speakers[0].get_absolute_url()
        assert fetch(client, url)[0] == "miss"
        assert fetch(client, url)[0] == "hit"

        def correct():
            two_speakers[0].text = "Corrected in Redis."
            two_speakers[0].save()

        committed(correct)
        state, page = fetch(client, url)
        assert state == "miss" and "Corrected in Redis." in page
        cache.clear()
