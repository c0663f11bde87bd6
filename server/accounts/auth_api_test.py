"""Accounts API: register, session login with CSRF, logout, me, tokens, throttling."""

import pytest
from django.conf import settings
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def csrf(client) -> dict:
    """Fetch /api/auth/me like the web apps do and return the CSRF header for the next call."""
    client.get("/api/auth/me")
    return {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}


def test_me_is_401_for_anonymous_and_sets_the_csrf_cookie(api):
    response = api.get("/api/auth/me")
    assert response.status_code == 401
    assert response.json() == {"errors": [{"message": "Authentication credentials were not provided."}]}
    assert "csrftoken" in response.cookies


def test_register_logs_in(api, password):
    response = api.post(
        "/api/auth/register",
        {"username": "grace", "password": password, "email": "g@example.org"},
        format="json",
        **csrf(api),
    )
    assert response.status_code == 201, response.json()
    assert response.json()["username"] == "grace"
    assert api.get("/api/auth/me").json() == {
        "id": response.json()["id"],
        "username": "grace",
        "email": "g@example.org",
    }


def test_register_without_csrf_token_is_refused(api, password):
    response = api.post("/api/auth/register", {"username": "grace", "password": password}, format="json")
    assert response.status_code == 403
    assert response.json()["errors"][0]["message"].startswith("CSRF check failed")


@pytest.mark.parametrize(
    ("body", "field", "fragment"),
    [
        ({"username": "grace", "password": "short"}, "password", "too short"),
        ({"username": "grace", "password": "password123"}, "password", "too common"),
        ({"username": "grace", "password": "9384756102938"}, "password", "entirely numeric"),
        ({"username": "bad name!", "password": "correct horse battery"}, "username", "letters, digits"),
        ({"username": "ada", "password": "correct horse battery"}, "username", "taken"),
        ({"username": "ADA", "password": "correct horse battery"}, "username", "taken"),
        ({"username": "grace", "password": "correct horse battery", "email": "nope"}, "email", "valid email"),
        ({"username": "grace", "password": "correct horse battery", "is_staff": True}, "is_staff", "Unknown field"),
    ],
)
def test_register_rejects_bad_input_with_field_errors(api, user, body, field, fragment):
    response = api.post("/api/auth/register", body, format="json", **csrf(api))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert any(e.get("field") == field and fragment in e["message"] for e in errors), errors


def test_registered_users_are_never_staff(api, password, django_user_model):
    api.post("/api/auth/register", {"username": "grace", "password": password}, format="json", **csrf(api))
    grace = django_user_model.objects.get(username="grace")
    assert not grace.is_staff and not grace.is_superuser
    assert grace.password.startswith("pbkdf2_") or grace.password.startswith("argon2")


def test_login_logout_cycle(api, user, password):
    response = api.post("/api/auth/login", {"username": "ada", "password": password}, format="json", **csrf(api))
    assert response.status_code == 200
    assert response.json()["username"] == "ada"
    assert api.get("/api/auth/me").status_code == 200
    # Login rotates the CSRF token: the old one no longer works for the logout.
    response = api.post("/api/auth/logout", **csrf(api))
    assert response.status_code == 204
    assert api.get("/api/auth/me").status_code == 401


def test_logged_in_unsafe_calls_need_the_csrf_token(api, user, password):
    api.post("/api/auth/login", {"username": "ada", "password": password}, format="json", **csrf(api))
    response = api.post("/api/jobs", {"kind": "sleep", "input": {"seconds": 0}}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["errors"][0]["message"]


def test_bad_login_is_a_plain_400(api, user):
    response = api.post("/api/auth/login", {"username": "ada", "password": "wrong"}, format="json", **csrf(api))
    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": "Invalid user name or password."}]}


def test_repeated_bad_logins_get_429_even_with_the_right_password(api, user, password):
    headers = csrf(api)
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert (
            api.post("/api/auth/login", {"username": "ada", "password": "guess"}, format="json", **headers).status_code
            == 400
        )
    response = api.post("/api/auth/login", {"username": "ada", "password": password}, format="json", **headers)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["errors"][0]["message"].startswith("Too many failed logins.")
    # The token endpoint shares the lockout: no side door for guessing.
    assert (
        APIClient().post("/api/auth/tokens", {"username": "ada", "password": password}, format="json").status_code
        == 429
    )


def test_lockout_also_applies_per_address_across_user_names(api):
    headers = csrf(api)
    for i in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS):
        api.post("/api/auth/login", {"username": f"user{i}", "password": "guess"}, format="json", **headers)
    response = api.post("/api/auth/login", {"username": "someone-else", "password": "x"}, format="json", **headers)
    assert response.status_code == 429


def test_a_few_failures_from_a_shared_address_lock_nobody_else_out(api, user, password):
    headers = csrf(api)
    for i in range(settings.LOGIN_FAILURE_LIMIT + 1):
        api.post("/api/auth/login", {"username": f"student{i}", "password": "typo"}, format="json", **headers)
    response = api.post("/api/auth/login", {"username": "ada", "password": password}, format="json", **headers)
    assert response.status_code == 200


def test_tokens_authenticate_api_calls(user, password):
    client = APIClient()
    response = client.post("/api/auth/tokens", {"username": "ada", "password": password}, format="json")
    assert response.status_code == 201
    token = response.json()["token"]
    assert len(token) == 40
    # Same token on a second request; and it authenticates without a session or CSRF token.
    assert (
        client.post("/api/auth/tokens", {"username": "ada", "password": password}, format="json").json()["token"]
        == token
    )
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/auth/me").json()["username"] == "ada"


def test_tokens_refuse_bad_passwords(user):
    response = APIClient().post("/api/auth/tokens", {"username": "ada", "password": "nope"}, format="json")
    assert response.status_code == 400


def test_bogus_tokens_are_401():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    response = client.get("/api/auth/me")
    assert response.status_code == 401
    assert response.json() == {"errors": [{"message": "Invalid token."}]}
