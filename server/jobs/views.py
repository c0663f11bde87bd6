from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from . import services
from .selectors import visible_job
from .serializers import JobAcceptedSerializer, JobSerializer, JobSubmitSerializer
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


def submit_or_503(kind: str, payload: dict, owner):
    try:
        return services.submit(kind, payload, owner)
    except services.JobDispatchError as exc:
        raise ServiceUnavailable(str(exc)) from exc


def cancel_or_409(job):
    try:
        return services.cancel(job)
    except IllegalTransition as exc:
        raise Conflict(f"The job already ended ({exc.current}).") from exc


class JobListView(APIView):
    """Submit a trial job (signed-in users)."""

    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "jobs"

    @extend_schema(request=JobSubmitSerializer, responses={202: JobAcceptedSerializer}, tags=["jobs"])
    def post(self, request: Request) -> Response:
        serializer = JobSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = submit_or_503(serializer.validated_data["kind"], serializer.validated_data["input"], request.user)
        return accepted(job, "job-detail")


class JobDetailView(APIView):
    """Read (optionally long-polling) or cancel a job. Anyone holding the id of an
    anonymous job may; an owned job is visible to its owner only."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(parameters=[WAIT_PARAMETER], responses=JobSerializer, tags=["jobs"])
    def get(self, request: Request, job_id) -> Response:
        job = services.wait_for_job(visible_job(request.user, job_id), wait_seconds(request))
        return Response(JobSerializer(job, context={"result": services.result_of(job)}).data)

    @extend_schema(request=None, responses=JobSerializer, tags=["jobs"])
    def delete(self, request: Request, job_id) -> Response:
        job = cancel_or_409(visible_job(request.user, job_id))
        return Response(JobSerializer(job, context={"result": None}).data)
