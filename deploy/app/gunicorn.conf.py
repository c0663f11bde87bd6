"""gunicorn settings of the django service; tune with the GUNICORN_* variables."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Threads, not sync workers: a long-poll (GET ...?wait=30) holds its worker for
# up to 30 s, so each process must serve many requests at once.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "16"))
# Above nginx's proxy_read_timeout (60 s), which is above the 30 s long-poll.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "75"))
graceful_timeout = 30
# Longer than nginx's upstream keepalive_timeout (60 s): nginx, not gunicorn,
# closes idle pooled connections, so nginx never sends a request down a socket
# gunicorn is closing (a 502 for a POST, which nginx won't retry).
keepalive = 75
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Heartbeat files in RAM, not on the container's overlay file system.
worker_tmp_dir = "/dev/shm"  # noqa: S108 - a RAM file system, gunicorn's advice for containers
accesslog = "-"
errorlog = "-"
# forwarded_allow_ips stays at its default (loopback only): gunicorn does not
# derive the scheme from X-Forwarded-Proto, so Django's SECURE_PROXY_SSL_HEADER
# (OHM_BEHIND_TLS_PROXY) is the one place that decides whether to trust it.
