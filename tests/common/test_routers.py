"""Public reads go to a replica when there is one; writes, the admin and staff to the primary."""

import os
import subprocess
import sys

import pytest
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from common import routers
from people.models import Person


@pytest.fixture
def with_replicas(monkeypatch):
    """Two replicas configured, as DATABASE_REPLICA_URLS with two URLs gives."""
    monkeypatch.setattr(routers, "replica_aliases", lambda: ["replica_1", "replica_2"])


def test_replica_urls_become_database_aliases_that_mirror_the_primary_in_tests():
    env = {
        "DATABASE_REPLICA_URLS": "postgres://r1.internal/onrecord,postgres://r2.internal/onrecord"
    }
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "print(sorted(settings.DATABASES), settings.DATABASES['replica_2']['HOST'], "
        "settings.DATABASES['replica_1']['TEST']['MIRROR'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=os.environ | env | {"DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == ("['default', 'replica_1', 'replica_2'] r2.internal default")


def test_without_replicas_everything_is_the_primary():
    router = routers.ReplicaRouter()

    assert router.db_for_read(Person) == "default"
    assert router.db_for_write(Person) == "default"


def test_public_reads_go_to_a_replica_and_writes_to_the_primary(with_replicas):
    router = routers.ReplicaRouter()

    assert {router.db_for_read(Person) for _ in range(50)} == {"replica_1", "replica_2"}
    assert router.db_for_write(Person) == "default"
    assert router.allow_migrate("replica_1", "people") is False
    assert router.allow_migrate("default", "people") is True


@pytest.mark.parametrize(
    ("path", "cookies", "reads_from"),
    [
        ("/people/", {}, "replica"),
        ("/admin/", {}, "default"),
        ("/people/", {"sessionid": "x"}, "default"),
    ],
)
def test_the_admin_and_signed_in_staff_read_from_the_primary(
    with_replicas, path, cookies, reads_from
):
    seen = []

    def view(request):
        seen.append(routers.ReplicaRouter().db_for_read(Person))
        return HttpResponse()

    request = RequestFactory().get(path)
    request.COOKIES.update(cookies)
    routers.PrimaryForStaffMiddleware(view)(request)

    assert seen[0].startswith(reads_from)
    assert routers.ReplicaRouter().db_for_read(Person).startswith("replica")  # reset after


@pytest.mark.django_db
def test_inside_a_transaction_reads_stay_on_the_primary(with_replicas):
    with transaction.atomic():
        assert connections["default"].in_atomic_block
        assert routers.ReplicaRouter().db_for_read(Person) == "default"
