"""Integration tests talk to the real assistant: the `stack` fixture lives in tests/conftest.py."""

from __future__ import annotations

import uuid

import pytest


@pytest.fixture
def sender() -> str:
    """A fresh conversation."""
    return f"it-{uuid.uuid4().hex[:12]}"
