"""A private PostgreSQL cluster for the fault tests, so stopping it hurts nobody else.

The machine's shared PostgreSQL (5432) is never touched: this cluster has its own data folder
and socket folder under /tmp and listens on 127.0.0.1:5499 only. The server refuses to run as
root, so initdb and pg_ctl run as the `postgres` OS user.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
PORT = 5499


def port_taken(port: int) -> bool:
    """True when something already listens on 127.0.0.1:`port`."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class PrivatePostgres:
    """initdb, start, stop (-m immediate: as if the server crashed) and remove one cluster."""

    def __init__(self, port: int = PORT):
        self.port = port
        self.root = Path(tempfile.mkdtemp(prefix="omzien-chaos-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sockets"
        self.log = self.root / "postgres.log"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of `database` on this cluster."""
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/{database}"

    def _as_postgres(self, *argv: str) -> None:
        done = subprocess.run(
            ["runuser", "-u", "postgres", "--", *argv],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {done.stdout}{done.stderr}")

    def init(self) -> None:
        """A new cluster with trust authentication for local test use."""
        if port_taken(self.port):
            raise RuntimeError(f"port {self.port} is taken: is an earlier chaos run still going?")
        self.sockets.mkdir()
        shutil.chown(self.root, "postgres", "postgres")
        shutil.chown(self.sockets, "postgres", "postgres")
        self._as_postgres(
            str(BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1"
        self._as_postgres(
            str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
            "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server; `immediate` aborts without a clean shutdown, like a crash."""
        self._as_postgres(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        """True when this cluster's server is running."""
        pg_ctl = [str(BIN / "pg_ctl"), "-D", str(self.data), "status"]
        status = subprocess.run(
            ["runuser", "-u", "postgres", "--", *pg_ctl], capture_output=True, timeout=30
        )
        return status.returncode == 0

    def remove(self) -> None:
        """Stop the server if it runs and delete the cluster's folder."""
        if self.data.exists() and self.running():
            self.stop("fast")
        shutil.rmtree(self.root, ignore_errors=True)
