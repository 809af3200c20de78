"""Forgetting one pseudonymous id: its conversation and callback requests go, nothing else."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from knowledge.__main__ import main
from omzien.db import engine_for
from omzien.forget import ForgetFailed, forget
from omzien.migrate import alembic_config, upgrade
from omzien.settings import get_settings
from telephony.pseudonym import pseudonym
from telephony.twilio.callbacks import CallbackRequest, request_callback

NUMBER = "+31612345678"
OTHER_NUMBER = "+31687654321"


def callback_rows(settings) -> list[tuple[str, str | None]]:
    """(person_id, conversation_id) of every stored callback request."""
    with Session(engine_for(settings.database_url), future=True) as session:
        rows = session.execute(select(CallbackRequest)).scalars()
        return sorted((row.person_id, row.conversation_id) for row in rows)


def phone_id(settings, number: str) -> str:
    return pseudonym(settings.pseudonym_secret, "phone", number)


def test_migration_adds_the_conversation_of_a_callback_request_and_goes_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'omzien.db'}"
    upgrade(url)
    columns = {c["name"] for c in inspect(engine_for(url)).get_columns("callback_requests")}
    assert "conversation_id" in columns
    command.downgrade(alembic_config(url), "0001")
    engine_for(url).dispose()
    columns = {c["name"] for c in inspect(engine_for(url)).get_columns("callback_requests")}
    assert "conversation_id" not in columns
    upgrade(url)


def test_forgetting_a_conversation_deletes_its_events_and_its_callback_request(settings, trackers):
    engine = engine_for(settings.database_url)
    trackers.talk("whatsapp-aaa", "ik voel me alleen", "TERUGBELLEN")
    trackers.talk("web-bbb", "ik wandel graag")
    request_callback(engine, settings, NUMBER, "whatsapp", conversation_id="whatsapp-aaa")
    request_callback(engine, settings, OTHER_NUMBER, "voice", conversation_id="voice-ccc")

    gone = forget(settings, "whatsapp-aaa")

    assert gone.callback_requests == 1 and gone.events == 4
    assert trackers.senders() == {"web-bbb"}
    other = phone_id(settings, OTHER_NUMBER)
    assert callback_rows(settings) == [(other, "voice-ccc")]
    assert forget(settings, "whatsapp-aaa").events == 0  # forgetting again is harmless


def test_forgetting_with_the_number_reaches_a_request_made_by_phone(settings, trackers):
    engine = engine_for(settings.database_url)
    trackers.talk("whatsapp-aaa", "hoi")
    request_callback(engine, settings, NUMBER, "voice", conversation_id="voice-ccc")
    gone = forget(settings, "whatsapp-aaa", number=NUMBER)
    assert gone.callback_requests == 1
    assert callback_rows(settings) == []


def test_a_request_without_a_conversation_is_found_by_its_person_id(settings):
    engine = engine_for(settings.database_url)
    request_callback(engine, settings, NUMBER, "voice")  # stored before migration 0002
    request_callback(engine, settings, OTHER_NUMBER, "voice")
    assert forget(settings, phone_id(settings, NUMBER)).callback_requests == 1
    assert [person for person, _ in callback_rows(settings)] == [phone_id(settings, OTHER_NUMBER)]


def test_a_tracker_store_that_was_never_used_is_nothing_to_forget(settings, tmp_path):
    never = tmp_path / "not-yet" / "tracker.db"
    unused = settings.copy(update={"tracker_url": f"sqlite:///{never}"})
    assert forget(unused, "web-abc").events == 0
    assert not never.parent.exists()  # and forgetting did not create it


def test_a_failing_database_raises_forget_failed(settings, tmp_path):
    # A folder: no database opens there.
    broken = settings.copy(update={"tracker_url": f"sqlite:///{tmp_path}"})
    with pytest.raises(ForgetFailed):
        forget(broken, "web-abc")


@pytest.fixture
def cli_environment(settings, monkeypatch):
    """The CLI's settings from the environment, as in production."""
    monkeypatch.setenv("OMZIEN_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("OMZIEN_TRACKER_URL", settings.tracker_url)
    monkeypatch.setenv("OMZIEN_PSEUDONYM_SECRET", settings.pseudonym_secret)
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


def test_cli_forgets_one_id_and_says_what_went(cli_environment, trackers, capsys):
    engine = engine_for(cli_environment.database_url)
    trackers.talk("voice-aaa", "ik wil teruggebeld worden")
    trackers.talk("voice-bbb", "hallo")
    request_callback(engine, cli_environment, NUMBER, "voice", conversation_id="voice-aaa")

    assert main(["forget", "voice-aaa"]) == 0

    out = capsys.readouterr().out
    assert "gebeurtenissen van het gesprek gewist: 2" in out
    assert "terugbelverzoeken gewist: 1" in out
    assert trackers.senders() == {"voice-bbb"}
    assert callback_rows(cli_environment) == []


def test_cli_exits_1_when_a_database_fails(cli_environment, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OMZIEN_TRACKER_URL", f"sqlite:///{tmp_path}")  # a folder, not a database
    get_settings.cache_clear()
    assert main(["forget", "web-abc"]) == 1
    assert "Niet alles is gewist" in capsys.readouterr().err
