"""The registry of job kinds: what a kind runs, how its input is checked, its time limit."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class JobContext:
    """What a running job may know and ask."""

    job_id: str
    input: dict
    time_limit: float
    is_cancelled: Callable[[], bool]


@dataclass(frozen=True)
class JobOutcome:
    """What a job kind returns: a result document (stored in the result store) and diagnostics."""

    succeeded: bool
    result: dict[str, Any] | None = None
    diagnostics: list[dict] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class JobKind:
    name: str
    execute: Callable[[JobContext], JobOutcome]
    time_limit: float  # seconds of work; the task is stopped beyond it
    # Kinds offered through the generic POST /api/jobs (trial kinds); the real
    # ones have their own endpoints (/api/simulations, /api/arduino/builds).
    generic_api: bool = False
    input_serializer: type | None = None

    @property
    def soft_time_limit(self) -> float:
        """When Celery interrupts the task (the task then kills its processes)."""
        return self.time_limit + 2

    @property
    def hard_time_limit(self) -> float:
        """When Celery kills the worker child outright: the last resort."""
        return self.time_limit + 10


_registry: dict[str, JobKind] = {}


class UnknownJobKind(KeyError):
    pass


def register(kind: JobKind) -> JobKind:
    if kind.name in _registry and _registry[kind.name] != kind:
        raise ValueError(f"job kind {kind.name!r} is registered twice")
    _registry[kind.name] = kind
    return kind


def get_kind(name: str) -> JobKind:
    try:
        return _registry[name]
    except KeyError:
        raise UnknownJobKind(name) from None
