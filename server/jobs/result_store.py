"""Where job results live, behind one small interface.

Backends are chosen by RESULT_STORE_URL: `db://` (default) keeps compressed JSON
in the relational database; `mongodb://host/dbname` keeps one document per
result in MongoDB (GridFS beyond the document size limit, a TTL index for
expiry). Workers write here and the web tier reads here, so they never need a
shared file system.
"""

from datetime import datetime
from functools import cache
from typing import Protocol

from django.conf import settings
from django.db import connection

from . import result_codec


class ResultStore(Protocol):
    def put(self, key: str, document: dict, expires_at: datetime) -> None: ...
    def get(self, key: str) -> dict | None: ...
    def delete(self, keys: list[str]) -> None: ...
    def ping(self) -> str:
        """Raise if the store is unreachable; return a short description."""


class DatabaseResultStore:
    """Results as rows of the Django database (see result_codec for the bytes)."""

    def put(self, key: str, document: dict, expires_at: datetime) -> None:
        from .models import StoredResult

        data = result_codec.encode(document)
        StoredResult.objects.update_or_create(
            key=key, defaults={"data": data, "size": len(data), "expires_at": expires_at}
        )

    def get(self, key: str) -> dict | None:
        from .models import StoredResult

        row = StoredResult.objects.filter(key=key).only("data").first()
        return None if row is None else result_codec.decode(bytes(row.data))

    def delete(self, keys: list[str]) -> None:
        from .models import StoredResult

        StoredResult.objects.filter(key__in=keys).delete()

    def ping(self) -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "database"


class MongoResultStore:
    """Results as MongoDB documents `{_id: key, data | gridfs_id, size, expires_at}`."""

    # BSON documents are capped at 16 MiB; leave room for the other fields.
    INLINE_LIMIT = 15 * 1024 * 1024

    def __init__(self, url: str):
        import gridfs
        import pymongo

        self.client = pymongo.MongoClient(url, serverSelectionTimeoutMS=3000, connectTimeoutMS=3000, tz_aware=True)
        database = self.client.get_default_database(default="ohmcloud")
        self.results = database["results"]
        self.files = gridfs.GridFS(database, collection="results_fs")
        self._indexed = False

    def _ensure_indexes(self) -> None:
        if not self._indexed:
            # MongoDB deletes a document once its expires_at has passed (TTL monitor, ~1 min).
            self.results.create_index("expires_at", expireAfterSeconds=0)
            self._indexed = True

    def put(self, key: str, document: dict, expires_at: datetime) -> None:
        self._ensure_indexes()
        data = result_codec.encode(document)
        self.delete([key])
        record = {"_id": key, "size": len(data), "expires_at": expires_at}
        if len(data) > self.INLINE_LIMIT:
            record["gridfs_id"] = self.files.put(data, filename=key)
        else:
            record["data"] = data
        self.results.insert_one(record)

    def get(self, key: str) -> dict | None:
        record = self.results.find_one({"_id": key})
        if record is None:
            return None
        data = self.files.get(record["gridfs_id"]).read() if "gridfs_id" in record else record["data"]
        return result_codec.decode(bytes(data))

    def delete(self, keys: list[str]) -> None:
        for record in self.results.find({"_id": {"$in": keys}, "gridfs_id": {"$exists": True}}, {"gridfs_id": 1}):
            self.files.delete(record["gridfs_id"])
        self.results.delete_many({"_id": {"$in": keys}})

    def ping(self) -> str:
        self.client.admin.command("ping")
        return "mongodb"


class UnsupportedResultStore(ValueError):
    pass


def result_store_for(url: str) -> ResultStore:
    scheme = url.split("://", 1)[0]
    if scheme == "db":
        return DatabaseResultStore()
    if scheme in ("mongodb", "mongodb+srv"):
        return MongoResultStore(url)
    raise UnsupportedResultStore(f"RESULT_STORE_URL scheme {scheme!r} is not supported (use db:// or mongodb://)")


@cache
def get_result_store() -> ResultStore:
    return result_store_for(settings.RESULT_STORE_URL)
