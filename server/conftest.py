"""Shared fixtures: API clients, users and a real Celery worker process.

The worker is a separate `celery worker` process on the same broker and the same
test database as the tests (file SQLite or MariaDB), never eager mode: jobs go
web -> broker -> worker -> database -> API exactly as in production.
"""

import os
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient

from ohmcloud.serve import worker_command

SERVER_DIR = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters live in the cache: start every test from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    """A client that enforces CSRF like a browser would."""
    return APIClient(enforce_csrf_checks=True)


@pytest.fixture
def api_client_anonymous():
    """An anonymous API client (no CSRF needed: anonymous calls carry no session)."""
    return APIClient()


@pytest.fixture
def password():
    return "correct horse battery staple"


@pytest.fixture
def user(django_user_model, password):
    return django_user_model.objects.create_user(username="ada", password=password, email="ada@example.org")


@pytest.fixture
def user_api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"mysql://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 3306}/{db['NAME']}"


def _wait_for_worker(proc: subprocess.Popen, log: Path, timeout: float) -> None:
    from ohmcloud.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"celery worker exited ({proc.returncode}):\n{log.read_text()[-4000:]}")
        if app.control.ping(timeout=0.5):
            return
    raise RuntimeError(f"celery worker did not answer a ping in {timeout:.0f} s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A real `celery worker` process bound to the test database and broker."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "OHM_VAR_DIR": str(settings.VAR_DIR),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "RESULT_STORE_URL": settings.RESULT_STORE_URL,
        "JOB_EVENTS_URL": settings.JOB_EVENTS_URL,
    }
    log = Path(settings.VAR_DIR) / "test-celery-worker.log"
    with log.open("w") as log_file:
        proc = subprocess.Popen(
            worker_command(f"test-{os.getpid()}@%h"),
            cwd=SERVER_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_worker(proc, log, timeout=60)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
