"""Migrate the database, import the default KiCad symbol libraries and collect
static files once, however many django containers start at the same time.

Every django container runs this before gunicorn (deploy/app/entrypoint.sh).
Django's `migrate` is not safe to run concurrently, so the work is done under a
database-wide lock: the first instance migrates and collects static files, the
others wait on the lock and then find nothing left to do. The lock is tied to
the database session, so a container that dies while holding it releases it.

  MySQL / MariaDB   GET_LOCK()            (the compose topology)
  PostgreSQL        pg_advisory_lock()
  SQLite            no lock: one host, and SQLite serialises writers itself

Run from the Django project directory (server/). Environment:
  DJANGO_SETTINGS_MODULE   default ohmcloud.settings
  OHM_MIGRATE_LOCK_TIMEOUT seconds to wait for the lock (default 600)
  OHM_DB_WAIT_TIMEOUT      seconds to wait for the database to answer (default 120)
  OHM_COLLECTSTATIC        0 to skip collectstatic (default 1)
  OHM_IMPORT_SYMBOLS       0 to skip the symbol import (default 1; it skips unchanged libraries)
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator

LOCK_NAME = "ohmcloud.migrate"
# pg_advisory_lock takes a bigint key: a fixed one derived from "ohmcloud.migrate".
PG_LOCK_KEY = 0x6F686D6D6967


def log(message: str) -> None:
    print(f"migrate_locked: {message}", file=sys.stderr, flush=True)


def wait_for_database(connection, timeout: float) -> None:
    """Retry connecting until the database answers (it may still be starting)."""
    from django.db import OperationalError

    deadline = time.monotonic() + timeout
    while True:
        try:
            connection.ensure_connection()
            return
        except OperationalError as error:
            if time.monotonic() > deadline:
                raise
            log(f"database not ready ({error}); retrying")
            connection.close()
            time.sleep(2)


@contextlib.contextmanager
def database_lock(connection, timeout: int) -> Iterator[None]:
    """Hold a lock shared by every process that uses this database."""
    vendor = connection.vendor
    if vendor == "mysql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT GET_LOCK(%s, %s)", [LOCK_NAME, timeout])
            (acquired,) = cursor.fetchone()
        if acquired != 1:
            raise RuntimeError(f"could not take the {LOCK_NAME} lock within {timeout}s")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT RELEASE_LOCK(%s)", [LOCK_NAME])
    elif vendor == "postgresql":
        deadline = time.monotonic() + timeout
        while True:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [PG_LOCK_KEY])
                (acquired,) = cursor.fetchone()
            if acquired:
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"could not take the {LOCK_NAME} lock within {timeout}s")
            time.sleep(1)
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [PG_LOCK_KEY])
    else:
        yield


def main() -> int:
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ohmcloud.settings")

    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    wait_for_database(connection, float(os.environ.get("OHM_DB_WAIT_TIMEOUT", "120")))
    lock_timeout = int(os.environ.get("OHM_MIGRATE_LOCK_TIMEOUT", "600"))
    started = time.monotonic()
    with database_lock(connection, lock_timeout):
        log(f"lock held after {time.monotonic() - started:.1f}s ({connection.vendor})")
        call_command("migrate", interactive=False, verbosity=1)
        if os.environ.get("OHM_IMPORT_SYMBOLS", "1") != "0":
            call_command("import_symbols", verbosity=1)
        if os.environ.get("OHM_COLLECTSTATIC", "1") != "0":
            call_command("collectstatic", interactive=False, verbosity=0)
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
