"""A small, dependency-free, seeded mutation fuzzer for everything that reads input from
outside (files, names, typed text). Each target is one :class:`FuzzTarget` entry in
``targets.py``: seeds (valid examples) + ``run(data, workdir)``. The harness mutates the
seeds, runs each input under a time limit and sorts the outcome:

- accepted: ``run`` returned;
- rejected: ``run`` raised one of the target's *clear* errors (e.g. ValidationError);
- failure: any other exception, or a hang (over ``timeout`` seconds) — the test fails and
  shows the input (repr) so it can become a regression test.

Deterministic for a given seed; ``DESK_CRM_FUZZ_SCALE`` multiplies the number of inputs.
"""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

INTERESTING_BYTES = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\n", b"\r\n", b"%", b"\\", b"\"",
                     b"'", b"[", b"]", b"=", b";", b"{", b"}", b"\xe2\x80\xae", b"\xef\xbb\xbf",
                     b"\xed\xa0\x80", "张三".encode(), b"../", b"..\\", b"@", b"+", b"-", b"\t",
                     "＝".encode(), b"\xf0\x9f\x98\x80", b"9" * 40, b"e308", b"NaN", b"Infinity"]


class Hang(Exception):
    """The target took longer than its time limit for one input."""


@dataclass(frozen=True)
class FuzzTarget:
    name: str
    seeds: Callable[[Path], Sequence[bytes]]  # valid examples, built in a work folder
    run: Callable[[bytes, Path], None]
    clear_errors: tuple[type[BaseException], ...] = ()
    inputs: int = 1000  # CI size; times DESK_CRM_FUZZ_SCALE
    timeout: float = 2.0
    max_size: int = 4096  # mutations never grow an input beyond this many bytes (+ seed)


@dataclass
class FuzzReport:
    target: str
    accepted: int = 0
    rejected: int = 0
    failures: list[tuple[bytes, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.accepted + self.rejected + len(self.failures)

    def line(self) -> str:
        return (f"{self.target}: {self.total} inputs, {self.accepted} accepted, "
                f"{self.rejected} rejected clearly, {len(self.failures)} failures, "
                f"{self.seconds:.1f} s")


def mutate(data: bytes, rng: random.Random, seeds: Sequence[bytes], max_size: int) -> bytes:
    """One to four stacked mutations: flips, interesting bytes, deletions, duplications,
    truncation, splicing with another seed."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(8)
        position = rng.randrange(len(out) + 1)
        if choice == 0 and out:
            index = rng.randrange(len(out))
            out[index] ^= 1 << rng.randrange(8)
        elif choice == 1 and out:
            out[rng.randrange(len(out))] = rng.randrange(256)
        elif choice == 2:
            out[position:position] = rng.choice(INTERESTING_BYTES)
        elif choice == 3 and out:
            end = min(len(out), position + rng.randint(1, 64))
            del out[position:end]
        elif choice == 4 and out and len(out) < max_size:
            start = rng.randrange(len(out))
            chunk = out[start:start + rng.randint(1, 256)]
            out[position:position] = chunk * rng.randint(1, 8)
        elif choice == 5:
            del out[rng.randrange(len(out) + 1):]
        elif choice == 6 and seeds:
            other = rng.choice(seeds)
            cut = rng.randrange(len(other) + 1)
            out[position:] = other[cut:]
        else:
            out[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(out[: max(max_size, len(data))])


def _on_alarm(_signum: int, _frame: object) -> None:
    raise Hang


def inputs(target: FuzzTarget, seeds: Sequence[bytes], count: int,
           rng: random.Random) -> Iterator[bytes]:
    yield from seeds
    for _ in range(count - len(seeds)):
        yield mutate(rng.choice(seeds), rng, seeds, target.max_size)


def fuzz(target: FuzzTarget, workdir: Path, seed: int, scale: float = 1.0) -> FuzzReport:
    rng = random.Random(f"{target.name}:{seed}")
    seeds = list(target.seeds(workdir))
    report = FuzzReport(target.name)
    count = max(len(seeds), int(target.inputs * scale))
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    started = time.perf_counter()
    try:
        for data in inputs(target, seeds, count, rng):
            signal.setitimer(signal.ITIMER_REAL, target.timeout)
            try:
                target.run(data, workdir)
            except target.clear_errors:
                report.rejected += 1
            except Hang:
                report.failures.append((data, f"hang > {target.timeout} s"))
            except Exception as error:
                report.failures.append((data, f"{type(error).__name__}: {error}"))
            else:
                report.accepted += 1
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
        report.seconds = time.perf_counter() - started
    return report
