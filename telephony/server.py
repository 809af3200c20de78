"""The gateway process's entry point: `uvicorn telephony.server:app` (no TensorFlow)."""

from __future__ import annotations

from omzien.without_tensorflow import keep_tensorflow_out

keep_tensorflow_out()

from telephony.app import app  # noqa: E402 - after keeping TensorFlow out

__all__ = ["app"]
