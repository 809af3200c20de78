"""The one settings object of Omzien, read from the environment (and `.env`)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet
from pydantic import BaseSettings, root_validator, validator

ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "development-only-not-secret"


class Settings(BaseSettings):
    """Configuration of every Omzien process; secrets have no default outside development."""

    environment: str = "development"
    public_base_url: str = "http://localhost:8000"

    # Helplines. Defaults are the verified entries of knowledge/data/hulplijnen.json.
    human_line_name: str = "De Luisterlijn"
    human_line_number: str = "088 0767 000"
    human_line_url: str = "https://www.deluisterlijn.nl"
    crisis_number: str = "113"
    crisis_free_number: str = "0800-0113"
    crisis_chat_url: str = "https://www.113.nl"
    emergency_number: str = "112"
    nonacute_number: str = "0800-1205"

    # Internal services: Rasa and the action server listen on loopback only.
    rasa_url: str = "http://127.0.0.1:5005"
    action_server_url: str = "http://127.0.0.1:5055"
    rasa_timeout_s: float = 10.0
    database_url: str = f"sqlite:///{ROOT / 'var' / 'omzien.db'}"
    # Rasa's SQL tracker store: dialect and database (a file for SQLite).
    tracker_dialect: str = "sqlite"
    tracker_db: str = str(ROOT / "var" / "tracker.db")

    # Redis for what replicas share (Rasa's lock store, rate limits). Unset: in-process only.
    redis_url: str | None = None

    gateway_host: str = "0.0.0.0"
    gateway_port: int = 8000
    max_message_chars: int = 2000

    pseudonym_secret: str | None = None
    # Bearer tokens; an unset token keeps its API closed (401 for everyone).
    data_api_token: str | None = None
    coordinator_token: str | None = None

    # Twilio bridge (telephony/twilio): the phone line and WhatsApp.
    # Twilio's auth token: every webhook's X-Twilio-Signature is checked with it.
    twilio_auth_token: str | None = None
    twilio_voice: str = "Google.nl-NL-Standard-A"
    twilio_speech_timeout_s: int = 2  # silence after speech that ends a turn
    twilio_gather_timeout_s: int = 6  # silence before anything is said that counts as no answer
    twilio_dial_timeout_s: int = 30
    voice_bot_budget_s: float = 4.0  # a slower bot puts the caller through to the human line
    # What the bridge dials (E.164). Unset: the human line's and 113's free number as +31...
    human_line_dial_number: str | None = None
    crisis_dial_number: str | None = None
    # Fernet key(s), comma-separated, the first encrypts: callback numbers at rest.
    callback_encryption_key: str | None = None
    callback_retention_days: int = 14
    # Omzien's own numbers: shown on the landing page; the phone number is also the caller ID
    # of transfers when Twilio does not say which number was called.
    phone_line_number: str = ""
    whatsapp_number: str = ""

    # Web chat (widget and landing page, telephony/routers/site.py).
    # Origins of the pages that embed the widget ("https://host[:port]"); same-origin always works.
    cors_origins: list[str] = []
    # How to reach whoever answers privacy questions (e-mail or web address) on /privacy.
    privacy_contact: str = ""
    # Days a conversation is kept; the widget's notice and /privacy say so.
    conversation_retention_days: int = 30

    class Config:
        env_prefix = "OMZIEN_"
        env_file = str(ROOT / ".env")

    @root_validator(skip_on_failure=True)
    def _secrets_required_outside_development(cls, values: dict) -> dict:  # noqa: N805
        secrets = ["pseudonym_secret", "twilio_auth_token", "callback_encryption_key"]
        missing = [name for name in secrets if not values.get(name)]
        if values["environment"] != "development" and missing:
            env_names = ", ".join(f"OMZIEN_{name.upper()}" for name in missing)
            raise ValueError(f"set {env_names} (no default outside development)")
        for name in missing:
            values[name] = DEV_SECRET
        return values

    @validator("callback_encryption_key")
    def _fernet_keys(cls, value: str | None) -> str | None:  # noqa: N805
        if value and value != DEV_SECRET:
            for key in value.split(","):
                Fernet(key.strip())  # raises ValueError for a malformed key
        return value

    @validator("cors_origins", each_item=True)
    def _bare_origins(cls, value: str) -> str:  # noqa: N805
        # A browser sends "https://host[:port]"; a path or trailing slash would never match.
        if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", value):
            raise ValueError(f"{value!r} is not an origin like https://www.example.nl")
        return value

    @validator("conversation_retention_days")
    def _positive_days(cls, value: int) -> int:  # noqa: N805
        if value < 1:
            raise ValueError("conversation_retention_days must be at least 1")
        return value

    def helpline_placeholders(self) -> dict[str, str]:
        """The helpline facts that texts may use as {placeholders}."""
        names = [
            "human_line_name",
            "human_line_number",
            "human_line_url",
            "crisis_number",
            "crisis_free_number",
            "crisis_chat_url",
            "emergency_number",
            "nonacute_number",
        ]
        return {name: getattr(self, name) for name in names}


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
