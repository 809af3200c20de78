"""Fixtures for forgetting: the app on the `trackers` store (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def settings(settings, trackers):
    """The test settings (and so the `gateway` fixture) on that tracker store."""
    return settings.copy(update={"tracker_url": trackers.url})
