"""Drive one target at one concurrency: N workers, each playing whole conversations in turn."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Iterator
from typing import Protocol

from bench.conversations import Conversation, conversation_mix, long_conversation
from bench.stats import summarize
from bench.targets import Sample


class Target(Protocol):
    name: str

    async def play(self, conversation: Conversation, deadline: float) -> list[Sample]: ...


async def run_level(
    target: Target,
    concurrency: int,
    seconds: float,
    max_conversations: int | None = None,
    seed: int = 6,
) -> dict:
    """Run the conversation mix for `seconds` (or `max_conversations`); the summary.

    New conversations start until either bound is reached; when time is up a conversation
    stops after its current turn, so a level never runs much longer than `seconds`.
    """
    mix: Iterator[Conversation] = conversation_mix(seed)
    samples: list[Sample] = []
    started = 0
    start = time.monotonic()
    deadline = start + seconds

    async def worker() -> None:
        nonlocal started
        while time.monotonic() < deadline and (
            max_conversations is None or started < max_conversations
        ):
            started += 1
            samples.extend(await target.play(next(mix), deadline))

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return summarize(samples, time.monotonic() - start, started)


async def run_long(target: Target, turns: int, repeats: int, window: int = 2) -> dict:
    """One web conversation of `turns` turns, `repeats` times with new ids: early vs late turns.

    Turn 5 is the median over turns 5±window of every repeat, turn 100 likewise, which damps
    the noise of a shared machine.
    """
    script = long_conversation(turns)
    per_turn: dict[int, list[float]] = {}
    errors = 0
    for number in range(repeats):
        conversation = Conversation(number, "web", "long", script)
        for sample in await target.play(conversation, deadline=float("inf")):
            per_turn.setdefault(sample.turn, []).append(sample.seconds)
            errors += bool(sample.error)

    def around(turn: int) -> float | None:
        values = [s for t in range(turn - window, turn + window + 1) for s in per_turn.get(t, [])]
        return round(statistics.median(values) * 1000, 1) if values else None

    early, late = around(5), around(100)
    return {
        "target": target.name,
        "turns": turns,
        "repeats": repeats,
        "window": f"median of turns n-{window}..n+{window} over all repeats",
        "turn_5_ms": early,
        "turn_100_ms": late,
        "ratio_100_vs_5": round(late / early, 2) if early and late else None,
        "errors": errors,
    }
