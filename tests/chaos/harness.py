"""The assistant for fault tests: real processes on a private PostgreSQL, and a way to repair.

Started once per test module (Rasa takes 20-40 s to load its model); a fault test breaks one
part, and `repair()` brings back whatever is still broken, so the next test starts whole.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import httpx
from cryptography.fernet import Fernet

from omzien.db import engine_for, ensure_database
from omzien.migrate import upgrade
from omzien.settings import Settings
from tests.chaos.postgres import PrivatePostgres
from tests.chaos.processes import (
    ACTIONS_URL,
    GATEWAY_URL,
    RASA_URL,
    Processes,
    environment,
)

DATABASE = "omzien_chaos"
# Small budgets keep the run short; the phone budget is what the assertions hold it to.
VOICE_BUDGET_S = 2.0
CHAT_BUDGET_S = 3.0
STARTS_FIRST = ("rasa", "actions", "gateway")
WARM_UP_SEARCH = "ik wandel graag in Zwolle"


def overrides(workdir: Path, database_url: str) -> dict[str, str]:
    """Settings of every process in the fault tests: spare ports, private stores, small budgets."""
    return {
        "OMZIEN_ENVIRONMENT": "development",
        "OMZIEN_PROFILE": "embedded",
        "OMZIEN_RASA_URL": RASA_URL,
        "OMZIEN_ACTION_SERVER_URL": ACTIONS_URL,
        "OMZIEN_GATEWAY_HOST": "127.0.0.1",
        "OMZIEN_GATEWAY_PORT": GATEWAY_URL.rsplit(":", 1)[1],
        "OMZIEN_PUBLIC_BASE_URL": GATEWAY_URL,
        "OMZIEN_DATABASE_URL": database_url,
        "OMZIEN_TRACKER_URL": f"sqlite:///{workdir / 'tracker.db'}",
        "OMZIEN_PSEUDONYM_SECRET": "chaos-test",
        "OMZIEN_TWILIO_AUTH_TOKEN": "chaos-twilio-token",
        "OMZIEN_CALLBACK_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "OMZIEN_COORDINATOR_TOKEN": "chaos-coordinator",
        "OMZIEN_VOICE_BOT_BUDGET_S": str(VOICE_BUDGET_S),
        "OMZIEN_CHAT_BOT_BUDGET_S": str(CHAT_BUDGET_S),
        "OMZIEN_RASA_TIMEOUT_S": "10",
        # Every request comes from 127.0.0.1: the limits are tested elsewhere, not here.
        "OMZIEN_RATE_LIMIT_PER_ID_PER_MINUTE": "0",
        "OMZIEN_RATE_LIMIT_PER_IP_PER_MINUTE": "0",
        "OMZIEN_RATE_LIMIT_PAGES_PER_IP_PER_MINUTE": "0",
    }


class ChaosStack:
    """PostgreSQL, Rasa, the action server and the gateway, and a client for the gateway."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.postgres = PrivatePostgres()
        self.database_url = self.postgres.url(DATABASE)
        self.env = overrides(workdir, self.database_url)
        with environment(self.env):
            self.settings = Settings(_env_file=None)
        self.processes = Processes(workdir, self.env)
        self.paused: set[str] = set()
        self.client = httpx.Client(base_url=GATEWAY_URL, timeout=30)

    def start(self) -> None:
        """Everything up; the database is migrated and seeded while Rasa loads its model."""
        self.postgres.init()
        self.postgres.start()
        self.processes.start("rasa")
        self.prepare_database()
        for name in ("actions", "gateway"):
            self.processes.start(name)
        for name in STARTS_FIRST:
            self.wait_ready(name)
        self.warm_up()

    def prepare_database(self) -> None:
        """Create, migrate and seed the application database, as `make run` does."""
        from knowledge.store.seed import seed  # loads spaCy; only needed here

        ensure_database(self.database_url)
        upgrade(self.database_url)
        engine = engine_for(self.database_url)
        seed(engine)
        engine.dispose()

    def wait_ready(self, name: str) -> None:
        """Poll until `name` answers its readiness URL."""
        self.processes.wait_ready(name)

    def warm_up(self) -> None:
        """One small talk turn and one search straight to Rasa, not through the gateway.

        The first prediction builds TensorFlow's graphs and the first search loads spaCy in the
        action server (seconds each); a person should meet warm servers, as after a minute of
        real traffic, so the budgets measure the faults rather than the start-up.
        """
        for message in ("hallo", WARM_UP_SEARCH):
            httpx.post(
                f"{RASA_URL}/webhooks/rest/webhook",
                json={"sender": "chaos-warm-up", "message": message},
                timeout=120,
            ).raise_for_status()

    def kill(self, name: str) -> None:
        """SIGKILL one process."""
        self.processes.kill(name)

    def pause(self, name: str) -> None:
        """SIGSTOP one process: it keeps its port but answers nothing."""
        self.processes.pause(name)
        self.paused.add(name)

    def resume(self, name: str) -> None:
        """SIGCONT a paused process."""
        self.processes.resume(name)
        self.paused.discard(name)

    def restart(self, name: str) -> None:
        """Start a killed process again and wait until it answers; the others keep running."""
        self.processes.start(name)
        self.wait_ready(name)
        self.warm_up()

    def callback_numbers(self) -> set[str]:
        """The numbers of the stored callback requests, as a coordinator reads them."""
        response = self.client.get(
            "/api/callbacks", headers={"Authorization": f"Bearer {self.settings.coordinator_token}"}
        )
        response.raise_for_status()
        return {item["number"] for item in response.json()}

    def repair(self) -> None:
        """Bring back whatever a test left broken (paused, killed or stopped)."""
        for name in list(self.paused):
            self.resume(name)
        if not self.postgres.running():
            self.postgres.start()
        for name in STARTS_FIRST:
            if not self.processes.alive(name):
                self.processes.start(name)
                self.wait_ready(name)
        self.warm_up()

    def close(self) -> None:
        """Stop every process and remove the private cluster."""
        self.client.close()
        self.processes.stop_all()
        with contextlib.suppress(Exception):
            engine_for(self.database_url).dispose()
        self.postgres.remove()
