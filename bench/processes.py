"""The assistant under test: started as `make run` starts it, timed to its first answer, and its
processes' memory (RSS) sampled while the benchmark runs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

from omzien.db import drop_database
from omzien.settings import LOCAL_POSTGRES, ROOT

GATEWAY_PORT, RASA_PORTS, ACTIONS_PORT = 8400, (5405, 5406), 5455
BENCH_REDIS_DB = 12  # Redis is shared on this machine; the benchmark keeps to its own db
BENCH_DATABASES = ("omzien_bench_load", "omzien_bench_load_tracker")
TWILIO_TOKEN = "bench-twilio-token"
UNREACHABLE_LIMIT = 1_000_000_000
SERVICES = {"postgres": "postgresql", "redis-server": "redis"}


def stack_env(workdir: Path, scaled: bool) -> dict[str, str]:
    """Settings for the benchmark's own assistant, on spare ports and private databases."""
    gateway = f"http://127.0.0.1:{GATEWAY_PORT}"
    replicas = RASA_PORTS if scaled else RASA_PORTS[:1]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "OMZIEN_GATEWAY_HOST": "127.0.0.1",
        "OMZIEN_GATEWAY_PORT": str(GATEWAY_PORT),
        "OMZIEN_PUBLIC_BASE_URL": gateway,
        "OMZIEN_RASA_URL": ",".join(f"http://127.0.0.1:{port}" for port in replicas),
        "OMZIEN_ACTION_SERVER_URL": f"http://127.0.0.1:{ACTIONS_PORT}",
        "OMZIEN_PSEUDONYM_SECRET": "bench",
        "OMZIEN_TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        # All load comes from one address and the long conversation is one person: limits
        # that never refuse, so the limiter's cost is measured but it never answers instead.
        "OMZIEN_RATE_LIMIT_PER_ID_PER_MINUTE": str(UNREACHABLE_LIMIT),
        "OMZIEN_RATE_LIMIT_PER_IP_PER_MINUTE": str(UNREACHABLE_LIMIT),
    }
    if scaled:
        app_db, tracker_db = BENCH_DATABASES
        env.update(
            OMZIEN_PROFILE="scaled",
            OMZIEN_DATABASE_URL=f"{LOCAL_POSTGRES}/{app_db}",
            OMZIEN_TRACKER_URL=f"{LOCAL_POSTGRES}/{tracker_db}",
            OMZIEN_REDIS_URL=f"redis://127.0.0.1:6379/{BENCH_REDIS_DB}",
        )
    else:
        env.update(
            OMZIEN_DATABASE_URL=f"sqlite:///{workdir / 'omzien.db'}",
            OMZIEN_TRACKER_URL=f"sqlite:///{workdir / 'tracker.db'}",
        )
    return env


