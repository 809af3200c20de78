"""Percentiles, per-channel summaries and layer ratios of the load benchmark (times in ms)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from bench.targets import VOICE_CALL, Sample

GATEWAY_CHANNELS = {"web", "whatsapp", "voice"}


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100), linear between the closest ranks; None without values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency(seconds: Iterable[float]) -> dict:
    """Count, p50, p95, p99 and mean in milliseconds."""
    ms = [s * 1000 for s in seconds]
    summary = {"count": len(ms)}
    for q in (50, 95, 99):
        value = percentile(ms, q)
        summary[f"p{q}"] = None if value is None else round(value, 1)
    summary["mean"] = round(sum(ms) / len(ms), 1) if ms else None
    return summary


def summarize(samples: list[Sample], elapsed_s: float, conversations: int) -> dict:
    """Turns per second, latency per channel and errors of one target at one level."""
    turns = [s for s in samples if s.channel != VOICE_CALL]
    channels = {}
    for channel in sorted({s.channel for s in samples}):
        mine = [s for s in samples if s.channel == channel]
        channels[channel] = {
            **latency(s.seconds for s in mine),
            "errors": sum(1 for s in mine if s.error),
        }
    if {s.channel for s in turns} & GATEWAY_CHANNELS:
        channels["all turns"] = {
            **latency(s.seconds for s in turns),
            "errors": sum(1 for s in turns if s.error),
        }
    return {
        "conversations": conversations,
        "turns": len(turns),
        "requests": len(samples),
        "seconds": round(elapsed_s, 2),
        "turns_per_s": round(len(turns) / elapsed_s, 1) if elapsed_s > 0 else None,
        "errors": sum(1 for s in samples if s.error),
        "error_kinds": dict(Counter(s.error for s in samples if s.error)),
        "channels": channels,
    }


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator rounded to 0.01; None when either is missing or zero."""
    if not numerator or not denominator:
        return None
    return round(numerator / denominator, 2)


def channel_figure(summary: dict | None, channel: str, figure: str) -> float | None:
    """One figure (p50, p95, ...) of one channel of a target's summary, if measured."""
    if not summary:
        return None
    return (summary["channels"].get(channel) or {}).get(figure)


def layer_ratios(level: dict) -> dict:
    """Each layer's cost at one concurrency: gateway / bare Rasa REST, REST / NLU parse."""
    gateway, rest, parse = level.get("gateway"), level.get("rasa_rest"), level.get("rasa_parse")
    ratios = {}
    for q in ("p50", "p95"):
        bare = channel_figure(rest, "rest", q)
        ratios[f"web_vs_rest_{q}"] = ratio(channel_figure(gateway, "web", q), bare)
        ratios[f"all_vs_rest_{q}"] = ratio(channel_figure(gateway, "all turns", q), bare)
        ratios[f"rest_vs_parse_{q}"] = ratio(bare, channel_figure(parse, "parse", q))
    return ratios
