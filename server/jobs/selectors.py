"""Reading jobs with their access rule: owned jobs are their owner's alone;
anonymous jobs are readable by whoever holds their unguessable id."""

from django.core.exceptions import ValidationError
from rest_framework.exceptions import NotFound

from .models import Job


def visible_job(user, job_id, kind: str | None = None) -> Job:
    """The job `job_id` if `user` may see it, else NotFound (never 403: ids must not leak)."""
    try:
        job = Job.objects.filter(pk=job_id).first()
    except ValidationError:  # not a UUID
        job = None
    if job is None or (kind is not None and job.kind != kind):
        raise NotFound()
    if job.owner_id is not None and job.owner_id != getattr(user, "id", None) and not user.is_staff:
        raise NotFound()
    return job
