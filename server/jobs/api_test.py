"""The jobs API without a worker: validation, access rules, errors."""

import pytest
from rest_framework.test import APIClient

from jobs.models import Job
from jobs.services import cancel, transition
from jobs.states import IllegalTransition, JobStatus

pytestmark = pytest.mark.django_db


def make_job(owner=None, **fields):
    from datetime import timedelta

    from django.utils import timezone

    return Job.objects.create(
        kind="sleep", owner=owner, input={"seconds": 1}, expires_at=timezone.now() + timedelta(days=1), **fields
    )


def test_anonymous_users_cannot_submit_trial_jobs():
    response = APIClient().post("/api/jobs", {"kind": "sleep", "input": {"seconds": 1}}, format="json")
    assert response.status_code == 401
    assert response.json() == {"errors": [{"message": "Authentication credentials were not provided."}]}
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"kind": "nope", "input": {}}, [{"field": "kind", "message": "Unknown job kind 'nope'."}]),
        (
            {"kind": "sleep", "input": {"seconds": 61}},
            [{"field": "input.seconds", "message": "Ensure this value is less than or equal to 60."}],
        ),
        (
            {"kind": "sleep", "input": {"seconds": 1, "extra": 1}},
            [{"field": "input.extra", "message": "Unknown field."}],
        ),
        (
            {"kind": "sleep", "input": {"seconds": 1}, "priority": 9},
            [{"field": "priority", "message": "Unknown field."}],
        ),
        ({"kind": "sleep"}, [{"field": "input", "message": "This field is required."}]),
    ],
)
def test_invalid_submissions_are_refused_with_field_errors(user_api, body, expected):
    response = user_api.post("/api/jobs", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"errors": expected}
    assert Job.objects.count() == 0


def test_owned_jobs_are_invisible_to_others(user, django_user_model):
    job = make_job(owner=user)
    mallory = django_user_model.objects.create_user(username="mallory", password="x" * 12)
    other = APIClient()
    other.force_authenticate(mallory)
    assert other.get(f"/api/jobs/{job.pk}").status_code == 404
    assert other.delete(f"/api/jobs/{job.pk}").status_code == 404
    assert APIClient().get(f"/api/jobs/{job.pk}").status_code == 404
    Job.objects.get(pk=job.pk, status="queued")  # untouched


def test_owner_reads_own_job(user_api, user):
    job = make_job(owner=user)
    body = user_api.get(f"/api/jobs/{job.pk}").json()
    assert body["id"] == str(job.pk)
    assert body["status"] == "queued"


def test_anonymous_jobs_are_readable_by_id():
    job = make_job()
    assert APIClient().get(f"/api/jobs/{job.pk}").json()["status"] == "queued"


@pytest.mark.parametrize("job_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_unknown_job_ids_are_404(job_id):
    response = APIClient().get(f"/api/jobs/{job_id}")
    assert response.status_code == 404
    assert response.json() == {"errors": [{"message": "Not found."}]}


def test_illegal_transitions_raise_and_leave_the_row_alone():
    job = make_job()
    with pytest.raises(IllegalTransition):
        transition(job, JobStatus.SUCCEEDED)
    transition(job, JobStatus.RUNNING)
    transition(job, JobStatus.SUCCEEDED)
    with pytest.raises(IllegalTransition):
        cancel(job)
    assert Job.objects.get(pk=job.pk).status == "succeeded"


def test_a_stale_copy_cannot_overwrite_a_concurrent_transition():
    job = make_job()
    stale = Job.objects.get(pk=job.pk)
    transition(job, JobStatus.CANCELLED)
    with pytest.raises(IllegalTransition, match="a cancelled job cannot become running"):
        transition(stale, JobStatus.RUNNING)
    assert Job.objects.get(pk=job.pk).status == "cancelled"
