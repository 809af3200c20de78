"""Fixtures for forgetting: Rasa's own SQL tracker store in a temporary file, used by the app."""

from __future__ import annotations

import pytest

from tests.privacy.trackers import Trackers


@pytest.fixture
def trackers(tmp_path) -> Trackers:
    """An empty tracker store."""
    return Trackers(tmp_path / "tracker.db")


@pytest.fixture
def settings(settings, trackers):
    """The test settings (and so the `gateway` fixture) on that tracker store."""
    return settings.copy(update={"tracker_url": trackers.url})
