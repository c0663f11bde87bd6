"""docker-compose.yml: the eight services of the architecture, scalable app tiers, no secrets.

There is no Docker engine here; `docker compose config` checks the syntax where
the compose plugin exists, and the structure is checked below everywhere.
"""

import re
import shutil
import subprocess
import unittest
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parent
COMPOSE = DEPLOY / "docker-compose.yml"


def compose_plugin_available() -> bool:
    if not shutil.which("docker"):
        return False
    return subprocess.run(["docker", "compose", "version"], capture_output=True, check=False).returncode == 0


class ComposeFileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.text = COMPOSE.read_text()
        cls.compose = yaml.safe_load(cls.text)
        cls.services = cls.compose["services"]

    def test_the_eight_services(self):
        self.assertEqual(
            set(self.services),
            {"nginx", "django", "celery", "redis", "mongodb", "db", "eda-frontend", "arduino-frontend"},
        )
        self.assertNotIn("version", self.compose)
        self.assertTrue(self.services["db"]["image"].startswith("mysql:8"))
        self.assertTrue(self.services["mongodb"]["image"].startswith("mongo:"))

    def test_only_nginx_publishes_a_port(self):
        published = {name for name, service in self.services.items() if service.get("ports")}
        self.assertEqual(published, {"nginx"})

    def test_app_tiers_are_scalable(self):
        for name in ("django", "celery"):
            self.assertNotIn("container_name", self.services[name], name)
            self.assertNotIn("ports", self.services[name], name)

    def test_frontends_are_build_containers_nginx_waits_for(self):
        depends = self.services["nginx"]["depends_on"]
        for name in ("eda-frontend", "arduino-frontend"):
            self.assertEqual(depends[name]["condition"], "service_completed_successfully")
        self.assertEqual(depends["django"]["condition"], "service_healthy")

    def test_app_uses_the_production_services(self):
        environment = self.compose["x-app-environment"]
        self.assertEqual(environment["OHM_ENV"], "production")
        self.assertTrue(environment["DATABASE_URL"].startswith("mysql://"))
        self.assertTrue(environment["CELERY_BROKER_URL"].startswith("redis://redis"))
        self.assertIn("mongodb://mongodb", environment["RESULT_STORE_URL"])

    def test_secrets_have_no_defaults(self):
        for variable in ("SECRET_KEY", "MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD"):
            uses = re.findall(r"\$\{" + variable + r"(:?[-?])?", self.text)
            self.assertTrue(uses, variable)
            self.assertTrue(all(u in (":?", "") for u in uses), f"{variable} must not fall back to a default")
        example = (DEPLOY / ".env.example").read_text()
        for line in example.splitlines():
            if re.match(r"(SECRET_KEY|MYSQL_PASSWORD|MYSQL_ROOT_PASSWORD)=", line):
                self.assertIn("change-me", line)

    # The Compose v2 plugin is in none of the registries this machine reaches (Debian 12, PyPI, npm), and
    # Debian's docker-compose 1.29 cannot read the Compose Specification this file uses (top-level `name:`,
    # `env_file` with `required`): tried, it refuses both. The tests above check the file's structure instead.
    @unittest.skipUnless(
        compose_plugin_available(), "the docker compose v2 plugin is not installable on this machine (see comment)"
    )
    def test_docker_compose_config_accepts_the_file(self):
        result = subprocess.run(
            ["docker", "compose", "-f", str(COMPOSE), "--env-file", str(DEPLOY / ".env.example"), "config", "-q"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        self.assertEqual(result.returncode, 0, result.stderr)
