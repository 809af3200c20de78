"""Keeps Omzien's processes running: one that dies is started again, with a growing pause."""

from __future__ import annotations

import subprocess
import time

from scripts.model import ROOT

FIRST_PAUSE_S = 1.0
LONGEST_PAUSE_S = 30.0


class Supervisor:
    """Starts named commands and restarts any that exit, the others untouched."""

    def __init__(self, commands: dict[str, list[str]], env: dict[str, str]):
        self.commands = commands
        self.env = env
        self.processes: dict[str, subprocess.Popen] = {}
        self.pause = dict.fromkeys(commands, FIRST_PAUSE_S)
        self.due: dict[str, float] = {}

    def start(self, names: list[str] | None = None) -> None:
        """Start the named processes, or every process."""
        for name in self.commands if names is None else names:
            self._spawn(name)

    def _spawn(self, name: str) -> None:
        self.processes[name] = subprocess.Popen(self.commands[name], cwd=ROOT, env=self.env)

    def restart_exited(self, now: float | None = None) -> list[str]:
        """Start again what has exited, once its pause is over; returns the names restarted."""
        now = time.monotonic() if now is None else now
        restarted = []
        for name, process in self.processes.items():
            if process.poll() is None:
                continue
            if name not in self.due:
                # A process that keeps dying waits longer each time, up to half a minute.
                self.due[name] = now + self.pause[name]
                self.pause[name] = min(self.pause[name] * 2, LONGEST_PAUSE_S)
                print(f"{name} exited with {process.returncode}; restarting it", flush=True)
            if now >= self.due[name]:
                del self.due[name]
                self._spawn(name)
                restarted.append(name)
        return restarted
