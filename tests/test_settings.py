import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.utils import get_random_secret_key

PROJECT = Path(__file__).resolve().parents[1]


def production_environment(**env: str) -> dict[str, str]:
    """This process's environment without the settings a test sets itself, plus `env`."""
    # DJANGO_ALLOW_ASYNC_UNSAFE: `make test` sets it for Playwright; a server never has it.
    own = {"SECRET_KEY", "DEBUG", "STATIC_ROOT", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {k: v for k, v in os.environ.items() if k not in own} | env


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> str:
    """A STATIC_ROOT that `collectstatic` has filled, as `make serve` does."""
    root = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=PROJECT,
        env=production_environment(STATIC_ROOT=str(root)),
        check=True,
        timeout=120,
    )
    return str(root)


def start_server_process(**env) -> subprocess.CompletedProcess:
    """Import the WSGI application in a fresh interpreter, as a production server would."""
    clean = production_environment()
    return subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=PROJECT,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_serving_with_debug_off_needs_a_secret_key():
    result = start_server_process()
    assert result.returncode != 0
    assert "Set SECRET_KEY to serve with DEBUG off." in result.stderr


def test_serving_starts_with_a_secret_key_and_collected_static_files(collected_static):
    result = start_server_process(SECRET_KEY="a-real-secret", STATIC_ROOT=collected_static)
    assert result.returncode == 0, result.stderr


def test_serving_starts_in_debug_without_either():
    assert start_server_process(DEBUG="true").returncode == 0


def test_serving_with_debug_off_refuses_to_start_before_collectstatic(tmp_path):
    result = start_server_process(SECRET_KEY="a-real-secret", STATIC_ROOT=str(tmp_path))
    assert result.returncode != 0
    assert "run `python manage.py collectstatic --noinput` before serving" in result.stderr


def test_management_commands_run_without_a_secret_key():
    clean = production_environment()
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_check_deploy_with_production_settings_gives_no_warning():
    env = production_environment(
        SECRET_KEY=get_random_secret_key(),
        ALLOWED_HOSTS="onrecord.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
