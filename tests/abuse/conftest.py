"""Fixtures of the abuse tests: the Twilio bridge's fixtures, limits, and the fuzz counts."""

from __future__ import annotations

from omzien.settings import Settings
from tests.abuse import counts
from tests.twilio.conftest import fake_rasa, twilio, twilio_app, twilio_settings

__all__ = ["fake_rasa", "twilio", "twilio_app", "twilio_settings", "set_limits"]


def set_limits(settings: Settings, per_id: int = 0, per_ip: int = 0, pages: int = 0) -> None:
    """Rate limits per minute on an app's settings, which the limiter reads on every request."""
    settings.rate_limit_per_id_per_minute = per_id
    settings.rate_limit_per_ip_per_minute = per_ip
    settings.rate_limit_pages_per_ip_per_minute = pages


def pytest_terminal_summary(terminalreporter):
    """Print and keep the number of generated requests, when fuzz tests ran."""
    if counts.COUNTS["schemathesis_requests"] or counts.COUNTS["bad_inputs"]:
        terminalreporter.write_line(counts.summary())
        counts.write_report()
