"""The benchmark's gateway runs with rate limits that never refuse, as bench/processes.py sets."""

from __future__ import annotations

import pytest

from bench.processes import UNREACHABLE_LIMIT


@pytest.fixture
def settings(settings):
    """The shared settings, with the per-person and per-address limits out of reach."""
    return settings.copy(
        update={
            "rate_limit_per_id_per_minute": UNREACHABLE_LIMIT,
            "rate_limit_per_ip_per_minute": UNREACHABLE_LIMIT,
        }
    )
