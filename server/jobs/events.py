"""Wake long-polling readers when a job changes, without busy loops.

With Redis (JOB_EVENTS_URL) a change is published on a per-job channel and
waiters block on it. Without it (embedded mode), waiters re-read the row every
10 ms for the first second (most simulations end by then; one indexed read is
~0.1 ms), then back off to 1 s.
"""

import logging
import time
from collections.abc import Callable
from functools import cache

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

CHANNEL_PREFIX = "ohmcloud:job:"


@cache
def _redis() -> redis.Redis | None:
    url = settings.JOB_EVENTS_URL
    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=2) if url else None


def announce_change(job_id: str) -> None:
    """Tell waiters that job `job_id` changed; best effort, never raises."""
    client = _redis()
    if client is None:
        return
    try:
        client.publish(CHANNEL_PREFIX + job_id, b"changed")
    except redis.RedisError:
        logger.warning("could not announce change of job %s", job_id, exc_info=True)


def wait_until(job_id: str, is_done: Callable[[], bool], timeout: float) -> bool:
    """Block until is_done() is true or `timeout` seconds pass; return is_done()."""
    deadline = time.monotonic() + timeout
    client = _redis()
    if client is not None:
        try:
            return _wait_on_channel(client, job_id, is_done, deadline)
        except redis.RedisError:
            logger.warning("job events unavailable, falling back to polling", exc_info=True)
    return _wait_with_backoff(is_done, deadline)


def _wait_on_channel(client: redis.Redis, job_id: str, is_done: Callable[[], bool], deadline: float) -> bool:
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    try:
        pubsub.subscribe(CHANNEL_PREFIX + job_id)
        while True:  # subscribed before checking, so no change can slip between
            if is_done():
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            pubsub.get_message(timeout=min(remaining, 5.0))
    finally:
        pubsub.close()


def _wait_with_backoff(is_done: Callable[[], bool], deadline: float) -> bool:
    fast_until = time.monotonic() + 1.0
    delay = 0.01
    while not is_done():
        now = time.monotonic()
        if now >= deadline:
            return False
        if now >= fast_until:
            delay = min(delay * 1.5, 1.0)
        time.sleep(min(delay, deadline - now))
    return True
