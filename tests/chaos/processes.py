"""Rasa, the action server and the gateway as `make run` starts them, each on its own.

The commands and environment come from scripts/run.py, read with this module's settings (spare
ports, a private database); each process runs in its own process group, so one can be killed,
paused or restarted while the others keep running.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from omzien.settings import get_settings
from scripts.model import ROOT, model_path
from scripts.run import commands, process_env

RASA_URL = "http://127.0.0.1:5305"
ACTIONS_URL = "http://127.0.0.1:5355"
GATEWAY_URL = "http://127.0.0.1:8300"
READY_URLS = {
    "rasa": f"{RASA_URL}/",
    "actions": f"{ACTIONS_URL}/health",
    "gateway": f"{GATEWAY_URL}/health",
}


@contextlib.contextmanager
def environment(overrides: dict[str, str]) -> Iterator[None]:
    """os.environ without inherited OMZIEN_ settings, plus `overrides`, for a moment."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update({k: v for k, v in saved.items() if not k.startswith("OMZIEN_")})
    os.environ.update(overrides)
    get_settings.cache_clear()
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
        get_settings.cache_clear()


class Processes:
    """Start, kill, pause and resume the three processes by name."""

    def __init__(self, workdir: Path, overrides: dict[str, str]):
        model = model_path()
        if not model.exists():
            raise RuntimeError(f"no trained model at {model}: run `make train` first")
        with environment(overrides):
            self.env = process_env()
            self.commands = commands(model)
        self.workdir = workdir
        self.running: dict[str, subprocess.Popen] = {}

    def log(self, name: str) -> Path:
        """Where the process `name` writes its output."""
        return self.workdir / f"{name}.log"

    def start(self, name: str) -> None:
        """Start one process in a process group of its own."""
        with open(self.log(name), "ab") as log:
            self.running[name] = subprocess.Popen(
                self.commands[name],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def _signal(self, name: str, signum: int) -> None:
        os.killpg(self.running[name].pid, signum)

    def kill(self, name: str) -> None:
        """SIGKILL: the process dies at once, without cleaning up."""
        self._signal(name, signal.SIGKILL)
        self.running[name].wait(30)

    def pause(self, name: str) -> None:
        """SIGSTOP: the process keeps its sockets but answers nothing."""
        self._signal(name, signal.SIGSTOP)

    def resume(self, name: str) -> None:
        """SIGCONT after a pause."""
        self._signal(name, signal.SIGCONT)

    def alive(self, name: str) -> bool:
        """True when the process `name` was started and has not exited."""
        process = self.running.get(name)
        return process is not None and process.poll() is None

    def wait_ready(self, name: str, timeout_s: float = 180) -> float:
        """Poll the process's readiness URL until it answers 200; returns the seconds it took."""
        started = time.monotonic()
        while time.monotonic() - started < timeout_s:
            if not self.alive(name):
                raise RuntimeError(f"{name} exited; see {self.log(name)}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(READY_URLS[name], timeout=2).status_code == 200:
                    return time.monotonic() - started
            time.sleep(0.25)
        raise RuntimeError(f"{name} not ready after {timeout_s} s; see {self.log(name)}")

    def stop_all(self) -> None:
        """Resume anything paused, ask every process to stop, kill what is left after 15 s."""
        for name, process in self.running.items():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    self.resume(name)
                    self._signal(name, signal.SIGTERM)
        for name, process in self.running.items():
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                self._signal(name, signal.SIGKILL)
                process.wait(15)
