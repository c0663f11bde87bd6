"""Healthcheck of the django service: is gunicorn answering /api/health/?

Sends the first ALLOWED_HOSTS entry as Host, since Django rejects a request
for a host it does not serve, and does not follow redirects (a redirect, e.g.
SECURE_SSL_REDIRECT, still shows Django is up). Exit 0 when healthy.
"""

import http.client
import os
import sys

PORT = int(os.environ.get("GUNICORN_PORT", "8000"))


def health_host() -> str:
    for entry in os.environ.get("ALLOWED_HOSTS", "").split(","):
        host = entry.strip().lstrip(".")
        if host and "*" not in host:
            return host
    return "localhost"


def main() -> int:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
    try:
        conn.request("GET", "/api/health/", headers={"Host": health_host()})
        status = conn.getresponse().status
    except OSError as error:
        print(f"django health: {error}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    if status >= 400:
        print(f"django health: HTTP {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
