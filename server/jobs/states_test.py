import pytest

from jobs.states import TERMINAL, IllegalTransition, JobStatus, check_transition, sources_of


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("queued", "running"),
        ("queued", "cancelled"),
        ("queued", "failed"),
        ("running", "succeeded"),
        ("running", "failed"),
        ("running", "cancelled"),
    ],
)
def test_allowed_transitions(current, target):
    check_transition(current, target)


@pytest.mark.parametrize("terminal", sorted(TERMINAL))
@pytest.mark.parametrize("target", list(JobStatus))
def test_terminal_states_are_final(terminal, target):
    with pytest.raises(IllegalTransition, match=f"a {terminal} job cannot become {target}"):
        check_transition(terminal, target)


def test_cannot_succeed_without_running():
    with pytest.raises(IllegalTransition):
        check_transition("queued", "succeeded")


def test_sources_of_cancelled():
    assert sources_of(JobStatus.CANCELLED) == {JobStatus.QUEUED, JobStatus.RUNNING}
    assert sources_of(JobStatus.QUEUED) == frozenset()
