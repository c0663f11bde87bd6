"""Headless runs over HTTP: submit (anyone, rate-limited with builds), read and long-poll, cancel, and the pin
traces as a VCD file. Access as for builds: anonymous runs by their unguessable id, a user's by that user."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jobs import services as jobs
from jobs.http import WAIT_PARAMETER, Conflict, accepted, cancel_or_409, queue_errors_as_503, wait_seconds
from jobs.selectors import visible_job
from jobs.serializers import JobAcceptedSerializer
from ohmcloud.throttles import submission_throttles

from .run_job import KIND, pin_traces, run_input
from .serializers import RunRequestSerializer, RunSerializer
from .vcd import write_vcd

ERRORS = OpenApiResponse(description='{"errors": [{"message", "field"?}]}')


def run_body(job) -> dict:
    document = jobs.result_of(job) if job.status == "succeeded" else None
    result = None
    if document is not None:
        result = {key: value for key, value in document.items() if key != "pinChanges"}
        result["traces"] = pin_traces(document["pinChanges"], job.input["pins"])
    return {
        "id": str(job.pk),
        "status": job.status,
        "board": job.input["board"],
        "build": job.input["build"],
        "mcu": job.input.get("mcu"),  # runs queued before circuits have none
        "seconds": job.input["seconds"],
        "result": result,
        "diagnostics": job.diagnostics,
        "timings": job.timings,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
    }


class RunListView(APIView):
    """Run a program headless for up to 10 simulated seconds: anyone may (rate-limited, counted with builds)."""

    permission_classes = [permissions.AllowAny]

    def get_throttles(self):
        return [throttle() for throttle in submission_throttles("builds")]

    @extend_schema(
        request=RunRequestSerializer,
        responses={202: JobAcceptedSerializer, 400: ERRORS, 404: ERRORS, 409: ERRORS, 429: ERRORS},
        tags=["arduino"],
    )
    def post(self, request: Request) -> Response:
        serializer = RunRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        payload = run_input(request.user, serializer.validated_data)
        with queue_errors_as_503():
            job = jobs.submit(KIND, payload, request.user)
        return accepted(job, "arduino-run-detail")


class RunDetailView(APIView):
    """A run's status, serial output and pin traces (long-poll with ?wait=), or cancel it."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(parameters=[WAIT_PARAMETER], responses={200: RunSerializer, 404: ERRORS}, tags=["arduino"])
    def get(self, request: Request, job_id) -> Response:
        job = jobs.wait_for_job(visible_job(request.user, job_id, kind=KIND), wait_seconds(request))
        return Response(run_body(job))

    @extend_schema(request=None, responses={200: RunSerializer, 404: ERRORS, 409: ERRORS}, tags=["arduino"])
    def delete(self, request: Request, job_id) -> Response:
        return Response(run_body(cancel_or_409(visible_job(request.user, job_id, kind=KIND))))


class RunTraceView(APIView):
    """A succeeded run's pin traces as a Value Change Dump (GTKWave, PulseView), one wire per pin: D13, led1.A ..."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(responses={(200, "text/x-vcd"): OpenApiTypes.STR, 404: ERRORS, 409: ERRORS}, tags=["arduino"])
    def get(self, request: Request, job_id) -> HttpResponse:
        job = visible_job(request.user, job_id, kind=KIND)
        if job.status != "succeeded":
            raise Conflict(f"The run has no traces ({job.status}).")
        document = jobs.result_of(job)
        traces = pin_traces(document["pinChanges"], job.input["pins"])
        wires = {int(pin) if pin.isdigit() else pin: trace for pin, trace in traces.items()}
        vcd = write_vcd(wires, end_us=document["simulatedMs"] * 1000)
        response = HttpResponse(vcd, content_type="text/x-vcd; charset=us-ascii")
        response["Content-Disposition"] = f'attachment; filename="run-{job.pk}.vcd"'
        return response
