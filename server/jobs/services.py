"""Job services: submit, run, cancel, wait for and clean up jobs.

Every status change goes through `transition`, a conditional UPDATE that only
succeeds from an allowed source state, so concurrent cancel/start/finish calls
cannot corrupt a job: exactly one of them wins.
"""

import logging
import time
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import events
from .kinds import JobContext, JobKind, JobOutcome, get_kind
from .models import Job
from .result_store import get_result_store
from .states import IllegalTransition, JobStatus, check_transition, sources_of

logger = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 30.0
CANCEL_CHECK_INTERVAL = 0.25  # how often a running job re-reads its own status


class JobDispatchError(Exception):
    """The broker could not take the job; the job has been marked failed."""


def transition(job: Job, target: JobStatus, **fields) -> Job:
    """Move `job` to `target` (raises IllegalTransition), saving `fields` with it."""
    check_transition(job.status, target)
    now = timezone.now()
    if target == JobStatus.RUNNING:
        fields.setdefault("started_at", now)
    elif target.is_terminal:
        fields.setdefault("finished_at", now)
    updated = Job.objects.filter(pk=job.pk, status__in=sources_of(target)).update(status=target, **fields)
    if not updated:  # someone else moved it first
        job.refresh_from_db(fields=["status"])
        raise IllegalTransition(job.status, target)
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = target
    transaction.on_commit(lambda: events.announce_change(str(job.pk)))
    return job


def submit(kind_name: str, payload: dict, owner=None) -> Job:
    """Create a queued job and hand it to the broker. The payload must be validated already."""
    from .tasks import run_job_task

    kind = get_kind(kind_name)
    job = Job.objects.create(
        kind=kind.name,
        owner=owner if owner is not None and owner.is_authenticated else None,
        input=payload,
        expires_at=timezone.now() + timedelta(days=settings.JOB_RETENTION_DAYS),
    )
    try:
        run_job_task.apply_async(
            (str(job.pk),),
            task_id=str(job.pk),
            soft_time_limit=kind.soft_time_limit,
            time_limit=kind.hard_time_limit,
        )
    except Exception as exc:  # broker down or refusing: fail the job, don't leave it queued forever
        logger.exception("could not queue job %s", job.pk)
        transition(
            job, JobStatus.FAILED, diagnostics=[{"severity": "error", "message": "The job queue is unavailable."}]
        )
        raise JobDispatchError("The job queue is unavailable; try again shortly.") from exc
    return job


def _cancel_checker(job_id) -> callable:
    last = {"at": 0.0, "cancelled": False}

    def is_cancelled() -> bool:
        now = time.monotonic()
        if now - last["at"] >= CANCEL_CHECK_INTERVAL:
            last["at"] = now
            status = Job.objects.filter(pk=job_id).values_list("status", flat=True).first()
            last["cancelled"] = status in (None, JobStatus.CANCELLED)
        return last["cancelled"]

    return is_cancelled


def run_job(job_id: str) -> None:
    """Execute a queued job (called by the worker task)."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        logger.warning("job %s no longer exists", job_id)
        return
    try:
        transition(job, JobStatus.RUNNING)
    except IllegalTransition:
        logger.info("job %s is %s; not running it", job_id, job.status)
        return
    kind = get_kind(job.kind)
    started = time.monotonic()
    try:
        outcome = kind.execute(
            JobContext(
                job_id=str(job.pk), input=job.input, time_limit=kind.time_limit, is_cancelled=_cancel_checker(job.pk)
            )
        )
    except SoftTimeLimitExceeded:
        outcome = _time_limit_outcome(kind)
    except Exception:
        logger.exception("job %s (%s) crashed", job_id, job.kind)
        outcome = JobOutcome(
            succeeded=False, diagnostics=[{"severity": "error", "message": "Internal error while running the job."}]
        )
    _finish(job, outcome, total=time.monotonic() - started)


def _time_limit_outcome(kind: JobKind) -> JobOutcome:
    return JobOutcome(
        succeeded=False,
        diagnostics=[{"severity": "error", "message": f"The job exceeded its time limit of {kind.time_limit:g} s."}],
    )


def _finish(job: Job, outcome: JobOutcome, total: float) -> None:
    timings = {**outcome.timings, "total": round(total, 4)}
    result_ref = ""
    if outcome.result is not None:
        result_ref = f"job:{job.pk}"
        get_result_store().put(result_ref, outcome.result, job.expires_at)
    target = JobStatus.SUCCEEDED if outcome.succeeded else JobStatus.FAILED
    try:
        transition(job, target, diagnostics=outcome.diagnostics, timings=timings, result_ref=result_ref)
    except IllegalTransition:
        logger.info("job %s finished after being %s; result discarded", job.pk, job.status)
        if result_ref:
            get_result_store().delete([result_ref])


def cancel(job: Job) -> Job:
    """Cancel a queued or running job; raises IllegalTransition if it already ended."""
    from .tasks import run_job_task

    transition(job, JobStatus.CANCELLED, diagnostics=[{"severity": "info", "message": "Cancelled by request."}])
    # Drop a queued message; interrupt a running task at once (SIGUSR1 raises
    # SoftTimeLimitExceeded in it, whose clean-up kills its processes). The
    # running job also notices the status within CANCEL_CHECK_INTERVAL.
    try:
        run_job_task.app.control.revoke(str(job.pk), terminate=True, signal="SIGUSR1")
    except Exception:
        logger.warning("could not broadcast revoke for job %s", job.pk, exc_info=True)
    return job


def wait_for_job(job: Job, seconds: float) -> Job:
    """Return `job` once it ended or after `seconds` (≤ MAX_WAIT_SECONDS), re-read."""
    seconds = max(0.0, min(seconds, MAX_WAIT_SECONDS))
    if seconds and not JobStatus(job.status).is_terminal:

        def ended() -> bool:
            status = Job.objects.filter(pk=job.pk).values_list("status", flat=True).first()
            return status is None or JobStatus(status).is_terminal

        events.wait_until(str(job.pk), ended, seconds)
    job.refresh_from_db()
    return job


def result_of(job: Job) -> dict | None:
    return get_result_store().get(job.result_ref) if job.result_ref else None


def cleanup_jobs(now=None) -> dict[str, int]:
    """Fail jobs stuck past their hard limit or unstarted for an hour; delete expired jobs."""
    now = now or timezone.now()
    stuck = 0
    for job in Job.objects.filter(status=JobStatus.RUNNING).iterator():
        limit = get_kind(job.kind).hard_time_limit + 60
        if job.started_at and job.started_at < now - timedelta(seconds=limit):
            stuck += _fail_quietly(job, "The worker running this job stopped unexpectedly.")
    for job in Job.objects.filter(status=JobStatus.QUEUED, created_at__lt=now - timedelta(hours=1)).iterator():
        stuck += _fail_quietly(job, "The job waited too long for a worker and was dropped.")
    expired = Job.objects.filter(expires_at__lt=now)
    refs = [ref for ref in expired.values_list("result_ref", flat=True) if ref]
    if refs:
        get_result_store().delete(refs)
    deleted, _ = expired.delete()
    return {"failed_stuck": stuck, "deleted": deleted}


def _fail_quietly(job: Job, message: str) -> int:
    try:
        transition(job, JobStatus.FAILED, diagnostics=[{"severity": "error", "message": message}])
    except IllegalTransition:
        return 0
    return 1
