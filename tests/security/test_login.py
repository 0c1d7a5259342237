"""The admin holds unpublished reporting: guessing passwords stops after a few tries."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "correct-horse-battery"


def sign_in(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def test_the_right_password_after_repeated_wrong_ones_is_refused(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, editor.username, "wrong").status_code == 200
    assert sign_in(client, editor.username, "wrong").status_code == 429  # the last allowed

    response = sign_in(client, editor.username, PASSWORD)

    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_thirty_wrong_passwords_never_let_the_right_one_in(client, editor):
    for _ in range(30):
        sign_in(client, editor.username, "wrong")

    assert sign_in(client, editor.username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_reads_the_same_whether_or_not_the_account_exists(client, editor):
    for username in (editor.username, "nobody-by-this-name"):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            wrong = sign_in(client, username, "wrong")
        locked = sign_in(client, username, "wrong")
        assert locked.status_code == 429
        assert "Sign-in paused" in locked.content.decode()
        assert "Please enter the correct username and password" in wrong.content.decode()


def test_the_same_user_from_another_address_can_still_sign_in(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, editor.username, "wrong", address="203.0.113.7")

    response = sign_in(client, editor.username, PASSWORD, address="198.51.100.20")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_unlock_command_lifts_a_lockout(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, editor.username, "wrong")

    call_command("axes_reset_username", editor.username, verbosity=0)

    assert sign_in(client, editor.username, PASSWORD).status_code == 302


def test_the_admin_cleans_up_expired_attempts_and_keeps_the_recent_ones(client, admin_client):
    """Found by tests/fuzz: the list's action raised AttributeError (a 500)."""
    import datetime

    from axes.models import AccessAttempt

    sign_in(client, "someone", "wrong")
    sign_in(client, "someone-else", "wrong")
    AccessAttempt.objects.filter(username="someone").update(
        attempt_time=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )

    response = admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {
            "action": "cleanup_expired_attempts",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
            "index": 0,
        },
    )

    assert response.status_code == 302
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["someone-else"]


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(rf, settings):
    from common.clients import client_ip

    settings.TRUSTED_PROXIES = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "203.0.113.7"  # the client wrote 6.6.6.6 itself

    settings.TRUSTED_PROXIES = 0
    assert client_ip(request) == "10.0.0.2"


def test_a_staff_session_ends_after_eight_idle_hours():
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST  # idle time, not time since sign-in
