from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jobs import services as jobs
from jobs.http import WAIT_PARAMETER, Conflict, accepted, cancel_or_409, queue_errors_as_503, wait_seconds
from jobs.selectors import visible_job
from ohmcloud.api_errors import errors_response
from ohmcloud.throttles import submission_throttles
from schematic.format import SchematicInvalid
from schematic.services import netlist_schematic, schematic_errors, spice_names

from . import services
from .netlist_sanitizer import NetlistRejected
from .results import UnknownVectors, plot_csv, result_for_api
from .serializers import (
    SimulationAcceptedSerializer,
    SimulationRequestSerializer,
    SimulationSerializer,
    SimulationSummarySerializer,
)
from .simulation_job import KIND

POINTS_PARAMETER = OpenApiParameter(
    "points", int, description="Decimate every plot to at most this many points (min/max kept); absent: all points."
)
VECTOR_PARAMETER = OpenApiParameter(
    "vector", str, many=True, description="Only these vectors (repeatable; each plot keeps its scale); absent: all."
)
ERRORS = OpenApiResponse(description='{"errors": [{"message", "line"?, "field"?}]}')


class SimulationPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


def points_parameter(request: Request) -> int | None:
    """The `?points=` decimation target, or None for all points."""
    raw = request.query_params.get("points")
    if raw is None:
        return None
    try:
        points = int(raw)
    except ValueError:
        points = 0
    if points < 2:
        raise ValidationError({"points": "Must be a whole number of at least 2."})
    return points


def simulation_body(job, points: int | None = None, vectors: set[str] | None = None) -> dict:
    document = jobs.result_of(job) if job.status == "succeeded" else None
    try:
        result = result_for_api(document, points, vectors) if document is not None else None
    except UnknownVectors as exc:
        raise ValidationError({"vector": str(exc)}) from exc
    return {
        "id": str(job.pk),
        "status": job.status,
        "diagnostics": job.diagnostics,
        "result": result,
        "timings": job.timings,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        **services.spice_names_of(job),
    }


class SimulationListView(APIView):
    """Submit a netlist (anyone, rate-limited) or list your own simulations (signed in)."""

    def get_permissions(self):
        return [permissions.AllowAny()] if self.request.method == "POST" else [permissions.IsAuthenticated()]

    def get_throttles(self):
        return [throttle() for throttle in submission_throttles("simulations")] if self.request.method == "POST" else []

    @extend_schema(
        request=SimulationRequestSerializer,
        responses={202: SimulationAcceptedSerializer, 400: ERRORS},
        tags=["simulations"],
    )
    def post(self, request: Request) -> Response:
        serializer = SimulationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        warnings, names = [], None
        if "schematic" in data:  # the same path as POST /api/netlist; ERC errors block, warnings do not
            try:
                result = netlist_schematic(data["schematic"], data["analyses"])
            except SchematicInvalid as invalid:
                return errors_response(schematic_errors(invalid), status.HTTP_400_BAD_REQUEST)
            findings = [finding.as_dict() for finding in result.findings]
            if not result.ok:
                return errors_response([f for f in findings if f["severity"] == "error"], status.HTTP_400_BAD_REQUEST)
            netlist, warnings, names = result.text, findings, spice_names(result)
        else:
            netlist = data["netlist"]
        try:
            with queue_errors_as_503():
                job = services.submit_simulation(netlist, request.user, names)
        except NetlistRejected as rejected:
            errors = [{"message": p.message, **({"line": p.line} if p.line else {})} for p in rejected.problems]
            return errors_response(errors, status.HTTP_400_BAD_REQUEST)
        response = accepted(job, "simulation-detail")
        if names is not None:
            response.data.update(netlist=netlist, diagnostics=warnings, **names)
        return response

    @extend_schema(responses=SimulationSummarySerializer(many=True), tags=["simulations"])
    def get(self, request: Request) -> Response:
        paginator = SimulationPagination()
        page = paginator.paginate_queryset(services.own_simulations(request.user), request, view=self)
        return paginator.get_paginated_response(
            [
                {
                    "id": str(job.pk),
                    "status": job.status,
                    "title": job.input["netlist"].split("\n", 1)[0][:200],
                    "url": f"/api/simulations/{job.pk}",
                    "created_at": job.created_at,
                    "finished_at": job.finished_at,
                }
                for job in page
            ]
        )


class SimulationDetailView(APIView):
    """A simulation's status and results (long-poll with ?wait=), or cancel it. Anonymous
    simulations are readable by whoever holds the id; a user's only by that user."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[WAIT_PARAMETER, POINTS_PARAMETER, VECTOR_PARAMETER],
        responses=SimulationSerializer,
        tags=["simulations"],
    )
    def get(self, request: Request, job_id) -> Response:
        points = points_parameter(request)
        vectors = set(request.query_params.getlist("vector")) or None
        job = jobs.wait_for_job(visible_job(request.user, job_id, kind=KIND), wait_seconds(request))
        return Response(simulation_body(job, points, vectors))

    @extend_schema(request=None, responses=SimulationSerializer, tags=["simulations"])
    def delete(self, request: Request, job_id) -> Response:
        job = cancel_or_409(visible_job(request.user, job_id, kind=KIND))
        return Response(simulation_body(job))


class SimulationCsvView(APIView):
    """One plot of a finished simulation as CSV: the scale, then every vector (complex: re and im columns)."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("plot", str, required=True, description='The plot\'s name, e.g. "tran1".')],
        responses={(200, "text/csv"): OpenApiTypes.STR, 404: ERRORS, 409: ERRORS},
        tags=["simulations"],
    )
    def get(self, request: Request, job_id) -> HttpResponse:
        job = visible_job(request.user, job_id, kind=KIND)
        if job.status != "succeeded":
            raise Conflict(f"The simulation has no results ({job.status}).")
        name = request.query_params.get("plot", "")
        csv_text = plot_csv(jobs.result_of(job), name)
        if csv_text is None:
            raise NotFound(f"No plot named {name!r} in this simulation.")
        response = HttpResponse(csv_text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="simulation-{job.pk}-{name}.csv"'
        return response
