"""Shared fixtures: settings on a temporary database, and a stand-in for Rasa's HTTP API."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable

import httpx
import pytest
from fastapi.testclient import TestClient

from omzien.db import engine_for
from omzien.migrate import upgrade
from omzien.settings import Settings, get_settings
from telephony.app import create_app
from tests.privacy.trackers import Trackers
from tests.stack import Stack

RasaHandler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory) -> str:
    """A migrated SQLite database with places, national initiatives and example data, once."""
    from knowledge.store.seed import seed

    path = tmp_path_factory.mktemp("seeded") / "omzien.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    seed(engine_for(url))
    engine_for(url).dispose()  # checkpoints the write-ahead log into the file
    return str(path)


@pytest.fixture
def database_url(seeded_database, tmp_path) -> str:
    """A private copy of the seeded database for one test."""
    path = tmp_path / "omzien.db"
    shutil.copyfile(seeded_database, path)
    return f"sqlite:///{path}"


@pytest.fixture
def settings(database_url, monkeypatch):
    """Development settings on a private seeded database, which actions use too."""
    monkeypatch.setenv("OMZIEN_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield Settings(
        database_url=database_url,
        max_message_chars=500,
        pseudonym_secret="test-secret",
        data_api_token="data-token",
        coordinator_token="coordinator-token",
    )
    get_settings.cache_clear()


@pytest.fixture
def trackers(tmp_path) -> Trackers:
    """An empty tracker store of Rasa's own making, in a temporary file."""
    return Trackers(tmp_path / "tracker.db")


@pytest.fixture
def rasa_replies():
    """The fake Rasa's behaviour: a list of REST messages, or an exception to raise."""
    return {
        "messages": [{"recipient_id": "x", "text": "Hoi!"}],
        "error": None,
        "status": 200,
        "seen": [],
    }


@pytest.fixture
def gateway(settings, rasa_replies):
    """The gateway app with Rasa and the action server replaced by an httpx mock transport."""

    def handler(request: httpx.Request) -> httpx.Response:
        if rasa_replies["error"] is not None:
            raise rasa_replies["error"]
        if request.url.path == "/webhooks/rest/webhook":
            rasa_replies["seen"].append(json.loads(request.content))
            return httpx.Response(rasa_replies["status"], json=rasa_replies["messages"])
        if request.url.path in ("/", "/health"):
            return httpx.Response(200, json={"status": "ok"})
        return httpx.Response(404)

    app = create_app(settings, transport=httpx.MockTransport(handler))
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    """The running assistant (tests/stack.py), started once for integration and browser tests."""
    running = Stack(tmp_path_factory.mktemp("stack"))
    running.start()
    yield running
    if running.process and running.process.poll() is None:
        running.stop()
