"""The one settings object of Omzien, read from the environment (and `.env`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseSettings, root_validator

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

    gateway_host: str = "0.0.0.0"
    gateway_port: int = 8000
    max_message_chars: int = 2000

    pseudonym_secret: str | None = None

    class Config:
        env_prefix = "OMZIEN_"
        env_file = str(ROOT / ".env")

    @root_validator(skip_on_failure=True)
    def _secrets_required_outside_development(cls, values: dict) -> dict:  # noqa: N805
        secrets = ["pseudonym_secret"]
        missing = [name for name in secrets if not values.get(name)]
        if values["environment"] != "development" and missing:
            env_names = ", ".join(f"OMZIEN_{name.upper()}" for name in missing)
            raise ValueError(f"set {env_names} (no default outside development)")
        for name in missing:
            values[name] = DEV_SECRET
        return values

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
