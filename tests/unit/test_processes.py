"""processes.alive answers without signalling: this process, a child, a finished child."""

from __future__ import annotations

import os
import subprocess
import sys

from desk_crm.processes import alive


def test_alive_knows_running_and_finished_processes() -> None:
    assert alive(os.getpid())
    assert not alive(0) and not alive(-5)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert alive(child.pid)
        assert child.poll() is None  # asking did not end it
    finally:
        child.kill()
        child.wait()
    assert not alive(child.pid)
