"""The scaled set-up on the machine's PostgreSQL and Redis: two Rasa replicas, two gateway
workers, one action server, started by `python -m scripts.run` with OMZIEN_PROFILE=scaled.

Skipped, with the reason printed (`-rs`), only when PostgreSQL or Redis does not answer.
"""

from __future__ import annotations

import shutil

import psutil
import pytest
import redis
from sqlalchemy import create_engine, text

from omzien.db import drop_database
from omzien.settings import LOCAL_POSTGRES
from tests.stack import ROOT, Stack

POSTGRES = LOCAL_POSTGRES
REDIS = "redis://127.0.0.1:6379/4"  # this test's own database number
DATABASES = ("omzien_test_scaled", "omzien_test_scaled_tracker")
GATEWAY_PORT = 8600
REPLICAS = ["http://127.0.0.1:5605", "http://127.0.0.1:5606"]


def services_answer() -> str | None:
    """Why the scaled tests cannot run here, or None when PostgreSQL and Redis both answer."""
    try:
        with create_engine(f"{POSTGRES}/postgres").connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any failure means it is not there
        return f"PostgreSQL on 127.0.0.1:5432 does not answer ({type(error).__name__})"
    try:
        redis.Redis.from_url(REDIS).ping()
    except redis.exceptions.RedisError as error:
        return f"Redis on 127.0.0.1:6379 does not answer ({type(error).__name__})"
    return None


def fresh_databases() -> None:
    """Drop this test's databases, so every run starts empty (the stack creates them)."""
    for name in DATABASES:
        drop_database(f"{POSTGRES}/{name}")
    redis.Redis.from_url(REDIS).flushdb()


@pytest.fixture(scope="package")
def scaled():
    """The running scaled set-up."""
    reason = services_answer()
    if reason:
        pytest.skip(f"scaled set-up not tested: {reason}")
    fresh_databases()
    workdir = ROOT / "var" / "test-scaled"  # kept after the run: stack.log tells what happened
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    stack = Stack(
        workdir,
        port=GATEWAY_PORT,
        profile="scaled",
        rasa_url=",".join(REPLICAS),
        database_url=f"{POSTGRES}/{DATABASES[0]}",
        tracker_url=f"{POSTGRES}/{DATABASES[1]}",
        redis_url=REDIS,
        twilio_auth_token="scaled-test-token",
        rate_limit_per_ip_per_minute="0",  # every test request comes from 127.0.0.1
    )
    stack.start(timeout=420)
    yield stack
    if stack.process and stack.process.poll() is None:
        stack.stop()


def replica_process(port: int) -> psutil.Process:
    """The Rasa server listening on `port`."""
    for process in psutil.process_iter(["cmdline"]):
        cmdline = process.info["cmdline"] or []
        port_given = "--port" in cmdline and cmdline[cmdline.index("--port") + 1] == str(port)
        if port_given and "rasa" in " ".join(cmdline):
            return process
    raise LookupError(f"no Rasa server on port {port}")
