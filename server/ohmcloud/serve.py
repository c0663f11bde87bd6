"""Serve the whole app in the foreground: gunicorn + one Celery worker (with beat).

Used by ./run. Ctrl-C (or SIGTERM) stops every child; if one child dies, the
others are stopped too and the exit status says so.
"""

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

SERVER_DIR = Path(__file__).resolve().parent.parent
STOP_GRACE_SECONDS = 10


def web_command(bind: str, workers: int = 2, threads: int = 8) -> list[str]:
    """gunicorn serving the Django app (gthread: a long-poll parks a thread, not a process)."""
    return [
        sys.executable, "-m", "gunicorn", "ohmcloud.wsgi:application",
        "--bind", bind, "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
        "--timeout", "60", "--graceful-timeout", "10", "--access-logfile", "-",
    ]  # fmt: skip


def worker_command(hostname: str, concurrency: int = 2, beat_schedule: Path | None = None) -> list[str]:
    """A Celery worker (prefork: per-task time limits need it), optionally running beat."""
    beat = ["--beat", "--schedule", str(beat_schedule)] if beat_schedule else []
    return [
        sys.executable, "-m", "celery", "-A", "ohmcloud", "worker", *beat,
        "--pool", "prefork", "--concurrency", str(concurrency), "--loglevel", "INFO", "--hostname", hostname,
    ]  # fmt: skip


def _wait_for_port(host: str, port: int, deadline: float, children: dict[str, subprocess.Popen]) -> bool:
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in children.values()):
            return False
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def _stop(children: dict[str, subprocess.Popen]) -> None:
    for proc in children.values():
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for proc in children.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--web-workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
    parser.add_argument("--worker-concurrency", type=int, default=int(os.environ.get("WORKER_CONCURRENCY", "2")))
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ohmcloud.settings")
    from django.conf import settings  # after argparse: --help works without settings

    var_dir = Path(settings.VAR_DIR)
    var_dir.mkdir(parents=True, exist_ok=True)

    stopping = False

    def request_stop(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    children: dict[str, subprocess.Popen] = {}
    commands = {
        "web": web_command(f"{args.host}:{args.port}", workers=args.web_workers),
        "worker": worker_command(
            "embedded@%h", concurrency=args.worker_concurrency, beat_schedule=var_dir / "celerybeat-schedule"
        ),
    }
    for name, command in commands.items():
        # Own sessions: we alone decide when children stop, and stop them as groups.
        children[name] = subprocess.Popen(command, cwd=SERVER_DIR, start_new_session=True)  # noqa: S603

    exit_code = 0
    try:
        url_host = f"[{args.host}]" if ":" in args.host else args.host
        if _wait_for_port(args.host, args.port, time.monotonic() + 60, children):
            print(f"\n  OhmCloud is running at http://{url_host}:{args.port}/  (Ctrl-C stops it)\n", flush=True)
        while not stopping:
            dead = [name for name, proc in children.items() if proc.poll() is not None]
            if dead:
                print(f"ohmcloud: {', '.join(dead)} stopped unexpectedly; shutting down", file=sys.stderr, flush=True)
                exit_code = 1
                break
            time.sleep(0.5)
    finally:
        _stop(children)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
