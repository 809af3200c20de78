"""Callback requests: only with consent, encrypted at rest, listed with a token, kept 14 days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omzien.db import engine_for
from telephony.twilio.callbacks import (
    CallbackRequest,
    pending_callbacks,
    request_callback,
    utc_now,
)
from tests.twilio.helpers import CALLER

TOKEN = {"Authorization": "Bearer coordinator-token"}


def consent_question(twilio, caller: str = CALLER):
    failed = twilio.dial_result(twilio.answer(twilio.voice("/twilio/voice"), digits="0"), "busy")
    question = twilio.answer(failed, digits="2")
    assert question.gather.get("action").endswith("/twilio/voice/callback")
    return question


def stored_rows(settings) -> list[CallbackRequest]:
    with Session(engine_for(settings.database_url), future=True) as session:
        return list(session.execute(select(CallbackRequest)).scalars())


def test_the_callback_question_explains_what_is_kept_and_for_how_long(twilio):
    said = consent_question(twilio).spoken()
    assert "versleuteld" in said and "Na 14 dagen wissen we het" in said


def test_a_spoken_yes_stores_the_number_encrypted(twilio, twilio_settings):
    goodbye = twilio.answer(consent_question(twilio), speech="ja dat is goed")
    assert goodbye.hangs_up() and "bellen je zo snel mogelijk terug" in goodbye.spoken()
    [row] = stored_rows(twilio_settings)
    assert CALLER not in row.number_encrypted and CALLER[3:] not in row.number_encrypted
    assert CALLER not in row.person_id
    raw = Path(twilio_settings.database_url.removeprefix("sqlite:///")).read_bytes()
    assert CALLER.encode() not in raw and CALLER[1:].encode() not in raw
    assert row.expires_at - row.requested_at == dt.timedelta(days=14)


def test_a_keyed_yes_also_counts_and_a_second_request_refreshes_the_first(twilio, twilio_settings):
    twilio.answer(consent_question(twilio), digits="1")
    twilio.answer(consent_question(twilio), digits="1")
    assert len(stored_rows(twilio_settings)) == 1


def test_no_or_silence_stores_nothing(twilio, twilio_settings):
    declined = twilio.answer(consent_question(twilio), speech="nee")
    assert "bewaar je nummer niet" in declined.spoken()
    twilio.answer(consent_question(twilio))
    twilio.answer(consent_question(twilio), digits="2")
    assert stored_rows(twilio_settings) == []


def test_a_withheld_number_cannot_be_called_back(twilio, twilio_settings):
    question = consent_question(twilio)
    answer = twilio.voice(question.gather.get("action"), Digits="1", From="+266696687")
    assert "afgeschermd" in answer.spoken()
    assert stored_rows(twilio_settings) == []


def test_coordinators_list_requests_with_the_number_decrypted(twilio_app, twilio):
    twilio.answer(consent_question(twilio), digits="1")
    response = twilio_app.get("/api/callbacks", headers=TOKEN)
    assert response.status_code == 200
    [item] = response.json()
    assert item["number"] == CALLER and item["channel"] == "voice"


def test_the_list_needs_the_coordinator_token(twilio_app, twilio):
    twilio.answer(consent_question(twilio), digits="1")
    assert twilio_app.get("/api/callbacks").status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert twilio_app.get("/api/callbacks", headers=wrong).status_code == 401
    assert CALLER not in twilio_app.get("/api/callbacks", headers=wrong).text


def test_a_request_is_deleted_after_14_days(twilio_app, twilio_settings):
    engine = engine_for(twilio_settings.database_url)
    request_callback(
        engine, twilio_settings, "+31611111111", "voice", utc_now() - dt.timedelta(days=15)
    )
    request_callback(
        engine, twilio_settings, "+31622222222", "voice", utc_now() - dt.timedelta(days=13)
    )
    listed = twilio_app.get("/api/callbacks", headers=TOKEN).json()
    assert [item["number"] for item in listed] == ["+31622222222"]
    with Session(engine, future=True) as session:  # gone from the database, not only hidden
        assert session.execute(select(func.count()).select_from(CallbackRequest)).scalar() == 1


def test_a_coordinator_deletes_a_request_once_called_back(twilio_app, twilio):
    twilio.answer(consent_question(twilio), digits="1")
    [item] = twilio_app.get("/api/callbacks", headers=TOKEN).json()
    assert twilio_app.delete(f"/api/callbacks/{item['id']}", headers=TOKEN).status_code == 204
    assert twilio_app.get("/api/callbacks", headers=TOKEN).json() == []
    assert twilio_app.delete(f"/api/callbacks/{item['id']}", headers=TOKEN).status_code == 404
    assert twilio_app.delete(f"/api/callbacks/{item['id']}").status_code == 401


def test_keys_rotate_the_first_encrypts_every_key_decrypts(twilio_settings):
    engine = engine_for(twilio_settings.database_url)
    request_callback(engine, twilio_settings, CALLER, "whatsapp")
    old_key = twilio_settings.callback_encryption_key
    rotated = twilio_settings.copy(
        update={"callback_encryption_key": f"{Fernet.generate_key().decode()},{old_key}"}
    )
    assert [c.number for c in pending_callbacks(engine, rotated)] == [CALLER]
    lost = twilio_settings.copy(update={"callback_encryption_key": Fernet.generate_key().decode()})
    assert [c.number for c in pending_callbacks(engine, lost)] == [None]
