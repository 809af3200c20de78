"""Benchmark: cost of the crisis safety net per message (it runs on every message).

Run: .venv/bin/python -m bench.safety_net
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from bot.nlu.safety import crisis_match

CASES = Path(__file__).resolve().parents[1] / "tests" / "data" / "crisis_cases.yml"


def main(rounds: int = 20) -> None:
    """Print the mean time per message over the evaluation set."""
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    messages = cases["crisis"] + cases["not_crisis"]
    start = time.perf_counter()
    for _ in range(rounds):
        for text in messages:
            crisis_match(text)
    elapsed = time.perf_counter() - start
    per_message_us = elapsed / (rounds * len(messages)) * 1e6
    print(f"safety net: {len(messages)} messages x {rounds}: {per_message_us:.1f} µs per message")


if __name__ == "__main__":
    main()
