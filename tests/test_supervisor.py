"""The process supervisor of `make run`: a process that dies is started again, alone."""

from __future__ import annotations

import sys
import time

from scripts.supervisor import FIRST_PAUSE_S, Supervisor


def test_a_process_that_exits_is_started_again_after_a_pause_and_the_others_stay():
    supervisor = Supervisor(
        {
            "dies": [sys.executable, "-c", "raise SystemExit(3)"],
            "lives": [sys.executable, "-c", "import time; time.sleep(60)"],
        },
        env={},
    )
    supervisor.start()
    try:
        lives = supervisor.processes["lives"]
        supervisor.processes["dies"].wait(timeout=30)
        now = time.monotonic()
        assert supervisor.restart_exited(now) == []  # the pause comes first
        assert supervisor.restart_exited(now + FIRST_PAUSE_S) == ["dies"]
        assert supervisor.processes["lives"] is lives and lives.poll() is None
        supervisor.processes["dies"].wait(timeout=30)
        later = time.monotonic()
        assert supervisor.restart_exited(later) == []
        assert supervisor.restart_exited(later + FIRST_PAUSE_S) == []  # it waits longer now
        assert supervisor.restart_exited(later + 2 * FIRST_PAUSE_S) == ["dies"]
    finally:
        for process in supervisor.processes.values():
            process.kill()
            process.wait()
