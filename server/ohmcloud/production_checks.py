"""Refuse to run production on insecure settings (pure; no Django imports)."""

from collections.abc import Sequence

PLACEHOLDER_MARKERS = ("change-me", "changeme", "insecure", "secret-key", "example")
MIN_SECRET_KEY_LENGTH = 50


class InsecureConfiguration(Exception):
    """Raised with every problem found, one per line."""


def production_problems(*, secret_key: str | None, debug: bool, allowed_hosts: Sequence[str]) -> list[str]:
    """Return a human-readable list of what makes these settings unsafe for production."""
    problems = []
    if not secret_key:
        problems.append(
            "SECRET_KEY is not set (generate one: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )
    else:
        if len(secret_key) < MIN_SECRET_KEY_LENGTH:
            problems.append(f"SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters.")
        if any(marker in secret_key.lower() for marker in PLACEHOLDER_MARKERS):
            problems.append("SECRET_KEY still holds a placeholder value.")
        if len(set(secret_key)) < 5:
            problems.append("SECRET_KEY has fewer than 5 distinct characters.")
    if debug:
        problems.append("DEBUG is on; production must run with DEBUG unset or false.")
    if not allowed_hosts:
        problems.append("ALLOWED_HOSTS is empty; list the host names this site is served under.")
    if "*" in allowed_hosts:
        problems.append("ALLOWED_HOSTS contains '*'; list the host names explicitly.")
    return problems


def require_secure_production(**settings) -> None:
    """Raise InsecureConfiguration listing every problem, or return quietly."""
    problems = production_problems(**settings)
    if problems:
        listing = "\n".join(f"  - {p}" for p in problems)
        raise InsecureConfiguration(f"OHM_ENV=production refuses to start:\n{listing}")
