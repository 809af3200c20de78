"""A callback is confirmed only once it is committed; a failed write gets the human line instead."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from omzien.db import engine_for
from telephony.twilio.callbacks import CallbackNotSaved, request_callback, utc_now
from telephony.twilio.numbers import human_line_dial
from tests.chaos.channels import complete_apology
from tests.twilio.helpers import CALLER
from tests.twilio.test_callbacks import consent_question, stored_rows

PROMISE = "bellen je zo snel mogelijk terug"


def refuse_commit(connection) -> None:
    raise OperationalError("COMMIT", {}, Exception("server closed the connection"))


@contextlib.contextmanager
def commits_failing(settings):
    """Every COMMIT on the application database fails, as when the server dies mid-write."""
    engine = engine_for(settings.database_url)
    event.listen(engine, "commit", refuse_commit)
    try:
        yield engine
    finally:
        event.remove(engine, "commit", refuse_commit)


@pytest.fixture
def failing_commit(twilio_settings):
    """Commits fail for the whole test."""
    with commits_failing(twilio_settings):
        yield


def test_a_failing_commit_raises_and_leaves_the_table_as_it_was(twilio_settings):
    engine = engine_for(twilio_settings.database_url)
    long_ago = utc_now() - dt.timedelta(days=60)
    request_callback(engine, twilio_settings, "+31611111111", "voice", now=long_ago)

    with commits_failing(twilio_settings), pytest.raises(CallbackNotSaved):
        request_callback(engine, twilio_settings, CALLER, "whatsapp")
    # One transaction: the purge of the expired request was rolled back with the new one.
    [row] = stored_rows(twilio_settings)
    assert row.requested_at == long_ago


def test_terugbellen_on_whatsapp_is_not_confirmed_when_the_commit_fails(
    twilio, twilio_settings, failing_commit
):
    [message] = twilio.whatsapp("TERUGBELLEN").messages()
    assert PROMISE not in message
    assert complete_apology(twilio_settings, message)  # the human line, 113, 0800-0113, 112
    assert stored_rows(twilio_settings) == []


def test_a_phone_callback_is_not_promised_when_the_commit_fails_the_caller_is_put_through(
    twilio, twilio_settings, failing_commit
):
    answer = twilio.answer(consent_question(twilio), digits="1")
    assert PROMISE not in answer.spoken() and not answer.hangs_up()
    assert answer.dialled() == human_line_dial(twilio_settings)
    assert "nummer te bewaren" in answer.spoken()
    assert stored_rows(twilio_settings) == []


def test_after_the_database_recovers_the_same_request_is_stored_and_confirmed(
    twilio, twilio_settings
):
    with commits_failing(twilio_settings):
        refused = twilio.whatsapp("TERUGBELLEN").messages()[0]
    confirmed = twilio.whatsapp("TERUGBELLEN").messages()[0]
    assert PROMISE not in refused and PROMISE in confirmed
    assert len(stored_rows(twilio_settings)) == 1
