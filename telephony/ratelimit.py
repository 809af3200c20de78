"""Rate limits: a sliding-window counter per key, in this process or shared through Redis.

The window is one minute. The estimate is the classic sliding-window counter: this minute's
hits plus last minute's, weighted by how much of last minute still lies inside the window.
Every hit counts, also a refused one, so a flood stays refused while it goes on.

With Redis (OMZIEN_REDIS_URL) every gateway worker and replica shares the counts. When Redis
fails the limiter lets the request through and logs a warning: our store being down must never
keep a person from being answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from redis import asyncio as redis_asyncio
from redis.exceptions import RedisError

from omzien.settings import Settings
from telephony.pseudonym import pseudonym

log = logging.getLogger(__name__)
WINDOW_S = 60
REDIS_PREFIX = "omzien:ratelimit:"
REDIS_TIMEOUT_S = 0.25  # a slow store must not slow down every request
MAX_LOCAL_KEYS = 100_000  # an address-spraying flood must not grow memory without bound
WARN_EVERY_S = 60.0


@dataclass(frozen=True)
class Verdict:
    """Whether a hit is allowed, and how many seconds until it would be."""

    allowed: bool
    retry_after_s: int = 0


def _estimate(current: int, previous: int, now: float) -> float:
    elapsed = (now % WINDOW_S) / WINDOW_S
    return previous * (1 - elapsed) + current


def _verdict(current: int, previous: int, now: float, limit: int) -> Verdict:
    if _estimate(current, previous, now) <= limit:
        return Verdict(True)
    # Until this minute's hits alone fit, or at the latest when last minute has slid out.
    return Verdict(False, max(1, math.ceil(WINDOW_S - now % WINDOW_S)))


class LocalWindows:
    """Counts in this process only: one gateway worker."""

    def __init__(self, clock: Callable[[], float] = time.time):
        self.clock = clock
        self.counts: dict[str, tuple[int, int, int]] = {}  # key -> (minute, current, previous)

    async def hit(self, key: str, limit: int) -> Verdict:
        """Count one hit for `key`; allowed while the window's estimate stays within `limit`."""
        now = self.clock()
        minute = int(now // WINDOW_S)
        stored_minute, current, previous = self.counts.get(key, (minute, 0, 0))
        if stored_minute == minute - 1:
            current, previous = 0, current
        elif stored_minute != minute:
            current, previous = 0, 0
        current += 1
        if key not in self.counts and len(self.counts) >= MAX_LOCAL_KEYS:
            self._forget_before(minute - 1)
        self.counts[key] = (minute, current, previous)
        return _verdict(current, previous, now, limit)

    def _forget_before(self, minute: int) -> None:
        self.counts = {k: v for k, v in self.counts.items() if v[0] >= minute}
        if len(self.counts) >= MAX_LOCAL_KEYS:  # all recent: start over rather than grow
            self.counts.clear()

    async def close(self) -> None:
        """Nothing to release."""


class RedisWindows:
    """Counts in Redis, shared by every worker; fails open when Redis does not answer."""

    def __init__(
        self, url: str, prefix: str = REDIS_PREFIX, clock: Callable[[], float] = time.time
    ):
        self.url = url
        self.prefix = prefix
        self.clock = clock
        self._client: redis_asyncio.Redis | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._warned_at = -math.inf

    def _redis(self) -> redis_asyncio.Redis:
        # Connections belong to the event loop that made them; a new loop gets a new client.
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            self._client = redis_asyncio.from_url(
                self.url,
                socket_timeout=REDIS_TIMEOUT_S,
                socket_connect_timeout=REDIS_TIMEOUT_S,
            )
            self._loop = loop
        return self._client

    async def hit(self, key: str, limit: int) -> Verdict:
        """Count one hit for `key` atomically in Redis; allowed when Redis is down."""
        now = self.clock()
        minute = int(now // WINDOW_S)
        current_key = f"{self.prefix}{key}:{minute}"
        try:
            async with self._redis().pipeline(transaction=True) as pipe:
                pipe.incr(current_key)
                pipe.expire(current_key, 2 * WINDOW_S)
                pipe.get(f"{self.prefix}{key}:{minute - 1}")
                current, _, previous = await asyncio.wait_for(pipe.execute(), REDIS_TIMEOUT_S)
        except (RedisError, OSError, TimeoutError) as error:
            self._warn(error)
            return Verdict(True)
        return _verdict(int(current), int(previous or 0), now, limit)

    def _warn(self, error: Exception) -> None:
        now = time.monotonic()
        if now - self._warned_at >= WARN_EVERY_S:  # once a minute, not once per request
            self._warned_at = now
            reason = type(error).__name__
            log.warning("rate-limit store unavailable, letting requests through: %s", reason)

    async def close(self) -> None:
        """Close the connection pool, if this loop made one."""
        if self._client is not None:
            with contextlib.suppress(RedisError, OSError, RuntimeError):  # its loop is gone
                await self._client.close()
            self._client = None


Windows = LocalWindows | RedisWindows


class RateLimiter:
    """Per-person and per-address limits from settings; keys are HMACs, never ids or addresses."""

    def __init__(self, settings: Settings, windows: Windows):
        self.settings = settings
        self.windows = windows

    @classmethod
    def from_settings(cls, settings: Settings) -> RateLimiter:
        """Redis when OMZIEN_REDIS_URL is set, else this process's memory."""
        windows = RedisWindows(settings.redis_url) if settings.redis_url else LocalWindows()
        return cls(settings, windows)

    async def _hit(self, kind: str, value: str, limit: int) -> Verdict:
        if limit <= 0:  # 0 switches a limit off
            return Verdict(True)
        return await self.windows.hit(pseudonym(self.settings.pseudonym_secret, kind, value), limit)

    async def person(self, person_id: str) -> Verdict:
        """One hit for a pseudonymous person id (from telephony.pseudonym)."""
        return await self._hit("id", person_id, self.settings.rate_limit_per_id_per_minute)

    async def address(self, ip: str, generous: bool = False) -> Verdict:
        """One hit for a client address; pages and the widget get the generous limit."""
        if generous:
            return await self._hit("ip-page", ip, self.settings.rate_limit_pages_per_ip_per_minute)
        return await self._hit("ip", ip, self.settings.rate_limit_per_ip_per_minute)

    async def close(self) -> None:
        """Release the store's connections."""
        await self.windows.close()
