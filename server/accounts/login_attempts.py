"""Throttle password guessing: after too many failures, refuse logins for a while.

Failures are counted in the shared cache per user name and per client address,
so several gunicorn processes see the same counts. The per-address limit is
higher than the per-name one: a classroom often shares one public address.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Lockout:
    retry_after: int  # seconds


def _keys(username: str, client_ip: str) -> list[str]:
    def key(kind: str, value: str) -> str:
        return f"login-fail:{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:32]

    return [key("user", username.strip().lower()), key("ip", client_ip)]


def current_lockout(username: str, client_ip: str) -> Lockout | None:
    """A Lockout if this user name or address failed too often recently."""
    now = time.time()
    user_key, ip_key = _keys(username, client_ip)
    limits = {user_key: settings.LOGIN_FAILURE_LIMIT, ip_key: settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS}
    for key, record in cache.get_many([user_key, ip_key]).items():
        failures = [t for t in record if t > now - settings.LOGIN_FAILURE_WINDOW_SECONDS]
        if len(failures) >= limits[key]:
            oldest = min(failures)
            return Lockout(retry_after=max(1, int(oldest + settings.LOGIN_FAILURE_WINDOW_SECONDS - now) + 1))
    return None


def record_failure(username: str, client_ip: str) -> None:
    now = time.time()
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    for key in _keys(username, client_ip):
        recent = [t for t in cache.get(key, []) if t > now - window]
        cache.set(key, [*recent[-settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS :], now], timeout=window)


def record_success(username: str, client_ip: str) -> None:
    cache.delete(_keys(username, client_ip)[0])  # the address keeps its history
