"""The job state machine (pure): queued -> running -> succeeded | failed | cancelled."""

from enum import StrEnum


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL


TERMINAL = frozenset({JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED})

ALLOWED = {
    # queued -> failed: the broker refused the message, or the job expired unstarted.
    JobStatus.QUEUED: frozenset({JobStatus.RUNNING, JobStatus.CANCELLED, JobStatus.FAILED}),
    JobStatus.RUNNING: frozenset({JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED}),
    JobStatus.SUCCEEDED: frozenset(),
    JobStatus.FAILED: frozenset(),
    JobStatus.CANCELLED: frozenset(),
}


class IllegalTransition(Exception):
    def __init__(self, current: str, target: str):
        super().__init__(f"a {current} job cannot become {target}")
        self.current = JobStatus(current)
        self.target = JobStatus(target)


def sources_of(target: JobStatus) -> frozenset[JobStatus]:
    """The states from which `target` may be entered."""
    return frozenset(state for state, targets in ALLOWED.items() if target in targets)


def check_transition(current: str, target: str) -> None:
    """Raise IllegalTransition unless current -> target is allowed."""
    if JobStatus(target) not in ALLOWED[JobStatus(current)]:
        raise IllegalTransition(current, target)
