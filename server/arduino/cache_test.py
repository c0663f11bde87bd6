"""The build cache: one builder per key across threads and processes, damaged entries never used."""

import multiprocessing
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .cache import BuildCache, cache_key, files_digest
from .toolchain import BuildLimits, BuildTimeout, Deadline


def slow_builder(log: Path, content: bytes = b"core archive", seconds: float = 0.15):
    """A builder that takes a while and notes each time it runs (in a file: processes share it)."""

    def build(scratch: Path) -> list[Path]:
        with log.open("a") as f:
            f.write("built\n")
        time.sleep(seconds)
        (scratch / "core.a").write_bytes(content)
        (scratch / "extra.o").write_bytes(b"object")
        return [scratch / "core.a", scratch / "extra.o"]

    return build


def fetch(root: Path, log: Path, target: Path) -> tuple[list[str], bool]:
    target.mkdir(parents=True, exist_ok=True)
    return BuildCache(root).fetch_or_build("core", "k1", slow_builder(log), target, Deadline())


def test_a_miss_builds_and_the_next_fetch_copies(tmp_path):
    log = tmp_path / "log"
    names, hit = fetch(tmp_path / "cache", log, tmp_path / "a")
    assert (names, hit) == (["core.a", "extra.o"], False)
    assert (tmp_path / "a" / "core.a").read_bytes() == b"core archive"
    names, hit = fetch(tmp_path / "cache", log, tmp_path / "b")
    assert (names, hit) == (["core.a", "extra.o"], True)
    assert (tmp_path / "b" / "extra.o").read_bytes() == b"object"
    assert log.read_text() == "built\n"
    assert list((tmp_path / "cache" / "tmp").iterdir()) == []  # nothing left behind


def test_concurrent_threads_build_once(tmp_path):
    log = tmp_path / "log"
    with ThreadPoolExecutor(6) as pool:
        outcomes = list(pool.map(lambda n: fetch(tmp_path / "cache", log, tmp_path / f"t{n}"), range(6)))
    assert log.read_text() == "built\n"
    assert sorted(hit for _, hit in outcomes) == [False] + [True] * 5
    assert all((tmp_path / f"t{n}" / "core.a").read_bytes() == b"core archive" for n in range(6))


def _fetch_in_process(root: str, log: str, target: str) -> None:
    fetch(Path(root), Path(log), Path(target))


def test_concurrent_processes_build_once(tmp_path):
    log = tmp_path / "log"
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_fetch_in_process, args=(str(tmp_path / "cache"), str(log), str(tmp_path / f"p{n}")))
        for n in range(4)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    assert log.read_text() == "built\n"
    assert all((tmp_path / f"p{n}" / "core.a").read_bytes() == b"core archive" for n in range(4))


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: (entry / "core.a").write_bytes(b"core arch"),  # truncated
        lambda entry: (entry / "core.a").write_bytes(b"core archivX"),  # flipped
        lambda entry: (entry / "extra.o").unlink(),
        lambda entry: (entry / "manifest.json").unlink(),
        lambda entry: (entry / "manifest.json").write_text('{"files": '),
    ],
    ids=["truncated", "changed", "file-missing", "manifest-missing", "manifest-partial"],
)
def test_a_damaged_entry_is_not_used_but_rebuilt(tmp_path, damage):
    log = tmp_path / "log"
    fetch(tmp_path / "cache", log, tmp_path / "a")
    [entry] = (tmp_path / "cache" / "core").iterdir()
    damage(entry)
    _, hit = fetch(tmp_path / "cache", log, tmp_path / "b")
    assert not hit and log.read_text() == "built\nbuilt\n"
    assert (tmp_path / "b" / "core.a").read_bytes() == b"core archive"
    assert fetch(tmp_path / "cache", log, tmp_path / "c")[1]  # and the rebuilt entry is whole again


def test_a_build_that_fails_stores_nothing(tmp_path):
    def failing(scratch: Path) -> list[Path]:
        (scratch / "core.a").write_bytes(b"half")
        raise RuntimeError("compiler crashed")

    cache = BuildCache(tmp_path / "cache")
    with pytest.raises(RuntimeError):
        cache.fetch_or_build("core", "k1", failing, tmp_path, Deadline())
    assert not (tmp_path / "cache" / "core" / "k1").exists()
    assert list((tmp_path / "cache" / "tmp").iterdir()) == []


def test_waiting_for_another_builder_respects_the_deadline(tmp_path):
    log = tmp_path / "log"
    cache = BuildCache(tmp_path / "cache")
    builder = threading.Thread(
        target=lambda: cache.fetch_or_build("core", "k1", slow_builder(log, seconds=1), tmp_path, Deadline())
    )
    builder.start()
    time.sleep(0.2)
    started = time.monotonic()
    with pytest.raises(BuildTimeout):
        cache.fetch_or_build("core", "k1", slow_builder(log), tmp_path, Deadline(BuildLimits(wall_seconds=0.3)))
    assert time.monotonic() - started < 1
    builder.join()


def test_keys_and_digests_follow_content(tmp_path):
    assert cache_key({"a": 1, "b": [2]}) == cache_key({"b": [2], "a": 1}) != cache_key({"a": 2, "b": [2]})
    (tmp_path / "x.h").write_text("one")
    first = files_digest([tmp_path / "x.h"], tmp_path)
    (tmp_path / "x.h").write_text("two")
    assert files_digest([tmp_path / "x.h"], tmp_path) != first


def test_a_product_that_links_elsewhere_is_refused(tmp_path):
    secret = tmp_path / "host-secret"
    secret.write_text("not for the cache")

    def linking(scratch: Path) -> list[Path]:
        (scratch / "core.a").symlink_to(secret)  # what a tool that escaped its directory's view might leave
        return [scratch / "core.a"]

    with pytest.raises(OSError, match=r"Too many levels of symbolic links|not a regular file"):
        BuildCache(tmp_path / "cache").fetch_or_build("core", "k1", linking, tmp_path, Deadline())
    assert not (tmp_path / "cache" / "core" / "k1").exists()
