"""Resource attacks on the importers' file readers: inputs of tens of MB built to exhaust
memory or time (a 30 MB cell, an open quote before 30 MB of rows, a line with no end,
100,000 columns, an .xlsx zip bomb, a 20 MB vCard PHOTO, 10,000 nested vCards, a fold
bomb …) plus seeded mutations of large valid files.

Each input is read to the end in a forked child of this process, the way the import
reads it (``open_source(path).rows()``), under a time limit; the child's peak resident
memory comes from wait4(). An input passes when it is read or refused with an
ImportFileError within its limits. Prints one JSON line.

    python resource_attacks.py WORKDIR MUTATIONS SEED
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from desk_crm.domain.import_files import ImportFileError
from desk_crm.services.importer import open_source

TIME_LIMIT = 60.0  # seconds per input: far above any honest read of these sizes
MEMORY_LIMIT = 300 * 1024 * 1024  # bytes of peak RSS per input (issue 18)
MB = 1024 * 1024

HEADER = "Name,Email,Phone,Company,Notes\n"


def _rows(count: int) -> str:
    return "".join(f"张{i},u{i}@example.com,1380013{i % 10_000:04d},客户{i % 50},note {i}\n"
                   for i in range(count))


def _cards(count: int) -> str:
    return "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张{i}\r\nN:张;{i};;;\r\n"
                   f"EMAIL:u{i}@example.com\r\nTEL:1380013{i % 10_000:04d}\r\nEND:VCARD\r\n"
                   for i in range(count))


def _zip(path: Path, parts: dict[str, bytes | str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def attacks(folder: Path) -> Iterator[tuple[str, Path]]:
    """(name, file) of every hand-made attack."""
    def put(name: str, data: str | bytes) -> Path:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    yield "30 MB cell", put("cell.csv", HEADER + 'A,a@x.org,1,C,"' + "x" * (30 * MB) + '"\n')
    yield "open quote before 20 MB", put("quote.csv", HEADER + '"A,a@x.org\n' + _rows(300_000))
    yield "30 MB line", put("line.csv", HEADER + "y" * (30 * MB))
    yield "100,000 columns", put("wide.csv", HEADER + ",".join(["z"] * 100_000) + "\n")
    yield "20 MB of rows", put("rows.csv", HEADER + _rows(300_000))
    yield "20 MB UTF-16", put("utf16.csv", (HEADER + _rows(150_000)).encode("utf-16"))
    yield "20 MB binary", put("binary.csv", os.urandom(20 * MB))
    yield "1,000,000 empty lines", put("empty.csv", HEADER + "\n" * 1_000_000)
    bomb = folder / "bomb.xlsx"
    _zip(bomb, {"[Content_Types].xml": "<Types/>",
                "xl/worksheets/sheet1.xml": b"<" + b" " * (1200 * MB) + b">"})
    yield "xlsx zip bomb (1.2 GB)", bomb
    strings = folder / "strings.xlsx"
    _zip(strings, {"[Content_Types].xml": "<Types/>",
                   "xl/sharedStrings.xml": b"<sst>" + b"<si><t>a</t></si>" * (8 * MB) + b"</sst>"})
    yield "xlsx shared-strings bomb", strings
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "".join("\r\n " + "Q" * 75 for _ in range(280_000))
    yield "20 MB PHOTO", put("photo.vcf", "BEGIN:VCARD\r\nFN:Big\r\n" + photo +
                                 "\r\nEND:VCARD\r\n")
    yield "10,000 nested vCards", put("nested.vcf", "BEGIN:VCARD\r\nFN:x\r\n" * 10_000 +
                                      "END:VCARD\r\n" * 10_000)
    yield "fold bomb", put("fold.vcf", "BEGIN:VCARD\r\nNOTE:a" + "\r\n b" * 5_000_000 +
                           "\r\nEND:VCARD\r\n")
    yield "30 MB vCard line", put("oneline.vcf", "BEGIN:VCARD\r\nFN:" + "w" * (30 * MB))
    yield "20 MB of vCards", put("cards.vcf", _cards(150_000))


def mutations(folder: Path, count: int, rng: random.Random) -> Iterator[tuple[str, Path]]:
    """Large valid files (1-20 MB) with a few byte-level mutations each: the harness's
    mutations, at sizes its 4 KB inputs never reach."""
    from .harness import mutate

    base_csv = (HEADER + _rows(60_000)).encode("utf-8")
    base_vcf = _cards(40_000).encode("utf-8")
    for number in range(count):
        base, suffix = (base_csv, ".csv") if number % 2 == 0 else (base_vcf, ".vcf")
        size = rng.randint(1, 20) * MB
        data = (base * (size // len(base) + 1))[:size]
        # Mutate a few windows, so the work stays linear in the size.
        pieces = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            start = rng.randrange(len(pieces))
            window = bytes(pieces[start:start + 4096])
            pieces[start:start + 4096] = mutate(window, rng, [window], 64 * 1024)
        path = folder / f"mutated-{number}{suffix}"
        path.write_bytes(bytes(pieces))
        yield f"mutation {number} ({size // MB} MB{suffix})", path


def read_all(path: Path) -> int:
    rows = 0
    for _ in open_source(path).rows():
        rows += 1
    return rows


def judge(name: str, path: Path, read: Callable[[Path], int] = read_all) -> dict[str, object]:
    """Read *path* in a forked child; its outcome, time and peak memory."""
    reader, writer = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        try:
            outcome = f"accepted {read(path)} rows"
        except ImportFileError as error:
            outcome = f"refused: {error}"
        except BaseException as error:
            outcome = f"FAILURE {type(error).__name__}: {str(error)[:200]}"
        os.write(writer, outcome.encode("utf-8", "replace")[:4000])
        os._exit(0)
    os.close(writer)
    deadline = started + TIME_LIMIT
    while True:
        finished, _status, usage = os.wait4(pid, os.WNOHANG)
        if finished:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, _status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.01)
    seconds = time.monotonic() - started
    with os.fdopen(reader, "rb") as pipe:
        outcome = pipe.read().decode("utf-8", "replace") or "FAILURE: no answer (hang?)"
    peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    problems = []
    if outcome.startswith("FAILURE"):
        problems.append(outcome)
    if seconds > TIME_LIMIT:
        problems.append(f"over the time limit ({seconds:.0f} s)")
    if peak > MEMORY_LIMIT:
        problems.append(f"peak memory {peak / MB:.0f} MB over {MEMORY_LIMIT / MB:.0f} MB")
    return {"input": name, "bytes": path.stat().st_size, "outcome": outcome[:160],
            "seconds": round(seconds, 2), "peak_mb": round(peak / MB), "problems": problems}


def main() -> None:
    folder, count, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    results = []
    for name, path in (*attacks(folder), *mutations(folder, count, rng)):
        results.append(judge(name, path))
        path.unlink()  # tens of MB each: do not keep them all on disk
    print(json.dumps(results, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
