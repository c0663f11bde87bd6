"""The MongoDB result store against a real wire-protocol server.

No MongoDB server package can be installed on this machine, so the tests start
nx-27017 (a MongoDB wire-protocol server on SQLite, from PyPI) on a free port and
talk to it with pymongo, using only operations a real MongoDB supports. The
compose file runs the real `mongo` image.
"""

from datetime import UTC, datetime, timedelta

import pytest

from jobs.mongo_wire_server import start_mongo_wire_server
from jobs.result_store import MongoResultStore, result_store_for


@pytest.fixture(scope="module")
def mongo_url(tmp_path_factory):
    proc, port = start_mongo_wire_server(tmp_path_factory.mktemp("nx27017"))
    yield f"mongodb://127.0.0.1:{port}/ohmcloud_test"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def store(mongo_url):
    store = result_store_for(mongo_url)
    assert isinstance(store, MongoResultStore)
    return store


def later(days=1):
    return datetime.now(UTC) + timedelta(days=days)


def test_ping(store):
    assert store.ping() == "mongodb"


def test_round_trip_and_overwrite(store):
    document = {"plots": [{"name": "tran1", "vectors": [{"name": "v(out)", "values": [0.0, 1.5, -2.25]}]}]}
    store.put("job:a", document, later())
    assert store.get("job:a") == document
    store.put("job:a", {"replaced": True}, later())
    assert store.get("job:a") == {"replaced": True}
    assert store.results.count_documents({"_id": "job:a"}) == 1


def test_missing_key_is_none(store):
    assert store.get("job:nope") is None


def test_large_results_go_to_gridfs(store, monkeypatch):
    monkeypatch.setattr(MongoResultStore, "INLINE_LIMIT", 1000)  # a small limit: no need to move 16 MB around
    document = {"values": [i * 0.001 for i in range(20000)]}
    store.put("job:big", document, later())
    record = store.results.find_one({"_id": "job:big"})
    assert "gridfs_id" in record and "data" not in record
    assert store.get("job:big") == document
    store.delete(["job:big"])
    assert store.get("job:big") is None
    assert not store.files.exists(record["gridfs_id"])


def test_expiry_uses_a_ttl_index(store):
    store.put("job:ttl", {"x": 1}, later())
    ttl = [ix for ix in store.results.list_indexes() if ix.get("expireAfterSeconds") is not None]
    assert [(dict(ix["key"]), ix["expireAfterSeconds"]) for ix in ttl] == [({"expires_at": 1}, 0)]


def test_delete_many(store):
    for key in ("job:d1", "job:d2", "job:d3"):
        store.put(key, {"k": key}, later())
    store.delete(["job:d1", "job:d2"])
    assert [store.get(k) for k in ("job:d1", "job:d2", "job:d3")] == [None, None, {"k": "job:d3"}]
