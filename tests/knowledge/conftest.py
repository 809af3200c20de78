"""Databases for the initiative store: SQLite files and a fresh PostgreSQL database."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

POSTGRES_ADMIN = "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"


@pytest.fixture
def postgres_url():
    """A new, empty PostgreSQL database on this machine, dropped afterwards."""
    admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT", future=True)
    name = f"omzien_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - any connection failure means "not reachable"
        admin.dispose()
        pytest.skip(f"no PostgreSQL reachable at 127.0.0.1:5432 ({type(error).__name__})")
    yield f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"
    from omzien.db import engine_for

    engine_for(f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}").dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_database_url(request, tmp_path):
    """An empty database: a SQLite file, then the machine's PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    return request.getfixturevalue("postgres_url")
