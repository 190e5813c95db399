"""Axis ticks people can read: 0, 20, 40 … or 0, 2,000,000, 4,000,000 — a step of 1, 2, 2.5
or 5 times a power of ten, the axis ending on the first tick at or above the largest value
(Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990)."""

from __future__ import annotations

import math

STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


def nice_step(top: float, max_ticks: int = 6) -> float:
    """The smallest readable step that covers 0..*top* in at most *max_ticks* intervals."""
    if not math.isfinite(top) or top <= 0:
        return 1.0
    raw = top / max(1, max_ticks)
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in STEPS:
        if factor * power >= raw * (1 - 1e-9):
            return factor * power
    return 10.0 * power  # pragma: no cover - STEPS ends at 10


def nice_ticks(top: float, max_ticks: int = 6, whole: bool = False) -> list[float]:
    """Tick values from 0 to the first multiple of the step at or above *top*. *whole*:
    counts, never a step below 1 (no 0.5 customers)."""
    step = nice_step(top, max_ticks)
    if whole:
        step = max(1.0, step)
        if step != int(step):  # 2.5 → 5 for counts
            step = float(math.ceil(step / 5) * 5) if step > 1 else 1.0
    count = max(1, math.ceil(top / step - 1e-9)) if top > 0 else 1
    return [round(i * step, 10) for i in range(count + 1)]


def decimals_of(step: float) -> int:
    """Decimals the labels of a step need (0 for 20, 1 for 0.5, 2 for 0.25)."""
    for digits in range(0, 7):
        if abs(round(step, digits) - step) < 1e-9:
            return digits
    return 6
