"""Where job results live, behind one small interface.

Backends are chosen by RESULT_STORE_URL: `db://` (default) keeps compressed JSON
in the relational database. Workers write here and the web tier reads here, so
they never need a shared file system.
"""

import json
import zlib
from datetime import datetime
from functools import cache
from typing import Protocol

from django.conf import settings
from django.db import connection


class ResultStore(Protocol):
    def put(self, key: str, document: dict, expires_at: datetime) -> None: ...
    def get(self, key: str) -> dict | None: ...
    def delete(self, keys: list[str]) -> None: ...
    def ping(self) -> str:
        """Raise if the store is unreachable; return a short description."""


class DatabaseResultStore:
    """Results as zlib-compressed JSON rows in the Django database."""

    def put(self, key: str, document: dict, expires_at: datetime) -> None:
        from .models import StoredResult

        raw = json.dumps(document, separators=(",", ":"), allow_nan=False).encode()
        StoredResult.objects.update_or_create(
            key=key, defaults={"data": zlib.compress(raw, 6), "size": len(raw), "expires_at": expires_at}
        )

    def get(self, key: str) -> dict | None:
        from .models import StoredResult

        row = StoredResult.objects.filter(key=key).only("data").first()
        return None if row is None else json.loads(zlib.decompress(bytes(row.data)))

    def delete(self, keys: list[str]) -> None:
        from .models import StoredResult

        StoredResult.objects.filter(key__in=keys).delete()

    def ping(self) -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "database"


class UnsupportedResultStore(ValueError):
    pass


def result_store_for(url: str) -> ResultStore:
    scheme = url.split("://", 1)[0]
    if scheme == "db":
        return DatabaseResultStore()
    raise UnsupportedResultStore(f"RESULT_STORE_URL scheme {scheme!r} is not supported (use db://)")


@cache
def get_result_store() -> ResultStore:
    return result_store_for(settings.RESULT_STORE_URL)
