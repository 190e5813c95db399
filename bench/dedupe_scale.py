"""Duplicate scan at scale through the service the Duplicates window calls
(DuplicateService.scan), on a real database file filled with labelled records from
bench/dedupe_data.py; plus the check of one typed record (check_contact) against it.

    PYTHONPATH=src .venv/bin/python bench/dedupe_scale.py --contacts 100000 [--no-birth]

The file is built once under bench/.data/dedupe-N[-nobirth]/ (migrated by the app, rows
streamed in with plain sqlite3). The scan
runs in a fresh process so its peak RSS is the scan's own. Printed: wall and CPU seconds
(the CPU figure is the one to compare on a shared machine) with the load average, peak RSS,
pairs compared, precision/recall/F1 of the groups at the default threshold, and the raw
sqlite3 time to read the same columns (the floor any scan pays), as a ratio.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dedupe_data import generate, without_birth_dates
from generate import NOW, Writer, _uuid

from desk_crm.domain.names import company_sort_key, display_name, sort_key
from desk_crm.store.database import open_database

HERE = Path(__file__).parent


def build(path: Path, contacts: int, birth: bool) -> None:
    database = open_database(path, path.parent / "backups")
    database.close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    labelled = generate(int(contacts / 1.72), seed=20)
    if not birth:
        labelled = without_birth_dates(labelled)
    rng = random.Random(5)
    accounts = Writer(connection, "account", search=False)
    account_ids: dict[str, str] = {}
    people = Writer(connection, "contact", search=False)
    labels = []
    for number, (entity, record) in enumerate(labelled, 1):
        account = None
        if record.company:
            if record.company not in account_ids:
                account_ids[record.company] = _uuid(rng)
                accounts.add({"pk": len(account_ids), "id": account_ids[record.company],
                              "name": record.company,
                              "name_sort": company_sort_key(record.company), "tags": "[]"})
            account = account_ids[record.company]
        contact_id = _uuid(rng)
        labels.append((contact_id, entity))
        emails = [{"value": e.casefold(), "label": "", "primary": i == 0}
                  for i, e in enumerate(record.emails)]
        phones = [{"value": p, "label": "", "primary": i == 0}
                  for i, p in enumerate(record.phones)]
        people.add({"pk": number, "id": contact_id, "family_name": record.family_name,
                    "given_name": record.given_name,
                    "display_name": display_name(record.family_name, record.given_name),
                    "sort_name": sort_key(record.family_name, record.given_name),
                    "account_id": account, "emails": json.dumps(emails),
                    "phones": json.dumps(phones),
                    "primary_email": emails[0]["value"] if emails else "",
                    "primary_phone": phones[0]["value"] if phones else "",
                    "street": record.street, "street2": record.street2,
                    "postal_code": record.postal_code, "city": record.city,
                    "region": record.region, "birth_date": record.birth_date or None,
                    "tags": "[]", "updated_at": NOW})
    accounts.flush()
    people.flush()
    connection.commit()
    connection.close()
    (path.parent / "labels.json").write_text(json.dumps(labels))


def scan_in_this_process(path: Path) -> None:
    from desk_crm.services.bundle import build_services

    database = open_database(path, path.parent / "backups")
    services = build_services(database, actor="bench")
    start, cpu_start = time.perf_counter(), time.process_time()
    steps: list[int] = []
    marks: list[tuple[int, float, float, float, float]] = []

    def progress(done: int, _total: int) -> None:
        steps.append(done)
        if not marks or marks[-1][0] != done:
            marks.append((done, time.perf_counter() - start, time.process_time() - cpu_start,
                          *_memory()))

    found = services.duplicates.scan(progress=progress)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    marks.append((101, seconds, cpu, *_memory()))
    load = os.getloadavg()[0]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    groups = found.groups()
    predicted = {tuple(sorted(p)) for g in groups for p in itertools.combinations(g.members, 2)}
    labels = dict(json.loads((path.parent / "labels.json").read_text()))
    by_entity: dict[int, list[str]] = {}
    for contact_id, entity in labels.items():
        by_entity.setdefault(entity, []).append(contact_id)
    truth = {tuple(sorted(p)) for m in by_entity.values() for p in itertools.combinations(m, 2)}
    hits = len(predicted & truth)
    precision, recall = hits / max(len(predicted), 1), hits / max(len(truth), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    checks = _checks(services, path)
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "load": load, "rss_mb": rss,
                      "pairs": found.result.candidates,
                      "groups": len(groups), "precision": precision, "recall": recall,
                      "f1": f1, "progress_reports": len(steps),
                      "phases": _phases(marks), **checks}))
    database.close()


def _memory() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MB."""
    status = Path("/proc/self/status").read_text().split("\n")
    found = {line.split(":")[0]: int(line.split()[1]) / 1024 for line in status
             if line.startswith(("VmRSS", "VmHWM"))}
    return found.get("VmRSS", 0.0), found.get("VmHWM", 0.0)


