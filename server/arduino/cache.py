"""The build cache: products that do not depend on the user's code (the core archive of a board, a library's
objects) built once and kept as plain files, so they survive restarts and are shared by every worker process.

Layout under the cache root:
    <kind>/<key>/            one entry: its files and `manifest.json` (each file's SHA-256, the key's material)
    locks/<kind>-<key>.lock  flock()ed while the entry is built: one builder per key, the others wait for it
    tmp/                     entries being built; renamed into place whole (atomic), so none is ever seen partial

A hit copies the entry's files into the build directory, checking each file against its digest as it goes: a
damaged entry is never used (it is removed and built again). The sandbox only ever sees the build directory, so
a build cannot write into the cache.
"""

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import stat
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from .toolchain import Deadline

MANIFEST = "manifest.json"
STALE_TMP_SECONDS = 3600  # a build in tmp/ older than this was left by a crashed process
LOCK_POLL_SECONDS = 0.02


def cache_key(material: dict) -> str:
    """The key of an entry: a digest of everything its content depends on."""
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()[:40]


def files_digest(paths: Iterable[Path], relative_to: Path | None = None) -> str:
    """A digest of files' names and contents (e.g. a library's sources), in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        name = path.relative_to(relative_to) if relative_to else path
        digest.update(f"{name}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class CacheEntryMissing(Exception):
    pass


class BuildCache:
    """A cache root (settings.ARDUINO_CACHE_DIR) shared by threads and processes alike."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.tmp = self.root / "tmp"
        self.locks = self.root / "locks"
        for directory in (self.tmp, self.locks):
            directory.mkdir(parents=True, exist_ok=True)

    def entry_dir(self, kind: str, key: str) -> Path:
        return self.root / kind / key

    def copy_into(self, kind: str, key: str, target: Path) -> list[str]:
        """Copy entry `kind/key`'s files into `target`, checked against their digests; their names, in the order
        the builder gave them. CacheEntryMissing if there is no intact entry (a damaged one is removed)."""
        entry = self.entry_dir(kind, key)
        try:
            manifest = json.loads((entry / MANIFEST).read_text())
            names = list(manifest["files"])
            for name in names:
                data = (entry / name).read_bytes()
                if hashlib.sha256(data).hexdigest() != manifest["files"][name]:
                    raise ValueError(f"{name} does not match its digest")
                (target / name).write_bytes(data)
        except FileNotFoundError as exc:
            if entry.exists():  # a manifest or file went missing: damaged
                self._discard(entry)
            raise CacheEntryMissing(f"{kind}/{key}") from exc
        except (ValueError, KeyError, TypeError, AttributeError) as exc:  # unreadable manifest, wrong digest
            self._discard(entry)
            raise CacheEntryMissing(f"{kind}/{key}: {exc}") from exc
        return names

    def fetch_or_build(
        self,
        kind: str,
        key: str,
        build: Callable[[Path], list[Path]],
        target: Path,
        deadline: Deadline,
        *,
        material: dict | None = None,
    ) -> tuple[list[str], bool]:
        """The entry's files copied into `target` (names, and whether it was a hit). On a miss `build(workdir)`
        makes the files in a scratch directory and returns their paths; only one thread or process builds a key
        at a time, the others wait for it (within the deadline) and then use its entry. Whatever `build`
        raises propagates, and nothing is stored."""
        with contextlib.suppress(CacheEntryMissing):
            return self.copy_into(kind, key, target), True
        with self._lock(kind, key, deadline):
            with contextlib.suppress(CacheEntryMissing):  # built by whoever held the lock before us
                return self.copy_into(kind, key, target), True
            self._store(kind, key, build, material)
        return self.copy_into(kind, key, target), False

    def _store(self, kind: str, key: str, build: Callable[[Path], list[Path]], material: dict | None) -> None:
        self._sweep_stale_tmp()
        staging = self.tmp / f"{kind}-{key}-{uuid.uuid4().hex}"
        scratch, entry = staging / "work", staging / "entry"
        scratch.mkdir(parents=True)
        entry.mkdir()
        try:
            products = build(scratch)
            files = {}
            for index, product in enumerate(products):
                name = f"{index:03d}-{product.name}" if product.name in files else product.name
                data = read_product(product)
                (entry / name).write_bytes(data)
                _fsync(entry / name)
                files[name] = hashlib.sha256(data).hexdigest()
            (entry / MANIFEST).write_text(json.dumps({"files": files, "material": material}, indent=1))
            _fsync(entry / MANIFEST)
            final = self.entry_dir(kind, key)
            final.parent.mkdir(parents=True, exist_ok=True)
            self._discard(final)  # a damaged entry we hold the lock for
            os.rename(entry, final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    @contextlib.contextmanager
    def _lock(self, kind: str, key: str, deadline: Deadline):
        with open(self.locks / f"{kind}-{key}.lock", "a+b") as handle:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    deadline.check()  # someone else is building it; wait, but not past the build's deadline
                    time.sleep(LOCK_POLL_SECONDS)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _discard(self, entry: Path) -> None:
        """Remove an entry, renaming it away first so no reader sees it half deleted."""
        if not entry.exists():
            return
        trash = self.tmp / f"discarded-{uuid.uuid4().hex}"
        with contextlib.suppress(FileNotFoundError):
            os.rename(entry, trash)
        shutil.rmtree(trash, ignore_errors=True)

    def _sweep_stale_tmp(self) -> None:
        cutoff = time.time() - STALE_TMP_SECONDS
        for path in self.tmp.iterdir():
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_mtime < cutoff:
                    shutil.rmtree(path, ignore_errors=True)


def read_product(path: Path, limit: int = 256 * 1024 * 1024) -> bytes:
    """The content of a file a sandboxed tool made: a regular file, never followed through a symbolic link (the
    sandbox's view of its directory is not the host's), at most `limit` bytes."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path.name} is larger than {limit} bytes")
    return data


def _fsync(path: Path) -> None:
    """An entry must survive a crash whole or not at all: its files are on disk before it is renamed into place."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