class Stack:
    """`python -m scripts.run` as a child process, its log in var/bench/stack.log."""

    def __init__(self, scaled: bool, log_path: Path):
        self.workdir = Path(tempfile.mkdtemp(prefix="omzien-bench-"))
        self.env = stack_env(self.workdir, scaled)
        self.scaled = scaled
        self.log_path = log_path
        self.url = f"http://127.0.0.1:{GATEWAY_PORT}"
        self.rasa_urls = self.env["OMZIEN_RASA_URL"].split(",")
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        """Launch it; seconds from launch to the first good web chat answer."""
        if self.scaled:
            for name in BENCH_DATABASES:
                drop_database(f"{LOCAL_POSTGRES}/{name}")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")  # noqa: SIM115 - open for the child's lifetime
        launched = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "scripts.run"], cwd=ROOT, env=self.env, stdout=log, stderr=log
        )
        return self._first_answer(launched, timeout_s=300)

    def _first_answer(self, launched: float, timeout_s: float) -> float:
        body = {"sender": "bench-first-answer", "message": "hallo"}
        while time.monotonic() - launched < timeout_s:
            if self.process.poll() is not None:
                raise RuntimeError(f"the assistant exited; see {self.log_path}")
            try:
                response = httpx.post(f"{self.url}/chat", json=body, timeout=10)
                if response.is_success and not response.json().get("degraded"):
                    return time.monotonic() - launched
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.25)
        raise RuntimeError(f"no answer within {timeout_s} s; see {self.log_path}")

    def stop(self) -> None:
        """Ctrl-C, as a person would (killed after a minute); then forget its databases."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.workdir, ignore_errors=True)


def role(process: psutil.Process, parent_role: str | None) -> str:
    """What a process of the assistant is, from its command line (and its parent's role)."""
    try:
        argv = process.cmdline()
    except psutil.Error:
        return "gone"
    line = " ".join(argv)
    if "multiprocessing" in line and parent_role:
        kind = "resource tracker" if "resource_tracker" in line else "worker"
        return f"{parent_role} {kind}"
    if "scripts.run" in line:
        return "launcher (scripts.run)"
    if "uvicorn" in line and "telephony." in line:
        return "gateway worker" if parent_role == "gateway" else "gateway"
    if "action_server" in line or ("rasa" in line and "actions" in argv):
        return "actions"
    if "--model" in argv:
        port = argv[argv.index("--port") + 1] if "--port" in argv else "?"
        return f"rasa :{port}"
    return f"{parent_role} child" if parent_role else process.name()


def _rss(process: psutil.Process) -> int:
    try:
        return process.memory_info().rss
    except psutil.Error:
        return 0


class MemorySampler(threading.Thread):
    """Samples the RSS of a process tree (and PostgreSQL/Redis if asked) every `every_s`."""

    def __init__(self, root_pid: int, services: bool = False, every_s: float = 0.25):
        super().__init__(daemon=True)
        self.root = psutil.Process(root_pid)
        self.services = services
        self.every_s = every_s
        self.peaks: dict[int, dict] = {}
        self.service_peaks: dict[str, dict] = {}
        self.peak_total = 0
        self.peak_services = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.wait(self.every_s):
            self.sample()

    def stop(self) -> None:
        """Stop sampling (after one last sample)."""
        self._halt.set()
        self.join(timeout=5)
        self.sample()

    def _tree(self) -> list[tuple[psutil.Process, str]]:
        roles = {self.root.pid: role(self.root, None)}
        found = [(self.root, roles[self.root.pid])]
        try:
            children = self.root.children(recursive=True)
        except psutil.Error:
            return found
        for child in sorted(children, key=lambda p: p.pid):
            try:
                parent_role = roles.get(child.ppid())
            except psutil.Error:
                continue
            roles[child.pid] = role(child, parent_role)
            found.append((child, roles[child.pid]))
        return found

    def _services(self) -> list[tuple[psutil.Process, str]]:
        found = []
        for process in psutil.process_iter(["name"]):
            service = SERVICES.get(process.info["name"] or "")
            if service:
                found.append((process, f"{service} (all its processes, shared server)"))
        return found

    def sample(self) -> None:
        """One sample: every process's RSS; peaks per process, of the tree and of the services."""
        tree = 0
        for process, name in self._tree():
            rss = _rss(process)
            tree += rss
            peak = self.peaks.setdefault(process.pid, {"role": name, "pid": process.pid})
            peak["peak_rss_mb"] = max(peak.get("peak_rss_mb", 0), round(rss / 2**20, 1))
        self.peak_total = max(self.peak_total, tree)
        if self.services:
            per_service: dict[str, int] = {}
            for process, name in self._services():
                per_service[name] = per_service.get(name, 0) + _rss(process)
            for name, rss in per_service.items():
                peak = self.service_peaks.setdefault(name, {"role": name, "pid": None})
                peak["peak_rss_mb"] = max(peak.get("peak_rss_mb", 0), round(rss / 2**20, 1))
            self.peak_services = max(self.peak_services, sum(per_service.values()))

    def report(self) -> dict:
        """Peak RSS per process and the peak of their sum (not the sum of the peaks)."""
        processes = sorted(self.peaks.values(), key=lambda p: (p["role"], p["pid"]))
        return {
            "processes": processes,
            "services": list(self.service_peaks.values()),
            "peak_total_mb": round(self.peak_total / 2**20, 1),
            "peak_services_mb": round(self.peak_services / 2**20, 1) if self.services else None,
            "note": "RSS counts shared pages in every process; peaks sampled every "
            f"{self.every_s} s",
        }
