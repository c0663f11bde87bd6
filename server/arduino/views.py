"""The Arduino API: the boards and libraries (public reference data, cached like the component library), and
builds (anyone may submit, rate-limited, like simulations; read by id, long-polled, cancelled)."""

from functools import cache

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jobs import services as jobs
from jobs.http import WAIT_PARAMETER, accepted, cancel_or_409, queue_errors_as_503, wait_seconds
from jobs.selectors import visible_job
from jobs.serializers import JobAcceptedSerializer
from library.views import PublicLibraryView
from ohmcloud.throttles import submission_throttles

from .boards import BOARDS
from .build_job import KIND
from .libraries import available_libraries
from .serializers import (
    ArduinoBoardSerializer,
    ArduinoLibrarySerializer,
    BuildDiagnosticSerializer,
    BuildRequestSerializer,
    BuildSerializer,
)

ERRORS = OpenApiResponse(description='{"errors": [{"message", "field"?}]}')
DIAGNOSTIC_FIELDS = tuple(BuildDiagnosticSerializer().fields)


@cache
def library_list() -> list[dict]:
    """What GET /api/arduino/libraries answers: the same until the process restarts (libraries ship with it)."""
    return [
        {
            "name": library.name,
            "version": library.version,
            "sentence": library.sentence,
            "headers": sorted(library.headers),
            "bundled": library.bundled,
        }
        for library in sorted(available_libraries().values(), key=lambda library: library.name.lower())
    ]


def build_body(job) -> dict:
    document = jobs.result_of(job) if job.result_ref else None
    document = document or {}
    return {
        "id": str(job.pk),
        "status": job.status,
        "board": job.input["board"],
        "hex": document.get("hex") if job.status == "succeeded" else None,
        "size": document.get("size"),
        # The job framework's own messages (time limit, cancelled, queue down) have no file, line or column.
        "diagnostics": [{key: d.get(key) for key in DIAGNOSTIC_FIELDS} for d in job.diagnostics],
        "timings": job.timings,
        "cache": document.get("cache") or {},
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
    }


class BoardListView(PublicLibraryView):
    """The boards a sketch can be built for, with their memory sizes (public reference data)."""

    @extend_schema(responses=ArduinoBoardSerializer(many=True), tags=["arduino"])
    def get(self, request: Request) -> Response:
        return Response([board.as_dict() for board in BOARDS.values()])


class LibraryListView(PublicLibraryView):
    """The libraries a sketch can `#include` (public reference data)."""

    @extend_schema(responses=ArduinoLibrarySerializer(many=True), tags=["arduino"])
    def get(self, request: Request) -> Response:
        return Response(library_list())


class BuildListView(APIView):
    """Submit a sketch to build: anyone may (rate-limited); a signed-in user's builds are theirs alone."""

    permission_classes = [permissions.AllowAny]

    def get_throttles(self):
        return [throttle() for throttle in submission_throttles("builds")]

    @extend_schema(
        request=BuildRequestSerializer,
        responses={202: JobAcceptedSerializer, 400: ERRORS, 429: ERRORS},
        tags=["arduino"],
    )
    def post(self, request: Request) -> Response:
        serializer = BuildRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with queue_errors_as_503():
            job = jobs.submit(KIND, serializer.validated_data, request.user)
        return accepted(job, "arduino-build-detail")


class BuildDetailView(APIView):
    """A build's status, HEX, memory use and diagnostics (long-poll with ?wait=), or cancel it. Anonymous builds
    are readable by whoever holds the id; a user's only by that user."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(parameters=[WAIT_PARAMETER], responses={200: BuildSerializer, 404: ERRORS}, tags=["arduino"])
    def get(self, request: Request, job_id) -> Response:
        job = jobs.wait_for_job(visible_job(request.user, job_id, kind=KIND), wait_seconds(request))
        return Response(build_body(job))

    @extend_schema(request=None, responses={200: BuildSerializer, 404: ERRORS, 409: ERRORS}, tags=["arduino"])
    def delete(self, request: Request, job_id) -> Response:
        job = cancel_or_409(visible_job(request.user, job_id, kind=KIND))
        return Response(build_body(job))
