"""One error shape for the whole API: {"errors": [{"message", "field"?, "line"?}]}.

Every failure under /api/ (DRF exceptions, Django's 400/403/404/413/500 and CSRF
failures) is rendered in this shape, never as HTML or a traceback.
"""

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler


def error_list(detail, field: str | None = None) -> list[dict]:
    """Flatten DRF error details (str, list or nested dict) into error objects."""
    if isinstance(detail, dict):
        if "message" in detail and isinstance(detail["message"], str):  # already an error object
            return [detail]
        errors = []
        for key, value in detail.items():
            nested = key if field is None else f"{field}.{key}"
            errors += error_list(value, None if key in ("non_field_errors", "detail") else nested)
        return errors
    if isinstance(detail, list):
        return [e for item in detail for e in error_list(item, field)]
    error = {"message": str(detail)}
    if field:
        error["field"] = field
    return [error]


def errors_response(errors: list[dict], status_code: int, headers: dict | None = None) -> Response:
    return Response({"errors": errors}, status=status_code, headers=headers)


def api_exception_handler(exc, context):
    """DRF exception handler producing the API's error shape."""
    if isinstance(exc, RequestDataTooBig):
        return errors_response([{"message": "Request body is too large."}], status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, SuspiciousOperation):
        return errors_response([{"message": "Bad request."}], status.HTTP_400_BAD_REQUEST)
    response = exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's handler500 renders it
    # Django's own 404 message names the model; say less.
    errors = [{"message": "Not found."}] if isinstance(exc, Http404) else error_list(response.data)
    response.data = {"errors": errors}
    return response


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _json_error(message: str, status_code: int) -> JsonResponse:
    return JsonResponse({"errors": [{"message": message}]}, status=status_code)


def bad_request(request, exception=None):
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return _json_error("Request body is too large.", 413)
    return _json_error("Bad request.", 400)


def permission_denied(request, exception=None):
    if not _is_api(request):
        return defaults.permission_denied(request, exception)
    return _json_error("You do not have permission to perform this action.", 403)


def not_found(request, exception=None):
    if not _is_api(request):
        return defaults.page_not_found(request, exception)
    return _json_error("Not found.", 404)


def server_error(request):
    if not _is_api(request):
        return defaults.server_error(request)
    return _json_error("Internal server error. The problem has been logged.", 500)


def csrf_failure(request, reason=""):
    return _json_error(f"CSRF check failed: {reason}. Send the csrftoken cookie's value as X-CSRFToken.", 403)
