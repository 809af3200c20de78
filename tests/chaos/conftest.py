"""Fault tests stay out of a plain pytest run (`make chaos` runs them) and print their table."""

from __future__ import annotations

import pytest

from tests.chaos import report


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect tests marked chaos unless the -m expression names them (as `make chaos` does)."""
    if "chaos" in (config.getoption("markexpr") or ""):
        return
    chaos = [item for item in items if item.get_closest_marker("chaos")]
    if chaos:
        config.hook.pytest_deselected(items=chaos)
        items[:] = [item for item in items if not item.get_closest_marker("chaos")]


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """The chaos table, also written to var/chaos/report.json."""
    if not report.ROWS:
        return
    terminalreporter.section("chaos: fault x channel -> what the person got")
    for line in report.table(report.ROWS):
        terminalreporter.write_line(line)
    terminalreporter.write_line(f"written to {report.save(report.ROWS)}")
