"""How many generated requests the fuzz tests sent, for the summary and var/schemathesis.json."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "var" / "schemathesis.json"
COUNTS = {"schemathesis_requests": 0, "bad_inputs": 0, "server_errors": 0}


def record(kind: str, status: int) -> None:
    """Count one generated request of `kind` and whether it got a 5xx."""
    COUNTS[kind] += 1
    if status >= 500:
        COUNTS["server_errors"] += 1


def summary() -> str:
    """One line for the terminal."""
    return (
        f"abuse fuzzing: {COUNTS['schemathesis_requests']} schemathesis requests, "
        f"{COUNTS['bad_inputs']} bad inputs, {COUNTS['server_errors']} answered with a 5xx"
    )


def write_report() -> None:
    """var/schemathesis.json with the counts of this run."""
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(COUNTS, indent=2) + "\n")
