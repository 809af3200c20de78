"""Settings: no secret defaults outside development; helpline defaults are the verified ones."""

from __future__ import annotations

import json

import pytest
from cryptography.fernet import Fernet
from pydantic import ValidationError

from knowledge.paths import DATA
from omzien.settings import DEV_SECRET, Settings


def test_production_without_secrets_refuses_to_start(monkeypatch):
    monkeypatch.delenv("OMZIEN_PSEUDONYM_SECRET", raising=False)
    with pytest.raises(ValidationError, match="OMZIEN_PSEUDONYM_SECRET"):
        Settings(_env_file=None, environment="production")


def test_production_with_secrets_starts():
    settings = Settings(
        _env_file=None,
        environment="production",
        pseudonym_secret="s3cret",
        twilio_auth_token="twilio-s3cret",
        callback_encryption_key=Fernet.generate_key().decode(),
    )
    assert settings.pseudonym_secret == "s3cret"


def test_development_gets_a_marked_development_secret(monkeypatch):
    monkeypatch.delenv("OMZIEN_PSEUDONYM_SECRET", raising=False)
    assert Settings(_env_file=None).pseudonym_secret == DEV_SECRET


def test_helpline_defaults_are_verified_entries_of_the_data():
    lines = json.loads((DATA / "hulplijnen.json").read_text(encoding="utf-8"))["hulplijnen"]
    verified = {line["name"]: line for line in lines if line.get("verified") is True}
    settings = Settings(_env_file=None)
    assert [settings.crisis_number, settings.crisis_free_number] == verified[
        "113 Zelfmoordpreventie"
    ]["phone"]
    assert settings.human_line_number == verified["De Luisterlijn"]["phone"]
    assert settings.human_line_url == verified["De Luisterlijn"]["website"]
    meldnummer = "Landelijk Meldnummer Zorgwekkend gedrag (niet-acuut)"
    assert settings.nonacute_number == verified[meldnummer]["phone"]


def test_the_scaled_profile_moves_every_store_to_postgresql_and_redis():
    settings = Settings(_env_file=None, profile="scaled")
    assert settings.database_url.startswith("postgresql")
    assert settings.tracker_url.startswith("postgresql")
    assert settings.redis_url.startswith("redis://")
    assert len(settings.rasa_urls) == 2
    assert settings.gateway_workers == 2


def test_the_embedded_profile_needs_no_server():
    settings = Settings(_env_file=None)
    assert settings.database_url.startswith("sqlite")
    assert settings.tracker_url.startswith("sqlite")
    assert settings.redis_url is None
    assert settings.rasa_urls == ["http://127.0.0.1:5005"]


def test_a_setting_given_explicitly_wins_over_the_profile(monkeypatch):
    monkeypatch.setenv("OMZIEN_PROFILE", "scaled")
    monkeypatch.setenv("OMZIEN_GATEWAY_WORKERS", "4")
    settings = Settings(_env_file=None, rasa_url="http://127.0.0.1:7000/")
    assert settings.gateway_workers == 4
    assert settings.rasa_urls == ["http://127.0.0.1:7000"]
    assert settings.tracker_url.startswith("postgresql")


def test_an_unknown_profile_is_refused():
    with pytest.raises(ValidationError, match="profile"):
        Settings(_env_file=None, profile="huge")
