from django.contrib.auth import authenticate, login, logout
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from ohmcloud.api_errors import errors_response

from . import login_attempts
from .serializers import CredentialsSerializer, RegisterSerializer, TokenSerializer, UserSerializer
from .services import UsernameTaken, api_token_for, register_user

ERRORS = OpenApiResponse(description='{"errors": [{"message", "field"?}]}')


def client_ip(request: Request) -> str:
    # DRF's throttle identity honours NUM_PROXIES (X-Forwarded-For only behind our nginx).
    return BaseThrottle().get_ident(request)


def check_credentials(request: Request):
    """Validate the body and authenticate, with failure throttling.

    Returns (user, None) or (None, error Response)."""
    serializer = CredentialsSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    username, password = serializer.validated_data["username"], serializer.validated_data["password"]
    ip = client_ip(request)
    lockout = login_attempts.current_lockout(username, ip)
    if lockout:
        return None, errors_response(
            [{"message": f"Too many failed logins. Try again in {lockout.retry_after} seconds."}],
            status.HTTP_429_TOO_MANY_REQUESTS,
            headers={"Retry-After": str(lockout.retry_after)},
        )
    user = authenticate(request._request, username=username, password=password)
    if user is None:
        login_attempts.record_failure(username, ip)
        return None, errors_response([{"message": "Invalid user name or password."}], status.HTTP_400_BAD_REQUEST)
    login_attempts.record_success(username, ip)
    return user, None


@method_decorator(csrf_protect, name="dispatch")
class LoginView(APIView):
    """Start a browser session (cookie). Send the csrftoken cookie as X-CSRFToken."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(
        request=CredentialsSerializer, responses={200: UserSerializer, 400: ERRORS, 429: ERRORS}, tags=["auth"]
    )
    def post(self, request: Request) -> Response:
        user, error = check_credentials(request)
        if error:
            return error
        login(request._request, user)
        return Response(UserSerializer(user).data)


@method_decorator(csrf_protect, name="dispatch")
class RegisterView(APIView):
    """Create an account and start a session."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "register"

    @extend_schema(request=RegisterSerializer, responses={201: UserSerializer, 400: ERRORS}, tags=["auth"])
    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            user = register_user(**serializer.validated_data)
        except UsernameTaken:
            return errors_response(
                [{"message": "This user name is taken.", "field": "username"}], status.HTTP_400_BAD_REQUEST
            )
        login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


@method_decorator(csrf_protect, name="dispatch")
class LogoutView(APIView):
    """End the browser session."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(request=None, responses={204: None}, tags=["auth"])
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


@method_decorator(ensure_csrf_cookie, name="dispatch")
class MeView(APIView):
    """The signed-in user (401 when anonymous). Also sets the csrftoken cookie."""

    @extend_schema(responses={200: UserSerializer, 401: ERRORS}, tags=["auth"])
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(request.user).data)


class TokenView(APIView):
    """Exchange a user name and password for an API token (`Authorization: Token <key>`)."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "tokens"

    @extend_schema(
        request=CredentialsSerializer, responses={201: TokenSerializer, 400: ERRORS, 429: ERRORS}, tags=["auth"]
    )
    def post(self, request: Request) -> Response:
        user, error = check_credentials(request)
        if error:
            return error
        return Response({"token": api_token_for(user)}, status=status.HTTP_201_CREATED)
