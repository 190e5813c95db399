"""The stall probe sees a blocked UI thread, says how long and what was running, and
stays quiet while the event loop turns."""

from __future__ import annotations

import time
from typing import Any

from desk_crm.ui.stall_probe import StallProbe
from helpers.stalls import stalls_over


def _block_the_ui_thread_for(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        sum(range(1000))  # busy: own time, not waiting for a CPU


def test_a_blocked_ui_thread_is_recorded_with_its_stack(qtbot: Any,
                                                        stall_probe: StallProbe) -> None:
    qtbot.wait(50)
    stall_probe.reset()
    stall_probe.doing("opening Price books")
    _block_the_ui_thread_for(0.25)
    stall_probe.doing("")
    qtbot.wait(50)
    stall = stall_probe.longest()
    assert stall is not None
    assert stall.length_ms > 200  # no upper bound: a loaded machine stretches it
    assert stall.doing == "opening Price books"
    assert "_block_the_ui_thread_for" in stall.stack
    # Own time plus the time the OS kept the thread waiting (stress-ng) make the length.
    assert 0 <= stall.waited_ms <= stall.length_ms
    assert stalls_over(stall_probe, 0)


def test_an_idle_event_loop_has_no_long_stall(qtbot: Any, stall_probe: StallProbe) -> None:
    qtbot.wait(300)
    assert stalls_over(stall_probe, 150) == []
