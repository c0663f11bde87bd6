"""Register, log out and log in through the UI of each app, in both deployments."""

import re
import secrets

import pytest
from playwright.sync_api import Page, expect

PASSWORD = "a long enough passphrase"


def register(page: Page, username: str) -> None:
    page.get_by_test_id("register-open").click()
    dialog = page.get_by_test_id("auth-dialog")
    expect(dialog).to_be_visible()
    page.get_by_test_id("auth-username").fill(username)
    page.get_by_test_id("auth-email").fill(f"{username}@example.org")
    page.get_by_test_id("auth-password").fill(PASSWORD)
    page.get_by_test_id("auth-submit").click()
    expect(page.get_by_test_id("current-user")).to_have_text(username)
    expect(dialog).to_have_count(0)


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    page.get_by_test_id("login-open").click()
    page.get_by_test_id("auth-username").fill(username)
    page.get_by_test_id("auth-password").fill(password)
    page.get_by_test_id("auth-submit").click()


@pytest.mark.parametrize("app", ["eda", "arduino"])
def test_register_logout_login_in_each_app(page: Page, base_url_of: str, app: str):
    username = f"{app}-{secrets.token_hex(4)}"
    page.goto(f"{base_url_of}/{app}/")
    expect(page.get_by_test_id(f"nav-{app}")).to_have_attribute("aria-current", "page")
    register(page, username)

    page.get_by_test_id("logout").click()
    expect(page.get_by_test_id("login-open")).to_be_visible()
    expect(page.get_by_test_id("current-user")).to_have_count(0)

    log_in(page, username, "not the password")
    expect(page.get_by_test_id("auth-error")).to_contain_text("Invalid user name or password")
    page.get_by_test_id("auth-password").fill(PASSWORD)
    page.get_by_test_id("auth-submit").click()
    expect(page.get_by_test_id("current-user")).to_have_text(username)

    # The session is shared: the other app shows the same user after navigating.
    other = "arduino" if app == "eda" else "eda"
    page.get_by_test_id(f"nav-{other}").click()
    expect(page).to_have_url(re.compile(rf"/{other}/$"))
    expect(page.get_by_test_id("current-user")).to_have_text(username)


def test_register_shows_the_servers_field_errors(page: Page, base_url_of: str):
    page.goto(f"{base_url_of}/eda/")
    page.get_by_test_id("register-open").click()
    page.get_by_test_id("auth-username").fill(f"weak-{secrets.token_hex(3)}")
    page.get_by_test_id("auth-password").fill("12345")
    page.get_by_test_id("auth-submit").click()
    expect(page.get_by_test_id("auth-password-error")).to_contain_text("too short")
    expect(page.get_by_test_id("current-user")).to_have_count(0)


def test_landing_page_links_both_apps(page: Page, base_url_of: str):
    page.goto(f"{base_url_of}/")
    page.get_by_test_id("landing-arduino").click()
    expect(page).to_have_title("OhmCloud Arduino")
    page.go_back()
    page.get_by_test_id("landing-eda").click()
    expect(page).to_have_title("OhmCloud EDA")


def test_api_docs_render(page: Page, base_url_of: str):
    page.goto(f"{base_url_of}/api/docs/")
    expect(page.locator(".swagger-ui .title")).to_contain_text("OhmCloud API")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
