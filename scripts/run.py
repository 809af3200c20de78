"""`make run`: train if needed, start Rasa, the action server and the gateway; Ctrl-C stops all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from omzien.db import engine_for
from omzien.migrate import upgrade
from omzien.retention import run_retention
from omzien.settings import get_settings
from scripts.model import ROOT, ensure_model, rasa_command
from telephony.twilio.webhooks import webhook_urls


def process_env() -> dict[str, str]:
    """The environment every process gets: settings for Rasa's endpoints.yml included."""
    settings = get_settings()
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "OMZIEN_ACTION_SERVER_URL": settings.action_server_url,
            "OMZIEN_TRACKER_DIALECT": settings.tracker_dialect,
            "OMZIEN_TRACKER_DB": settings.tracker_db,
            "SANIC_HOST": "127.0.0.1",  # rasa_sdk binds the action server here
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "RASA_TELEMETRY_ENABLED": "false",
        }
    )
    return env


def commands(model: Path) -> dict[str, list[str]]:
    """The three processes; Rasa and the action server listen on loopback only."""
    settings = get_settings()
    rasa_port = str(urlparse(settings.rasa_url).port or 5005)
    actions_port = str(urlparse(settings.action_server_url).port or 5055)
    if settings.tracker_dialect == "sqlite":
        Path(settings.tracker_db).parent.mkdir(parents=True, exist_ok=True)
    return {
        "actions": rasa_command("run", "actions", "--actions", "bot.actions", "-p", actions_port),
        "rasa": rasa_command(
            "run",
            "--model",
            str(model),
            "--endpoints",
            "bot/endpoints.yml",
            "--credentials",
            "bot/credentials.yml",
            "--interface",
            "127.0.0.1",
            "--port",
            rasa_port,
            # The HTTP API (loopback only): the phone bridge reads a conversation's intents
            # for the whisper and WhatsApp's numbered choices, and closes a call's session.
            "--enable-api",
        ),  # fmt: skip
        "gateway": [
            sys.executable,
            "-m",
            "uvicorn",
            "telephony.app:app",
            "--host",
            settings.gateway_host,
            "--port",
            str(settings.gateway_port),
        ],  # fmt: skip
    }


def stop(processes: dict[str, subprocess.Popen]) -> None:
    """Ask every process to stop, then kill what is still running after 15 s."""
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 15
    for process in processes.values():
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()


RETENTION_EVERY_S = 6 * 3600


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def apply_retention() -> None:
    """Delete old conversations and expired callback requests; a failure is only reported."""
    try:
        deleted = run_retention(get_settings())
    except Exception as error:  # noqa: BLE001 - retention must never stop the assistant
        print(f"retention failed ({type(error).__name__}); next try later", flush=True)
        return
    print(f"retention: {deleted}", flush=True)


def prepare_database() -> None:
    """Migrate the application database and load the seed data (both idempotent)."""
    from knowledge.store.seed import seed  # loads spaCy; only needed here

    url = get_settings().database_url
    upgrade(url)
    report = seed(engine_for(url))
    print(f"Initiative database ready ({len(report.created)} new services)", flush=True)


def print_twilio_webhooks() -> None:
    """The URLs to paste into a Twilio number's settings (all HTTP POST)."""
    print("Twilio webhooks (HTTP POST; OMZIEN_PUBLIC_BASE_URL must be Twilio's way in):")
    for field, url in webhook_urls(get_settings().public_base_url).items():
        print(f"  {field:<45} {url}")
    print("Try them without Twilio: python -m telephony.simulate call|whatsapp", flush=True)


def main() -> int:
    """Run until Ctrl-C or until one process exits."""
    model = ensure_model()
    prepare_database()
    env = process_env()
    processes = {
        name: subprocess.Popen(command, cwd=ROOT, env=env)
        for name, command in commands(model).items()
    }
    print(f"Omzien starting: gateway on port {get_settings().gateway_port}", flush=True)
    print_twilio_webhooks()
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        next_retention = time.monotonic()
        while True:
            for name, process in processes.items():
                if process.poll() is not None:
                    print(f"{name} exited with {process.returncode}; stopping", flush=True)
                    return 1
            if time.monotonic() >= next_retention:
                apply_retention()
                next_retention = time.monotonic() + RETENTION_EVERY_S
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("stopping Omzien ...", flush=True)
        return 0
    finally:
        stop(processes)


if __name__ == "__main__":
    sys.exit(main())
