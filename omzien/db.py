"""The application database (SQLAlchemy, 2.0 style): SQLite under var/ by default."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import declarative_base
from sqlalchemy.pool import QueuePool

Base = declarative_base()


@lru_cache
def engine_for(url: str) -> Engine:
    """One engine per database URL; the SQLite file's folder is made when missing."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    options: dict = {"future": True, "pool_pre_ping": True}
    if url.startswith("sqlite:///"):
        # SQLAlchemy 1.4 opens a new SQLite connection per session; a pool keeps them open.
        options.update(poolclass=QueuePool, connect_args={"check_same_thread": False})
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    # SQLite ignores ON DELETE CASCADE unless asked, and WAL lets readers run during a write.
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def ensure_database(url: str) -> None:
    """Create the database of `url` when it does not exist (PostgreSQL), or its folder (SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return
    if parsed.get_backend_name() != "postgresql":
        return
    server = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": parsed.database}
            ).first()
            if not exists:
                # A database name cannot be a bound parameter; quote it as an identifier.
                quoted = server.dialect.identifier_preparer.quote(parsed.database)
                connection.execute(text(f"CREATE DATABASE {quoted}"))
    finally:
        server.dispose()


def drop_database(url: str) -> None:
    """Drop the PostgreSQL database of `url` if it exists (benchmarks and tests start empty)."""
    parsed = make_url(url)
    server = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            quoted = server.dialect.identifier_preparer.quote(parsed.database)
            connection.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
    finally:
        server.dispose()


def is_up(engine: Engine) -> bool:
    """True when the database answers a trivial query."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "down" for the health check
        return False
