"""The stall probe for tests: ``stall_probe`` records every stall of the UI thread over
50 ms with what was running (ui/stall_probe.py); ``assert_no_stall`` fails a test on any
stall over a limit that the program itself caused (time the OS kept the thread waiting
for a CPU is not counted: it belongs to the machine, not to the code)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desk_crm.ui.stall_probe import StallProbe

LIMIT_MS = 100.0


@pytest.fixture
def stall_probe(qapp: Any) -> Iterator[StallProbe]:
    probe = StallProbe(50.0)
    probe.start()
    yield probe
    probe.stop()


def stalls_over(probe: StallProbe, limit_ms: float = LIMIT_MS) -> list[str]:
    return [stall.describe() for stall in probe.stalls if stall.own_ms > limit_ms]


def assert_no_stall(probe: StallProbe, limit_ms: float = LIMIT_MS) -> None:
    over = stalls_over(probe, limit_ms)
    assert not over, f"{len(over)} UI-thread stalls over {limit_ms:.0f} ms:\n\n" + \
        "\n\n".join(over)
