"""`make run`: train if needed, start Rasa, the action server and the gateway; Ctrl-C stops all.

With OMZIEN_PROFILE=scaled (`make run-scaled`): PostgreSQL, Redis, two Rasa replicas and two
gateway workers; see the README's deployment section.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from omzien.db import ensure_database
from omzien.retention import run_retention
from omzien.settings import get_settings
from omzien.without_tensorflow import keep_tensorflow_out
from scripts.model import ROOT, ensure_model
from scripts.supervisor import Supervisor
from telephony.twilio.webhooks import webhook_urls


def process_env() -> dict[str, str]:
    """The environment every process gets; each reads the same settings from it."""
    settings = get_settings()
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "OMZIEN_ACTION_SERVER_URL": settings.action_server_url,  # bot/endpoints.yml
            "TICKET_LOCK_LIFETIME": str(settings.rasa_lock_lifetime_s),  # Rasa's lock store
            "SANIC_HOST": "127.0.0.1",  # rasa_sdk binds the action server here
            "TF_CPP_MIN_LOG_LEVEL": "2",
            # One TensorFlow thread per Rasa server: replicas, not threads, use the cores, and
            # fewer malloc arenas keep the threads' memory down.
            "TF_INTRA_OP_PARALLELISM_THREADS": "1",
            "TF_INTER_OP_PARALLELISM_THREADS": "1",
            "MALLOC_ARENA_MAX": "2",
            "RASA_TELEMETRY_ENABLED": "false",
        }
    )
    return env


def rasa_server(model: Path, url: str) -> list[str]:
    """One Rasa server on the loopback port of `url`."""
    return [
        sys.executable,
        "-m",
        "bot.rasa_server",
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
        str(urlparse(url).port or 5005),
        # The HTTP API (loopback only): the phone bridge reads a conversation's intents
        # for the whisper and WhatsApp's numbered choices, and closes a call's session.
        "--enable-api",
    ]  # fmt: skip


def commands(model: Path) -> dict[str, list[str]]:
    """Every process: one Rasa server per URL in OMZIEN_RASA_URL, the actions, the gateway."""
    settings = get_settings()
    actions_port = str(urlparse(settings.action_server_url).port or 5055)
    urls = settings.rasa_urls
    rasa = {"rasa": rasa_server(model, urls[0])} if len(urls) == 1 else {
        f"rasa-{number}": rasa_server(model, url) for number, url in enumerate(urls, 1)
    }  # fmt: skip
    gateway = [sys.executable, "-m", "uvicorn", "telephony.server:app"]
    gateway += ["--host", settings.gateway_host, "--port", str(settings.gateway_port)]
    if settings.gateway_workers > 1:
        gateway += ["--workers", str(settings.gateway_workers)]
    return {
        **rasa,
        "actions": [sys.executable, "-m", "bot.action_server", "--actions", "bot.actions"]
        + ["-p", actions_port],
        "gateway": gateway,
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


def seed_database(env: dict[str, str]) -> None:
    """Migrate the application database and load the seed data (both idempotent)."""
    # Seeding loads spaCy; a child process keeps that memory out of the long-lived supervisor.
    subprocess.run([sys.executable, "-m", "knowledge", "seed"], cwd=ROOT, env=env, check=True)


def print_twilio_webhooks() -> None:
    """The URLs to paste into a Twilio number's settings (all HTTP POST)."""
    print("Twilio webhooks (HTTP POST; OMZIEN_PUBLIC_BASE_URL must be Twilio's way in):")
    for field, url in webhook_urls(get_settings().public_base_url).items():
        print(f"  {field:<45} {url}")
    print("Try them without Twilio: python -m telephony.simulate call|whatsapp", flush=True)


def main() -> int:
    """Run until Ctrl-C; a process that dies is started again, the others keep serving."""
    keep_tensorflow_out()  # trained by a subprocess; only the Rasa servers need TensorFlow
    model = ensure_model()
    env = process_env()
    supervisor = Supervisor(commands(model), env)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        settings = get_settings()
        ensure_database(settings.tracker_url)
        ensure_database(settings.database_url)
        # Rasa loads its model (the slowest start) while the database is migrated and seeded;
        # the gateway, the only public part, comes last.
        supervisor.start([name for name in supervisor.commands if name != "gateway"])
        seed_database(env)
        supervisor.start(["gateway"])
        print(f"Omzien starting ({settings.profile}): gateway on port {settings.gateway_port}")
        print_twilio_webhooks()
        next_retention = time.monotonic()
        while True:
            supervisor.restart_exited()
            if time.monotonic() >= next_retention:
                apply_retention()
                next_retention = time.monotonic() + RETENTION_EVERY_S
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("stopping Omzien ...", flush=True)
        return 0
    finally:
        stop(supervisor.processes)


if __name__ == "__main__":
    sys.exit(main())
