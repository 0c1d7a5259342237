import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings

from common.groups import EDITORS, REVIEWERS, sync_newsroom_groups


@pytest.fixture
def newsroom_groups(db):
    """The Editors and Reviewers groups; recreated because a live-server flush removes them."""
    sync_newsroom_groups(Group, Permission)
    return {group.name: group for group in Group.objects.filter(name__in=[EDITORS, REVIEWERS])}


def _staff_user(django_user_model, username: str, group: Group):
    user = django_user_model.objects.create_user(
        username=username, password="correct-horse-battery", is_staff=True
    )
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model, newsroom_groups):
    return _staff_user(django_user_model, "test-editor", newsroom_groups[EDITORS])


@pytest.fixture
def reviewer(django_user_model, newsroom_groups):
    return _staff_user(django_user_model, "test-reviewer", newsroom_groups[REVIEWERS])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def demo(db):
    """The seed article's record, as `make run` loads it (without the demo accounts)."""
    call_command("load_demo", "--no-accounts", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def plain_http():
    """Tests speak plain HTTP to the app, as a loopback load test does (README: "Serving it"):
    no redirect to HTTPS, cookies sent without TLS. Session-wide and first, so the live
    server's middleware is built with it. tests/security/test_production.py checks the
    production defaults themselves."""
    with override_settings(
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        # Tests sign in often; a slow hash only makes them slow.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        # Tests read each page's context; tests/public/test_page_cache.py turns caching on.
        PAGE_CACHE_SECONDS=0,
    ):
        yield


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests run with DEBUG off but without `collectstatic`: serve static names unhashed."""
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }


@pytest.fixture
def page_cache(settings):
    """Public pages cached as deployed (the suite runs with the cache off), from empty."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a change as if its transaction committed (cache versions are bumped on commit)."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run
