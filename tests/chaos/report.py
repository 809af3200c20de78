"""The chaos table: fault x channel -> what the person got and how fast, printed and saved."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.model import ROOT
from tests.chaos.channels import Outcome

REPORT = ROOT / "var" / "chaos" / "report.json"
ROWS: list[Outcome] = []  # filled by the fault tests, in the order they ran
COLUMNS = ("fault", "channel", "what the person got", "HTTP", "ms", "verdict")


def record(outcomes: list[Outcome]) -> None:
    """Add rows to the table."""
    ROWS.extend(outcomes)


def table(rows: list[Outcome]) -> list[str]:
    """The rows as aligned text lines, with a header."""
    cells = [COLUMNS] + [
        (r.fault, r.channel, r.got, str(r.status), str(r.ms), "ok" if r.ok else "FAILED")
        for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def save(rows: list[Outcome], path: Path = REPORT) -> Path:
    """Write the rows as JSON; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([r.as_row() for r in rows], ensure_ascii=False, indent=2) + "\n")
    return path
