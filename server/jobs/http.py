"""HTTP pieces every job endpoint shares (trial jobs, simulations, builds)."""

from contextlib import contextmanager

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response

from . import services
from .states import IllegalTransition

WAIT_PARAMETER = OpenApiParameter(
    "wait", float, description="Long-poll: wait up to this many seconds (≤ 30) for the job to end."
)


class ServiceUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The service is temporarily unavailable."


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT


def wait_seconds(request: Request) -> float:
    """The `?wait=` query parameter, clamped to 0..30 s; garbage means 0."""
    try:
        return max(0.0, min(float(request.query_params.get("wait", 0)), services.MAX_WAIT_SECONDS))
    except ValueError:
        return 0.0


def accepted(job, url_name: str) -> Response:
    """The 202 answer to a job submission."""
    url = reverse(url_name, args=[job.pk])
    return Response(
        {"id": str(job.pk), "status": job.status, "url": url},
        status=status.HTTP_202_ACCEPTED,
        headers={"Location": url},
    )


@contextmanager
def queue_errors_as_503():
    try:
        yield
    except services.JobDispatchError as exc:
        raise ServiceUnavailable(str(exc)) from exc


def cancel_or_409(job):
    try:
        return services.cancel(job)
    except IllegalTransition as exc:
        raise Conflict(f"The job already ended ({exc.current}).") from exc
