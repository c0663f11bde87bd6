import json
from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.models import Job, StoredResult
from jobs.result_store import DatabaseResultStore, get_result_store
from jobs.services import cleanup_jobs

pytestmark = pytest.mark.django_db


def make_job(**fields):
    defaults = {"kind": "sleep", "input": {"seconds": 1}, "expires_at": timezone.now() + timedelta(days=1)}
    return Job.objects.create(**{**defaults, **fields})


def test_cleanup_deletes_expired_jobs_and_their_results():
    now = timezone.now()
    expired = make_job(status="succeeded", result_ref="job:x", expires_at=now - timedelta(seconds=1))
    get_result_store().put("job:x", {"a": 1}, expired.expires_at)
    kept = make_job(status="succeeded")
    assert cleanup_jobs(now) == {"failed_stuck": 0, "deleted": 1}
    assert list(Job.objects.values_list("pk", flat=True)) == [kept.pk]
    assert get_result_store().get("job:x") is None


def test_cleanup_fails_jobs_whose_worker_vanished():
    now = timezone.now()
    stuck = make_job(status="running", started_at=now - timedelta(hours=1))
    fresh = make_job(status="running", started_at=now)
    forgotten = Job.objects.create(kind="sleep", input={}, expires_at=now + timedelta(days=1))
    Job.objects.filter(pk=forgotten.pk).update(created_at=now - timedelta(hours=2))
    assert cleanup_jobs(now) == {"failed_stuck": 2, "deleted": 0}
    stuck.refresh_from_db()
    assert stuck.status == "failed"
    assert stuck.diagnostics[0]["message"] == "The worker running this job stopped unexpectedly."
    assert Job.objects.get(pk=forgotten.pk).status == "failed"
    assert Job.objects.get(pk=fresh.pk).status == "running"


def test_database_result_store_round_trip_is_compressed():
    store = DatabaseResultStore()
    document = {"values": list(range(1000))}
    store.put("job:y", document, timezone.now() + timedelta(days=1))
    assert store.get("job:y") == document
    row = StoredResult.objects.get(key="job:y")
    assert row.size == len(bytes(row.data)) < len(json.dumps(document)) / 2
    store.delete(["job:y"])
    assert store.get("job:y") is None
