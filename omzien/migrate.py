"""Schema migrations of the application database with Alembic (`omzien/migrations`)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from omzien.settings import ROOT

MIGRATIONS = ROOT / "omzien" / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic configuration for the database at `url` (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Passed as an attribute, not an option: configparser would choke on "%" in passwords.
    config.attributes["database_url"] = url
    return config


def upgrade(url: str) -> None:
    """Bring the database at `url` to the newest schema."""
    command.upgrade(alembic_config(url), "head")
