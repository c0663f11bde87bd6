"""The production nginx config, run for real in front of two local app servers.

Renders deploy/nginx/ohmcloud.conf.template with render_nginx.py, starts
Debian's /usr/sbin/nginx on a free port with two stdlib HTTP servers standing
in for scaled django instances, and checks routing, headers, limits and the
SPA fallbacks over real HTTP. Skipped where nginx is not installed
(`apt-get install nginx`). Stdlib only: runs under pytest or unittest.
"""

from __future__ import annotations

import gzip
import http.client
import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("render_nginx", HERE / "render_nginx.py")
render_nginx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_nginx)

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class EchoAppServer(BaseHTTPRequestHandler):
    """Stands in for gunicorn: answers with what it received, as JSON."""

    protocol_version = "HTTP/1.1"  # keep-alive, like gunicorn's gthread workers

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body_size = len(self.rfile.read(length)) if length else 0
        payload = json.dumps(
            {
                "backend": self.server.name,
                "method": self.command,
                "path": self.path,
                "body_size": body_size,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                # Big enough for gzip_min_length.
                "padding": "x" * 2048,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        # What Django's middleware sends; nginx must not duplicate these.
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


class NginxTopologyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        if not Path(render_nginx.NGINX_BINARY).exists():
            raise unittest.SkipTest("nginx is not installed (apt-get install nginx)")
        cls._tmp = tempfile.TemporaryDirectory(prefix="ohm-nginx-")
        root = Path(cls._tmp.name)
        for app in ("eda", "arduino"):
            (root / app / "assets").mkdir(parents=True)
            (root / app / "index.html").write_text(f"<!doctype html><title>{app} shell</title>")
            (root / app / "assets" / "index-3f9a1c.js").write_text("console.log('x');" * 200)
        (root / "static" / "admin").mkdir(parents=True)
        (root / "static" / "admin" / "base.css").write_text("body{}")

        cls.backends = []
        for name in ("app-1", "app-2"):
            server = ThreadingHTTPServer(("127.0.0.1", free_port()), EchoAppServer)
            server.daemon_threads = True
            server.name = name
            threading.Thread(target=server.serve_forever, daemon=True).start()
            cls.backends.append(server)

        # A third instance that is down: requests that can be repeated must be
        # retried on a live one (proxy_next_upstream).
        cls.dead_backend = f"127.0.0.1:{free_port()}"
        cls.port = free_port()
        cls.config = render_nginx.render_local_config(
            root / "nginx",
            f"127.0.0.1:{cls.port}",
            [f"127.0.0.1:{s.server_address[1]}" for s in cls.backends] + [cls.dead_backend],
            root / "eda",
            root / "arduino",
            root / "static",
        )
        check = subprocess.run(
            render_nginx.nginx_command(cls.config, test_only=True),
            capture_output=True,
            text=True,
            check=False,
        )
        if check.returncode != 0:
            cls._stop_backends()
            raise AssertionError(f"nginx -t failed:\n{check.stderr}")
        # A file, not a pipe: nobody reads nginx's error log while it runs.
        cls.error_log = root / "nginx-stderr.log"
        with cls.error_log.open("w") as error_log:
            cls.nginx = subprocess.Popen(
                render_nginx.nginx_command(cls.config),
                stdout=subprocess.DEVNULL,
                stderr=error_log,
            )
        deadline = time.monotonic() + 10
        while True:
            try:
                if cls.request("GET", "/nginx-health")[0] == 200:
                    break
            except OSError:
                pass
            if cls.nginx.poll() is not None or time.monotonic() > deadline:
                cls._stop_backends()
                raise AssertionError(f"nginx did not start:\n{cls.error_log.read_text()}")
            time.sleep(0.05)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.nginx.terminate()
        try:
            cls.nginx.wait(timeout=10)
        except subprocess.TimeoutExpired:
            cls.nginx.kill()
            cls.nginx.wait()
        cls._stop_backends()
        cls._tmp.cleanup()

    @classmethod
    def _stop_backends(cls) -> None:
        for server in cls.backends:
            server.shutdown()
            server.server_close()

    @classmethod
    def request(cls, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", cls.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def assert_security_headers(self, headers) -> None:
        self.assertEqual(headers.get_all("X-Content-Type-Options"), ["nosniff"])
        self.assertEqual(headers.get_all("X-Frame-Options"), ["DENY"])
        self.assertEqual(headers.get_all("Referrer-Policy"), ["same-origin"])
        self.assertEqual(headers.get_all("Content-Security-Policy"), [CSP])
        self.assertEqual(headers["Server"], "nginx")  # server_tokens off: no version

    # --- django upstream ---

    def test_api_is_proxied_with_forwarding_headers(self):
        status, headers, body = self.request(
            "GET",
            "/api/health/",
            headers={"Host": "ohm.test:8080", "X-Forwarded-For": "6.6.6.6"},
        )
        self.assertEqual(status, 200)
        echoed = json.loads(body)
        self.assertEqual(echoed["path"], "/api/health/")
        self.assertEqual(echoed["headers"]["host"], "ohm.test:8080")
        self.assertEqual(echoed["headers"]["x-forwarded-host"], "ohm.test:8080")
        self.assertEqual(echoed["headers"]["x-forwarded-proto"], "http")
        # The edge replaces a forged chain with the real peer.
        self.assertEqual(echoed["headers"]["x-forwarded-for"], "127.0.0.1")
        self.assertEqual(echoed["headers"]["x-real-ip"], "127.0.0.1")
        self.assert_security_headers(headers)

    def test_forwarded_proto_of_a_tls_proxy_in_front_is_kept(self):
        for sent, expected in (("https", "https"), ("http", "http"), ("gopher", "http")):
            _, _, body = self.request("GET", "/api/x", headers={"X-Forwarded-Proto": sent})
            self.assertEqual(json.loads(body)["headers"]["x-forwarded-proto"], expected)

    def test_admin_and_landing_page_go_to_django(self):
        for path in ("/admin/login/", "/", "/favicon.ico"):
            status, _, body = self.request("GET", path)
            self.assertEqual(status, 200, path)
            self.assertEqual(json.loads(body)["path"], path)

    def test_requests_are_spread_over_the_instances(self):
        seen = {json.loads(self.request("GET", "/api/x")[2])["backend"] for _ in range(6)}
        self.assertEqual(seen, {"app-1", "app-2"})

    def test_a_dead_instance_is_skipped(self):
        for _ in range(6):
            status, _, body = self.request("GET", "/api/simulations/abc?wait=1")
            self.assertEqual(status, 200)
            self.assertIn(json.loads(body)["backend"], {"app-1", "app-2"})

    def test_body_limit(self):
        status, _, body = self.request("POST", "/api/simulations", body=b"x" * (3 * 1024 * 1024))
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["body_size"], 3 * 1024 * 1024)
        status, _, _ = self.request("POST", "/api/simulations", body=b"x" * (5 * 1024 * 1024))
        self.assertEqual(status, 413)

    def test_json_is_gzipped(self):
        status, headers, body = self.request("GET", "/api/x", headers={"Accept-Encoding": "gzip"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Encoding"], "gzip")
        self.assertIn("app-", json.loads(gzip.decompress(body))["backend"])

    # --- static files and single-page apps ---

    def test_spa_shell_and_fallback(self):
        for app in ("eda", "arduino"):
            for path in (f"/{app}/", f"/{app}/index.html", f"/{app}/circuits/42/edit"):
                status, headers, body = self.request("GET", path)
                self.assertEqual(status, 200, path)
                self.assertIn(f"{app} shell".encode(), body, path)
                self.assertEqual(headers["Cache-Control"], "no-cache", path)
                self.assertTrue(headers["Content-Type"].startswith("text/html"), path)
                self.assert_security_headers(headers)
            status, headers, _ = self.request("GET", f"/{app}", headers={"Host": "ohm.test:8080"})
            self.assertEqual((status, headers["Location"]), (301, f"/{app}/"))

    def test_hashed_assets_are_immutable_and_missing_ones_404(self):
        for app in ("eda", "arduino"):
            status, headers, _ = self.request("GET", f"/{app}/assets/index-3f9a1c.js")
            self.assertEqual(status, 200)
            self.assertEqual(headers["Cache-Control"], "public, max-age=31536000, immutable")
            self.assertIn("javascript", headers["Content-Type"])
            self.assert_security_headers(headers)
            status, _, body = self.request("GET", f"/{app}/assets/gone-000000.js")
            self.assertEqual(status, 404)
            self.assertNotIn(b"shell", body)

    def test_static_files(self):
        status, headers, body = self.request("GET", "/static/admin/base.css")
        self.assertEqual((status, body), (200, b"body{}"))
        self.assertIn("max-age=", headers["Cache-Control"])
        self.assertEqual(headers["Content-Type"], "text/css")
        self.assert_security_headers(headers)
        self.assertEqual(self.request("GET", "/static/nope.css")[0], 404)

    def test_no_path_escapes_the_roots(self):
        for path in (
            "/eda/../../etc/passwd",
            "/static/../nginx/nginx.conf",
            "/eda/..%2f..%2fetc/passwd",
        ):
            _status, _, body = self.request("GET", path)
            self.assertNotIn(b"root:", body, path)
            self.assertNotIn(b"worker_processes", body, path)


class TemplateRenderingTest(unittest.TestCase):
    """Both renderers of ohmcloud.conf.template must produce the same file."""

    VALUES = {
        "OHM_LISTEN": "80",
        "OHM_DJANGO_SERVERS": "server django:8000;",
        "OHM_EDA_ROOT": "/srv/web/eda",
        "OHM_ARDUINO_ROOT": "/srv/web/arduino",
        "OHM_STATIC_ROOT": "/srv/static",
        "OHM_NGINX_CONF_DIR": "/etc/nginx/ohmcloud",
    }

    def test_envsubst_as_in_the_nginx_image_matches_render_nginx(self):
        # ./test installs gettext-base; without it this check cannot stand in for the nginx image.
        self.assertIsNotNone(shutil.which("envsubst"), "envsubst is missing: apt-get install gettext-base")
        # Decoys named like nginx variables: the image's NGINX_ENVSUBST_FILTER
        # (^OHM_) must keep envsubst off them.
        env = {**os.environ, **self.VALUES, "host": "EVIL", "uri": "EVIL"}
        defined = " ".join(f"${{{name}}}" for name in env if re.match("^OHM_", name))
        template = render_nginx.SITE_TEMPLATE.read_text()
        by_envsubst = subprocess.run(
            ["envsubst", defined],
            input=template,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        self.assertEqual(by_envsubst, render_nginx.render_template(template, self.VALUES))
        self.assertNotIn("EVIL", by_envsubst)
        self.assertIn("$remote_addr", by_envsubst)
        self.assertIn("try_files $uri $uri/ /eda/index.html;", by_envsubst)

    def test_unfilled_or_unknown_placeholders_are_errors(self):
        template = render_nginx.SITE_TEMPLATE.read_text()
        partial = {k: v for k, v in self.VALUES.items() if k != "OHM_STATIC_ROOT"}
        with self.assertRaisesRegex(ValueError, "OHM_STATIC_ROOT"):
            render_nginx.render_template(template, partial)
        with self.assertRaisesRegex(ValueError, "OHM_TYPO"):
            render_nginx.render_template(template, {**self.VALUES, "OHM_TYPO": "x"})

    def test_values_that_would_break_a_directive_are_refused(self):
        with self.assertRaises(ValueError):
            render_nginx.upstream_servers(["127.0.0.1:1; evil"])
        with self.assertRaises(ValueError):
            render_nginx.upstream_servers([])


if __name__ == "__main__":
    unittest.main()
