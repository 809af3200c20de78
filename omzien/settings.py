"""The one settings object of Omzien, read from the environment (and `.env`)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet
from pydantic import BaseSettings, root_validator, validator

ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "development-only-not-secret"


LOCAL_POSTGRES = "postgresql+psycopg2://postgres@127.0.0.1:5432"
# What the scaled profile changes; everything else keeps its embedded default.
PROFILES: dict[str, dict[str, object]] = {
    "embedded": {},
    "scaled": {
        "database_url": f"{LOCAL_POSTGRES}/omzien",
        "tracker_url": f"{LOCAL_POSTGRES}/omzien_tracker",
        "redis_url": "redis://127.0.0.1:6379/0",
        "rasa_url": "http://127.0.0.1:5005,http://127.0.0.1:5006",
        "gateway_workers": 2,
    },
}


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

    # "embedded" (SQLite, in-process stores, one of each process) or "scaled" (PostgreSQL,
    # Redis, two Rasa replicas, two gateway workers); settings given explicitly still win.
    profile: str = "embedded"

    # Internal services: Rasa and the action server listen on loopback only. Several Rasa
    # replicas: comma-separated URLs; the gateway sends turns round-robin and skips a dead one.
    rasa_url: str = "http://127.0.0.1:5005"
    action_server_url: str = "http://127.0.0.1:5055"
    rasa_timeout_s: float = 10.0
    database_url: str = f"sqlite:///{ROOT / 'var' / 'omzien.db'}"
    # Rasa's SQL tracker store (SQLAlchemy URL).
    tracker_url: str = f"sqlite:///{ROOT / 'var' / 'tracker.db'}"
    # A conversation session longer than this many events starts a new session that carries
    # its slots over, so a turn's cost stays bounded however long someone talks.
    tracker_max_session_events: int = 150
    # Seconds a Rasa replica may hold a conversation's lock; a killed replica's lock frees then.
    rasa_lock_lifetime_s: int = 15
    gateway_workers: int = 1

    # Redis for what replicas share (Rasa's lock store, rate limits). Unset: in-process only.
    redis_url: str | None = None

    gateway_host: str = "0.0.0.0"
    gateway_port: int = 8000
    max_message_chars: int = 2000
    # Abuse resistance (telephony/ratelimit.py, telephony/guard.py); a limit of 0 is off.
    rate_limit_per_id_per_minute: int = 30  # turns per person (web sender, WhatsApp, caller)
    rate_limit_per_ip_per_minute: int = 300  # API and webhook requests per client address
    rate_limit_pages_per_ip_per_minute: int = 1200  # pages, widget.js, its config, /health
    max_body_bytes: int = 65536  # larger request bodies get 413 before they are parsed
    # Proxies in front of the gateway (addresses or networks) whose X-Forwarded-For is believed.
    trusted_proxies: list[str] = []
    # Origins that may show the landing and privacy pages in a frame (CSP frame-ancestors).
    frame_ancestors: list[str] = []

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
    # Web chat and WhatsApp: a slower bot turn gets the apology with the human line and 113.
    # Under Twilio's 15 s webhook timeout, and a wall-clock limit where httpx's is per phase.
    chat_bot_budget_s: float = 8.0
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

    @root_validator(pre=True)
    def _profile_defaults(cls, values: dict) -> dict:  # noqa: N805
        profile = values.get("profile", "embedded")
        if profile not in PROFILES:
            raise ValueError(f"profile must be one of {', '.join(PROFILES)}")
        for name, value in PROFILES[profile].items():
            values.setdefault(name, value)
        return values

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

    @validator("cors_origins", "frame_ancestors", each_item=True)
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

    @property
    def rasa_urls(self) -> list[str]:
        """Every Rasa replica's URL, without a trailing slash."""
        return [url.strip().rstrip("/") for url in self.rasa_url.split(",") if url.strip()]

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
