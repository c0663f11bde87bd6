from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from . import services
from .http import WAIT_PARAMETER, accepted, cancel_or_409, queue_errors_as_503, wait_seconds
from .selectors import visible_job
from .serializers import JobAcceptedSerializer, JobSerializer, JobSubmitSerializer


class JobListView(APIView):
    """Submit a trial job (signed-in users)."""

    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "jobs"

    @extend_schema(request=JobSubmitSerializer, responses={202: JobAcceptedSerializer}, tags=["jobs"])
    def post(self, request: Request) -> Response:
        serializer = JobSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with queue_errors_as_503():
            job = services.submit(serializer.validated_data["kind"], serializer.validated_data["input"], request.user)
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
