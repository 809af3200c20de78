"""The real assistant (Rasa, action server, gateway) started as `make run` does, on spare ports.

Shared by the integration tests and the browser tests through the session fixture `stack`
(tests/conftest.py), so one pytest run starts it once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
# A page on this origin embeds the widget in the browser tests; the gateway allows it (CORS).
HOST_PAGE_ORIGIN = "http://127.0.0.1:8199"


class Stack:
    """The three processes started by scripts/run.py, and a chat helper."""

    def __init__(self, workdir: Path, port: int = 8100, **settings: str):
        """Ports: the gateway on `port`, Rasa on port - 2995, actions on port - 2945."""
        self.url = f"http://127.0.0.1:{port}"
        self.env = {
            **os.environ,
            "OMZIEN_RASA_URL": f"http://127.0.0.1:{port - 2995}",
            "OMZIEN_ACTION_SERVER_URL": f"http://127.0.0.1:{port - 2945}",
            "OMZIEN_GATEWAY_HOST": "127.0.0.1",
            "OMZIEN_GATEWAY_PORT": str(port),
            "OMZIEN_DATABASE_URL": f"sqlite:///{workdir / 'omzien.db'}",
            "OMZIEN_TRACKER_URL": f"sqlite:///{workdir / 'tracker.db'}",
            "OMZIEN_PSEUDONYM_SECRET": "integration-test",
            "OMZIEN_CORS_ORIGINS": f'["{HOST_PAGE_ORIGIN}"]',
            **{f"OMZIEN_{name.upper()}": value for name, value in settings.items()},
        }
        self.process: subprocess.Popen | None = None
        self.log = workdir / "stack.log"

    def start(self, timeout: float = 240) -> None:
        """Start `python -m scripts.run` and wait until every part is up."""
        log = open(self.log, "ab")  # noqa: SIM115 - kept open for the child's lifetime
        self.process = subprocess.Popen(
            [sys.executable, "-m", "scripts.run"], cwd=ROOT, env=self.env, stdout=log, stderr=log
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the stack exited; see {self.log}")
            try:
                if httpx.get(f"{self.url}/health", timeout=5).json()["status"] == "ok":
                    return
            except (httpx.HTTPError, ValueError, KeyError):
                pass
            time.sleep(1)
        raise RuntimeError(f"the stack did not come up in {timeout} s; see {self.log}")

    def stop(self) -> int:
        """Ctrl-C, as a person would; returns the exit code."""
        assert self.process is not None
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=60)

    def chat(self, sender: str, message: str) -> dict:
        """One turn through the gateway; the JSON answer."""
        response = httpx.post(
            f"{self.url}/chat", json={"sender": sender, "message": message}, timeout=30
        )
        response.raise_for_status()
        return response.json()
