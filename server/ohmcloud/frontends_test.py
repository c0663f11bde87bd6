"""The embedded server serves the landing page, the built apps and the API docs."""

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def test_landing_page_links_both_apps():
    response = Client().get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/eda/"' in html and 'href="/arduino/"' in html


@pytest.mark.parametrize(("app", "title"), [("eda", "OhmCloud EDA"), ("arduino", "OhmCloud Arduino")])
def test_apps_are_served_with_spa_fallback(app, title):
    assert (settings.FRONTEND_APPS[app] / "index.html").is_file(), "build the web apps first (./test does)"
    client = Client()
    index = client.get(f"/{app}/")
    assert index.status_code == 200
    assert f"<title>{title}</title>" in b"".join(index.streaming_content).decode()
    deep_link = client.get(f"/{app}/some/client/route")
    assert deep_link.status_code == 200
    assert deep_link["Cache-Control"] == "no-cache"


def test_api_docs_are_served_without_a_cdn():
    response = Client().get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn." not in html and "unpkg" not in html


def test_openapi_schema_generates_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))


def test_openapi_schema_documents_every_endpoint():
    response = Client().get("/api/schema/?format=json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/health/",
        "/api/auth/register",
        "/api/auth/login",
        "/api/auth/logout",
        "/api/auth/me",
        "/api/auth/tokens",
        "/api/jobs",
        "/api/jobs/{job_id}",
    ]:
        assert path in paths, path
