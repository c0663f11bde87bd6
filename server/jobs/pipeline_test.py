"""The trial `sleep` job through the real pipeline: API -> broker -> celery worker -> DB -> API.

Runs against whatever DATABASE_URL / CELERY_BROKER_URL the suite is started with
(embedded: file SQLite + filesystem broker; services: MariaDB + Redis).
"""

import time

import pytest

from jobs.models import Job
from jobs.trial_kinds import SLEEP_TIME_LIMIT

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("celery_worker")]


def submit(client, **job_input):
    response = client.post("/api/jobs", {"kind": "sleep", "input": job_input}, format="json")
    assert response.status_code == 202, response.json()
    body = response.json()
    assert body["status"] == "queued"
    assert body["url"] == f"/api/jobs/{body['id']}"
    return body


def test_job_runs_end_to_end(user_api):
    job = submit(user_api, seconds=0.2, message="hello")
    body = user_api.get(f"/api/jobs/{job['id']}?wait=30").json()
    assert body["status"] == "succeeded", body
    assert body["result"] == {"message": "hello", "slept": 0.2}
    assert body["diagnostics"] == []
    assert body["timings"]["process"] >= 0.2
    assert body["started_at"] and body["finished_at"]


def test_long_poll_returns_early_when_the_job_ends(user_api):
    job = submit(user_api, seconds=0.5)
    started = time.monotonic()
    body = user_api.get(f"/api/jobs/{job['id']}?wait=25").json()
    waited = time.monotonic() - started
    assert body["status"] == "succeeded"
    assert waited < 15, f"long-poll held the request for {waited:.1f} s after the job ended"


def test_wait_zero_answers_at_once_with_the_current_state(user_api):
    job = submit(user_api, seconds=3)
    body = user_api.get(f"/api/jobs/{job['id']}").json()
    assert body["status"] in ("queued", "running")
    assert body["result"] is None


def _wait_for_status(job_id, status, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if Job.objects.get(pk=job_id).status == status:
            return
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} never became {status}")


def test_cancel_kills_a_running_job(user_api):
    job = submit(user_api, seconds=30)
    _wait_for_status(job["id"], "running")
    started = time.monotonic()
    response = user_api.delete(f"/api/jobs/{job['id']}")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    # The worker stops the sleeper promptly and the job stays cancelled.
    time.sleep(1.5)
    body = user_api.get(f"/api/jobs/{job['id']}").json()
    assert body["status"] == "cancelled"
    assert body["result"] is None
    assert time.monotonic() - started < 10
    # The worker is free again: a new job runs at once.
    follow_up = submit(user_api, seconds=0)
    assert user_api.get(f"{follow_up['url']}?wait=20").json()["status"] == "succeeded"


def test_cancel_of_a_finished_job_is_a_conflict(user_api):
    job = submit(user_api, seconds=0)
    assert user_api.get(f"{job['url']}?wait=20").json()["status"] == "succeeded"
    response = user_api.delete(job["url"])
    assert response.status_code == 409
    assert response.json() == {"errors": [{"message": "The job already ended (succeeded)."}]}


def test_time_limit_kills_the_job(user_api):
    job = submit(user_api, seconds=SLEEP_TIME_LIMIT + 20)
    body = user_api.get(f"{job['url']}?wait=30").json()
    assert body["status"] == "failed"
    [diagnostic] = body["diagnostics"]
    assert diagnostic["severity"] == "error"
    assert "exceeded its time limit" in diagnostic["message"]
    elapsed = body["timings"]["total"]
    assert SLEEP_TIME_LIMIT - 0.5 <= elapsed < SLEEP_TIME_LIMIT + 3
