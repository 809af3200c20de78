"""Omzien's custom actions, one module per concern; rasa_sdk registers every Action subclass."""

from bot.actions import (  # noqa: F401
    activities,
    conversation,
    help_other,
    loneliness,
    recommend,
    safety,
    self_check,
)
