"""Bad input never yields a 500 or HTML: always 4xx with {"errors": [...]}."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def assert_error_shape(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"errors"}
    assert body["errors"] and all(isinstance(e["message"], str) for e in body["errors"])
    return body["errors"]


def test_malformed_json(user_api):
    response = user_api.post("/api/jobs", data='{"kind": "sleep",', content_type="application/json")
    [error] = assert_error_shape(response, 400)
    assert error["message"].startswith("JSON parse error")


def test_json_that_is_not_an_object(user_api):
    response = user_api.post("/api/jobs", data="[1, 2]", content_type="application/json")
    assert assert_error_shape(response, 400) == [{"message": "Expected a JSON object."}]


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
def test_wrong_content_type(user_api, content_type):
    response = user_api.post("/api/jobs", data="kind=sleep", content_type=content_type)
    [error] = assert_error_shape(response, 415)
    assert "Unsupported media type" in error["message"]


def test_oversized_body(user_api, settings):
    body = '{"kind": "sleep", "input": {"message": "' + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10) + '"}}'
    response = user_api.post("/api/jobs", data=body, content_type="application/json")
    assert assert_error_shape(response, 413) == [{"message": "Request body is too large."}]


def test_unknown_api_path_is_json_404():
    assert assert_error_shape(Client().get("/api/nope"), 404) == [{"message": "Not found."}]


def test_wrong_method_is_405(user_api):
    response = user_api.put("/api/auth/me", {}, format="json")
    [error] = assert_error_shape(response, 405)
    assert 'Method "PUT" not allowed.' in error["message"]


def test_non_api_404_stays_html():
    response = Client().get("/no-such-page")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
