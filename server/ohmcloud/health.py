"""GET /api/health/: real checks of every dependency; 503 + "degraded" if one fails."""

import re

from celery import current_app
from django.core.cache import cache
from django.db import connection
from drf_spectacular.utils import extend_schema
from kombu import Connection
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from jobs.result_store import get_result_store
from sandbox.process import ProcessLimits, run_process

TOOL_VERSION_CACHE_SECONDS = 300
_VERSION_PATTERNS = {
    "ngspice": (["ngspice", "--version"], re.compile(rb"ngspice-(\S+)")),
    "avr_gcc": (["avr-gcc", "--version"], re.compile(rb"avr-gcc\S* \([^)]*\) (\S+)")),
}


class CheckFailed(Exception):
    pass


def check_db() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def check_broker(url: str | None = None) -> str:
    """Connect to the configured broker (or the one at `url`)."""
    with Connection(url, connect_timeout=3) if url else current_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=3)
        return f"ok ({conn.transport_cls})"


def check_result_store() -> str:
    return f"ok ({get_result_store().ping()})"


def tool_version(name: str) -> str:
    """The tool's version, memoised: spawning it on every probe is wasteful."""
    key = f"health:version:{name}"
    version = cache.get(key)
    if version is None:
        argv, pattern = _VERSION_PATTERNS[name]
        argv = [f"/usr/bin/{argv[0]}", *argv[1:]]
        try:
            result = run_process(argv, limits=ProcessLimits(wall_seconds=10, cpu_seconds=10))
        except OSError as exc:
            raise CheckFailed(f"{argv[0]} not runnable: {exc.strerror}") from exc
        match = pattern.search(result.stdout + result.stderr)
        if not match:
            raise CheckFailed(result.failure_reason() or f"no version in {argv[0]} output")
        version = match.group(1).decode()
        cache.set(key, version, TOOL_VERSION_CACHE_SECONDS)
    return version


CHECKS = {
    "db": check_db,
    "broker": check_broker,
    "result_store": check_result_store,
    "ngspice": lambda: tool_version("ngspice"),
    "avr_gcc": lambda: tool_version("avr_gcc"),
}


def run_checks() -> tuple[bool, dict[str, str]]:
    results, healthy = {}, True
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:
            healthy = False
            results[name] = f"error: {exc}"
    return healthy, results


class HealthSerializer(serializers.Serializer):
    status = serializers.ChoiceField(["ok", "degraded"])
    checks = serializers.DictField(child=serializers.CharField(), help_text="Each check's result or error.")


class HealthView(APIView):
    """Is every dependency reachable? Public; used by load balancers and monitors."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(responses={200: HealthSerializer, 503: HealthSerializer}, tags=["health"])
    def get(self, request) -> Response:
        healthy, checks = run_checks()
        return Response(
            {"status": "ok" if healthy else "degraded", "checks": checks},
            status=status.HTTP_200_OK if healthy else status.HTTP_503_SERVICE_UNAVAILABLE,
        )