# Where each phase ends on the service's 0..100 progress scale (loading 0-25, then the
# domain scan's 0..100 mapped onto 25..100: blocking to 10, pass 1 to 80, u + EM to 85;
# the table's freeze after the last page counts with blocking).
_PHASE_ENDS = (("load", 25), ("freeze + blocking", 32), ("pass 1", 85), ("u + EM", 88),
               ("pass 2", 100), ("end", 101))


def _phases(marks: list[tuple[int, float, float, float, float]]) -> list[dict[str, object]]:
    """Wall / CPU seconds of each phase, the RSS at its end and the peak so far."""
    out: list[dict[str, object]] = []
    last_wall = last_cpu = 0.0
    for name, end in _PHASE_ENDS:
        mark = next((m for m in marks if m[0] >= end), marks[-1])
        out.append({"phase": name, "wall": round(mark[1] - last_wall, 1),
                    "cpu": round(mark[2] - last_cpu, 1), "rss_mb": round(mark[3]),
                    "peak_mb": round(mark[4])})
        last_wall, last_cpu = mark[1], mark[2]
    return out


def _checks(services: object, path: Path) -> dict[str, float]:
    """Timing of the check of one typed record: existing contacts with one typo."""
    from desk_crm.domain.linkage.record import PersonRecord

    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT family_name, given_name, street, postal_code, city, region, birth_date "
        "FROM contact ORDER BY random() LIMIT 200").fetchall()
    connection.close()
    times = []
    flagged = 0
    for family, given, street, postcode, city, region, birth in rows:
        typo = family[:-2] + family[-1] + family[-2] if len(family) >= 3 else family
        record = PersonRecord("", typo, given, street, "", postcode, city, region,
                              birth or "")
        start = time.perf_counter()
        found = services.duplicates.check_contact(record)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
        flagged += bool(found)
    times.sort()
    return {"check_p50_ms": times[len(times) // 2], "check_p95_ms": times[int(len(times) * .95)],
            "check_flagged_share": flagged / len(rows)}


def raw_read(path: Path) -> float:
    connection = sqlite3.connect(path)
    start = time.perf_counter()
    for _row in connection.execute(
            "SELECT c.id, c.family_name, c.given_name, c.street, c.street2, c.postal_code, "
            "c.city, c.region, c.birth_date, c.primary_email, c.primary_phone, a.name "
            "FROM contact c LEFT JOIN account a ON a.id = c.account_id "
            "WHERE c.deleted_at IS NULL ORDER BY c.pk"):
        pass
    seconds = time.perf_counter() - start
    connection.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--no-birth", action="store_true")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--scan", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scan:
        scan_in_this_process(args.scan)
        return
    folder = HERE / ".data" / f"dedupe-{args.contacts}{'-nobirth' if args.no_birth else ''}"
    path = folder / "crm.sqlite3"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build(path, args.contacts, not args.no_birth)
        print(f"built {path} in {time.perf_counter() - started:.0f} s", flush=True)
    if args.build_only:
        return
    raw = raw_read(path)
    output = subprocess.run([sys.executable, __file__, "--scan", str(path)], check=True,
                            capture_output=True, text=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    print(f"{args.contacts:,} contacts ({'no ' if args.no_birth else ''}birth dates): "
          f"scan {figures['seconds']:.1f} s wall, {figures['cpu_seconds']:.1f} s CPU "
          f"(load average {figures['load']:.1f}; raw read {raw:.1f} s, ratio "
          f"{figures['seconds'] / raw:.0f}x), peak RSS {figures['rss_mb']:.0f} MB, "
          f"{figures['pairs']:,} pairs, {figures['groups']:,} groups, "
          f"precision {figures['precision']:.3f} recall {figures['recall']:.3f} "
          f"F1 {figures['f1']:.3f}; check of one record p50 {figures['check_p50_ms']:.1f} ms "
          f"p95 {figures['check_p95_ms']:.1f} ms (flagged {figures['check_flagged_share']:.0%})")
    for phase in figures["phases"]:
        print(f"  {phase['phase']:>17}: {phase['wall']:6.1f} s wall {phase['cpu']:6.1f} s CPU, "
              f"RSS after {phase['rss_mb']} MB, peak so far {phase['peak_mb']} MB")


if __name__ == "__main__":
    main()
