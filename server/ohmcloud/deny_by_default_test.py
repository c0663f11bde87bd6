"""Every API endpoint is closed to anonymous callers unless it is on this list."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.permissions import IsAuthenticated
from rest_framework.test import APIClient

# Public on purpose; each one explains itself in its view docstring.
PUBLIC_ENDPOINTS = {
    "health",
    "api-schema",
    "api-docs",
    "auth-register",
    "auth-login",
    "auth-logout",
    "auth-tokens",
    # Anonymous jobs are read by their unguessable id; owned ones only by their owner.
    "job-detail",
    "simulation-detail",
    "simulation-csv",
    "simulation-list",  # POST: anyone may simulate (rate-limited); GET needs a user (get_permissions)
    "netlist",  # a pure computation on the request: stores nothing
    # The component library is public reference data.
    "library-component-list",
    "library-component-detail",
    "library-libraries",
    "library-categories",
    # Arduino: boards and libraries are public reference data; anyone may build (rate-limited) and read a
    # build by its unguessable id, as for simulations.
    "arduino-boards",
    "arduino-libraries",
    "arduino-build-list",
    "arduino-build-detail",
    # Headless runs: as builds (anyone may run, rate-limited; read by the unguessable id).
    "arduino-run-list",
    "arduino-run-detail",
    "arduino-run-trace",
}


def api_views():
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and (prefix + str(p.pattern)).startswith("api/"):
                yield p.name, getattr(p.callback, "cls", None)

    return list(walk(get_resolver().url_patterns))


def test_every_api_view_is_deny_by_default_or_listed_public():
    views = api_views()
    assert len(views) >= 9
    for name, cls in views:
        assert cls is not None, f"{name} is not a DRF view"
        closed = any(issubclass(p, IsAuthenticated) for p in cls.permission_classes)
        assert closed or name in PUBLIC_ENDPOINTS, f"{name} is open to anonymous users but not listed as public"


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path"), [("get", "/api/auth/me"), ("post", "/api/jobs")])
def test_anonymous_calls_to_owner_only_endpoints_get_401(method, path):
    response = getattr(APIClient(), method)(path, {}, format="json")
    assert response.status_code == 401
