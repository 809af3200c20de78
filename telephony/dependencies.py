"""Typed FastAPI dependencies: settings, the Rasa client and the database engine."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.engine import Engine

from omzien.db import engine_for
from omzien.settings import Settings
from telephony.rasa_client import RasaClient


def settings_dep(request: Request) -> Settings:
    """The settings the app was made with."""
    return request.app.state.settings


def rasa_dep(request: Request) -> RasaClient:
    """The Rasa client made at start-up."""
    return request.app.state.rasa


def engine_dep(settings: Annotated[Settings, Depends(settings_dep)]) -> Engine:
    """The application database."""
    return engine_for(settings.database_url)


SettingsDep = Annotated[Settings, Depends(settings_dep)]
RasaDep = Annotated[RasaClient, Depends(rasa_dep)]
EngineDep = Annotated[Engine, Depends(engine_dep)]
