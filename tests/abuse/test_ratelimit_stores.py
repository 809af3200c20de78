"""The limiter's stores: in this process and in Redis (shared), sliding window, fail open."""

from __future__ import annotations

import asyncio
import logging
import uuid

import pytest
import redis

from omzien.settings import Settings
from telephony.ratelimit import LocalWindows, RateLimiter, RedisWindows

REDIS_URL = "redis://127.0.0.1:6379/13"  # this test's own database number and key prefix


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 6000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def hits(windows, key: str, limit: int, times: int) -> list[bool]:
    async def run() -> list[bool]:
        return [(await windows.hit(key, limit)).allowed for _ in range(times)]

    return asyncio.run(run())


@pytest.fixture
def redis_prefix():
    """A unique key prefix in db 13, deleted afterwards; skipped (with the reason) without Redis."""
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        print(f"SKIP REASON: Redis at {REDIS_URL} does not answer ({error})")
        pytest.skip(f"Redis at {REDIS_URL} does not answer: {error}")
    prefix = f"omzien-test-{uuid.uuid4().hex}:"
    yield prefix
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)
    client.close()


def test_local_window_allows_the_limit_then_refuses():
    windows = LocalWindows(Clock())
    assert hits(windows, "a", 3, 5) == [True, True, True, False, False]
    assert hits(windows, "b", 3, 1) == [True], "another key has its own count"


def test_local_window_slides_instead_of_resetting_at_the_minute():
    clock = Clock(6000.0)  # the start of a minute
    windows = LocalWindows(clock)
    assert all(hits(windows, "a", 4, 4))
    clock.now += 60 + 15  # a quarter into the next minute: 3/4 of the last 4 hits still count
    assert hits(windows, "a", 4, 2) == [True, False]
    clock.now += 120  # two minutes later: nothing of either minute is left
    assert hits(windows, "a", 4, 4) == [True] * 4


def test_a_refusal_says_when_to_try_again():
    clock = Clock(6000.0 + 20)
    windows = LocalWindows(clock)
    hits(windows, "a", 1, 1)
    verdict = asyncio.run(windows.hit("a", 1))
    assert not verdict.allowed and verdict.retry_after_s == 40


def test_the_limiter_keys_are_hmacs_not_ids_or_addresses():
    windows = LocalWindows(Clock())
    limiter = RateLimiter(Settings(pseudonym_secret="s", rate_limit_per_ip_per_minute=5), windows)
    asyncio.run(limiter.address("203.0.113.9"))
    (key,) = windows.counts
    assert "203.0.113.9" not in key and key.startswith("ip-")


def test_a_limit_of_zero_is_off():
    limiter = RateLimiter(Settings(rate_limit_per_id_per_minute=0), LocalWindows(Clock()))

    async def many() -> bool:
        return all([(await limiter.person("web-x")).allowed for _ in range(500)])

    assert asyncio.run(many())


def test_redis_window_counts_and_refuses(redis_prefix):
    windows = RedisWindows(REDIS_URL, prefix=redis_prefix, clock=Clock())
    assert hits(windows, "a", 3, 5) == [True, True, True, False, False]
    assert hits(windows, "b", 3, 1) == [True]


def test_two_workers_share_the_count_through_redis(redis_prefix):
    clock = Clock()
    worker_1 = RedisWindows(REDIS_URL, prefix=redis_prefix, clock=clock)
    worker_2 = RedisWindows(REDIS_URL, prefix=redis_prefix, clock=clock)
    assert hits(worker_1, "a", 4, 3) == [True] * 3
    assert hits(worker_2, "a", 4, 2) == [True, False], "worker 2 sees worker 1's hits"


def test_redis_keys_expire(redis_prefix):
    windows = RedisWindows(REDIS_URL, prefix=redis_prefix, clock=Clock())
    hits(windows, "a", 3, 1)
    client = redis.Redis.from_url(REDIS_URL)
    (key,) = list(client.scan_iter(f"{redis_prefix}*"))
    assert 0 < client.ttl(key) <= 120


def test_redis_down_lets_people_through_and_warns(caplog):
    windows = RedisWindows("redis://127.0.0.1:1/0", clock=Clock())  # nothing listens on port 1
    with caplog.at_level(logging.WARNING, "telephony.ratelimit"):
        assert hits(windows, "a", 1, 5) == [True] * 5
    warnings = [r for r in caplog.records if "rate-limit store unavailable" in r.getMessage()]
    assert len(warnings) == 1, "one warning, not one per request"


def test_settings_choose_redis_when_a_url_is_set():
    assert isinstance(
        RateLimiter.from_settings(Settings(redis_url=REDIS_URL)).windows, RedisWindows
    )
    assert isinstance(RateLimiter.from_settings(Settings(redis_url=None)).windows, LocalWindows)
