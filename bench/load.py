"""Load benchmark of the whole assistant (issue 6): `make bench` or `python -m bench.load`.

Starts the assistant as `make run` does (`--scaled`: as `make run-scaled`, on the benchmark's own
PostgreSQL databases and Redis db), on ports 8400 (gateway), 5405/5406 (Rasa) and 5455
(actions); or benches one that runs already (`--url`, plus `--rasa-url` for the bare-Rasa
layers). At each concurrency level it plays the same conversation mix (bench/conversations.py)
through the gateway, straight to Rasa's REST webhook and to Rasa's /model/parse; then one long
web conversation; meanwhile it samples every process's RSS. Prints a table and pass/miss against
the issue's targets (never as the exit code), and writes everything to var/bench/load.json.

Short run: python -m bench.load --levels 1,10 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import psutil

from bench import report
from bench.driver import run_level, run_long
from bench.processes import TWILIO_TOKEN, MemorySampler, Stack
from bench.stats import layer_ratios
from bench.targets import Gateway, RasaParse, RasaRest
from omzien.settings import ROOT, Settings

OUT = ROOT / "var" / "bench" / "load.json"
NOTE = (
    "Loopback HTTP; the load generator runs on the same machine and shares its cores, and the "
    "machine may be shared with other work: figures are noisy."
)


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,10,50,100", help="concurrency levels, e.g. 1,10")
    parser.add_argument("--seconds", type=float, default=10, help="seconds per target and level")
    parser.add_argument("--conversations", type=int, help="at most this many per target and level")
    parser.add_argument("--scaled", action="store_true", help="start the scaled set-up")
    parser.add_argument("--url", help="bench a gateway that runs already (no start, no RSS)")
    parser.add_argument("--rasa-url", help="with --url: Rasa replica URL(s), comma-separated")
    parser.add_argument("--layers", default="gateway,rasa_rest,rasa_parse", help="what to drive")
    parser.add_argument("--long-turns", type=int, default=110)
    parser.add_argument("--long-repeats", type=int, default=2)
    parser.add_argument("--seed", type=int, default=6, help="seed of the conversation mix")
    parser.add_argument("--out", type=Path, default=OUT)
    return parser.parse_args(argv)


def _levels(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


async def drive(
    options: argparse.Namespace, gateway_url: str, rasa_urls: list[str], settings: Settings
) -> dict:
    """Warm up, then every level on every layer, then the long conversation."""
    run_id = uuid.uuid4().hex[:8]
    levels = _levels(options.levels)
    layers = [name for name in options.layers.split(",") if name]
    if not rasa_urls:
        layers = [name for name in layers if name == "gateway"]
    pool = max(levels) + 20
    limits = httpx.Limits(max_connections=pool, max_keepalive_connections=pool)
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30, limits=limits) as client:
        made = {
            "gateway": lambda: Gateway(client, settings, run_id),
            "rasa_rest": lambda: RasaRest(client, rasa_urls, run_id),
            "rasa_parse": lambda: RasaParse(client, rasa_urls),
        }
        # Warm-up, not measured: first requests load lazy parts of Rasa and fill pools.
        for name in layers:
            await run_level(made[name](), 2, seconds=5, max_conversations=4, seed=options.seed + 1)
        results = []
        for concurrency in levels:
            level: dict = {"concurrency": concurrency}
            for name in layers:
                cpu = psutil.Process().cpu_times()
                level[name] = await run_level(
                    made[name](), concurrency, options.seconds, options.conversations, options.seed
                )
                used = psutil.Process().cpu_times()
                driver_cpu = used.user + used.system - cpu.user - cpu.system
                level[name]["driver_cpu_s"] = round(driver_cpu, 1)
                rate = level[name]["turns_per_s"]
                print(f"  level {concurrency} {name}: {rate} turns/s", flush=True)
            level["ratios"] = layer_ratios(level)
            results.append(level)
        long = {}
        for name in ("gateway", "rasa_rest"):
            if name in layers and options.long_repeats > 0:
                long[name] = await run_long(made[name](), options.long_turns, options.long_repeats)
    return {"levels": results, "long_conversation": long}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 unless the assistant could not be started or reached."""
    options = arguments(argv)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    stack = sampler = None
    result: dict = {"startup": {}, "memory": None}
    try:
        if options.url:
            gateway_url = options.url.rstrip("/")
            rasa_urls = options.rasa_url.split(",") if options.rasa_url else []
            settings = Settings()  # OMZIEN_PUBLIC_BASE_URL and _TWILIO_AUTH_TOKEN as the gateway's
            mode = f"running gateway {gateway_url}"
        else:
            stack = Stack(options.scaled, options.out.parent / "stack.log")
            print(f"starting the assistant ({'scaled' if options.scaled else 'default'}) ...")
            first = stack.start()
            result["startup"] = {
                "first_answer_s": round(first, 1),
                "measured": "launch of scripts.run (model trained, fresh databases) to the "
                "first POST /chat answer that is not degraded",
            }
            print(f"first answer after {first:.1f} s", flush=True)
            sampler = MemorySampler(stack.process.pid, services=options.scaled)
            sampler.start()
            gateway_url, rasa_urls = stack.url, stack.rasa_urls
            settings = Settings(public_base_url=stack.url, twilio_auth_token=TWILIO_TOKEN)
            mode = "scaled set-up" if options.scaled else "default set-up (make run)"
        begun = time.monotonic()
        result.update(asyncio.run(drive(options, gateway_url, rasa_urls, settings)))
        duration = round(time.monotonic() - begun, 1)
    except RuntimeError as error:  # the assistant did not start
        print(f"benchmark not run: {error}")
        return 1
    finally:
        if sampler:
            sampler.stop()
            result["memory"] = sampler.report()
        if stack:
            stack.stop()
    result["meta"] = {
        "started": started,
        "mode": mode,
        "cpus": psutil.cpu_count(),
        "python": platform.python_version(),
        "levels": _levels(options.levels),
        "seconds_per_level": options.seconds,
        "max_conversations": options.conversations,
        "drive_seconds": duration,
        "note": NOTE,
    }
    result["targets"] = report.targets(result)
    print(report.render(result))
    report.write(result, options.out)
    print(f"written to {options.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
