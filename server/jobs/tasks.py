"""Celery tasks: one line each, calling the job services."""

from celery import shared_task

from . import services


@shared_task(name="jobs.run", ignore_result=True)
def run_job_task(job_id: str) -> None:
    services.run_job(job_id)


@shared_task(name="jobs.cleanup", ignore_result=True)
def cleanup_jobs_task() -> dict:
    return services.cleanup_jobs()
