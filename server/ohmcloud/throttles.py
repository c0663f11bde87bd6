"""Rate limits for submitting work (simulations, builds): per user, and per client address for anonymous callers."""

from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


def submission_throttles(scope: str) -> list[type]:
    """Throttle classes using the rates `<scope>-anon` and `<scope>-user` from settings."""
    anon = type(f"{scope.title()}AnonThrottle", (AnonRateThrottle,), {"scope": f"{scope}-anon"})
    user = type(f"{scope.title()}UserThrottle", (UserRateThrottle,), {"scope": f"{scope}-user"})
    return [anon, user]
