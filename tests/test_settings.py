import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def start_server_process(**env) -> subprocess.CompletedProcess:
    """Import the WSGI application in a fresh interpreter, as a production server would."""
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
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


@pytest.mark.parametrize("env", [{"SECRET_KEY": "a-real-secret"}, {"DEBUG": "true"}])
def test_serving_starts_with_a_secret_key_or_in_debug(env):
    assert start_server_process(**env).returncode == 0


def test_management_commands_run_without_a_secret_key():
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
