"""The scale benchmark behind ``bench/run``: each figure beside a raw sqlite3 baseline on
the same file, for 100k and 1M contacts (``--quick``: 100k only).

Figures: start to first paint of the contacts list (whole ``python -m desk_crm`` process,
median of 3), its peak RSS, jump to the middle/end and re-sort of the list model, global
search p50/p95 over Latin, Chinese and digit queries, and insert/update throughput through
the service layer against plain sqlite3 statements doing the same row writes.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.domain.search_text import match_query
from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.store.derived import SEARCH_INDEXES
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.columns import contact_columns
from desk_crm.ui.list_model import PagedTableModel, RecordIdRole

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
QUERIES = ["smith", "anna", "gar", "king", "王", "李娜", "欧阳", "报价", "华为", "13800012",
           "1380099", "user4242", "example17", "acme", "send quote", "秀英"]
WRITES = 300
TARGETS = {"first paint": 1000.0, "jump/sort": 50.0, "search p95": 30.0, "rss": 300.0}


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def row(name: str, value: float, baseline: float | None, unit: str = "ms",
        target: str = "") -> str:
    ratio = f"{value / baseline:6.1f}x" if baseline else "     -"
    base = f"{baseline:9.1f} {unit}" if baseline is not None else " " * (10 + len(unit))
    return f"  {name:<34}{value:9.1f} {unit}  {base}  {ratio}  {target}"


def ensure_data(contacts: int) -> Path:
    folder = HERE / ".data" / f"n-{contacts}"
    path = folder / "crm.sqlite3"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(path),
                        "--contacts", str(contacts)], check=True,
                       env={**os.environ, "PYTHONPATH": str(SRC)})
    return path


def first_paint(folder: Path) -> tuple[float, float, float]:
    """(wall ms to the first-paint line, in-app ms, peak RSS MB) of one whole process."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "DESK_CRM_EXIT_AFTER_PAINT": "1",
           "QT_QPA_PLATFORM": "offscreen"}
    # An installed app runs from byte code; with PYTHONDONTWRITEBYTECODE set (some shells
    # and CI images) every start would compile ~700 modules again (+2 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SRC)], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "desk_crm", "--data-dir", str(folder)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                               text=True)
    wall = inner = float("nan")
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("first-paint-ms"):
            wall = (time.perf_counter() - started) * 1000
            inner = float(line.split()[1])
    _pid, _status, usage = os.wait4(process.pid, 0)
    return wall, inner, usage.ru_maxrss / 1024


def raw_first_page(path: Path) -> float:
    """A fresh Python process that opens the file and reads the first 200 rows."""
    code = ("import sqlite3,sys;c=sqlite3.connect(sys.argv[1]);c.execute('SELECT c.pk, "
            "c.display_name, c.title, c.primary_email, c.primary_phone, c.city FROM contact c "
            "WHERE c.deleted_at IS NULL ORDER BY c.sort_name, c.pk LIMIT 200').fetchall();"
            "print(c.execute('SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL')"
            ".fetchone())")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(path)], check=True,
                   stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def bench_size(contacts: int, app: QApplication) -> list[str]:
    path = ensure_data(contacts)
    lines = [f"N = {contacts:,} contacts ({path.stat().st_size / 1e6:,.0f} MB file)",
             f"  {'':<34}{'desk-crm':>12}  {'raw sqlite3':>12}  {'ratio':>7}  target"]
    runs = [first_paint(path.parent) for _ in range(3)]
    wall = statistics.median(r[0] for r in runs)
    rss = max(r[2] for r in runs)
    raw_start = statistics.median(raw_first_page(path) for _ in range(3))
    lines.append(row("start to first paint (process)", wall, raw_start,
                     target=f"<= {TARGETS['first paint']:.0f} ms"))
    lines.append(row("  of which after desk_crm.app import", statistics.median(
        r[1] for r in runs), None))
    lines.append(row("peak RSS of the app", rss, None, "MB",
                     target=f"<= {TARGETS['rss']:.0f} MB"))

    database = open_database(path, path.parent / "backups")
    services = build_services(database, actor="bench")
    raw = sqlite3.connect(path)
    columns = contact_columns("CN")
    live = raw.execute("SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL").fetchone()[0]

    def model_at(row_number: int, sort_key: str | None = None) -> object:
        model = PagedTableModel(services.lists, columns, ListQuery("contact", sort_key=sort_key))
        return model.data(model.index(row_number, 0), RecordIdRole)

    def raw_at(offset: int, order: str = "sort_name, pk") -> object:
        keys = raw.execute(f"SELECT pk FROM contact WHERE deleted_at IS NULL ORDER BY {order} "
                           f"LIMIT 200 OFFSET {offset}").fetchall()
        marks = ",".join(str(k[0]) for k in keys)
        return raw.execute("SELECT c.pk, c.display_name, a.name FROM contact c LEFT JOIN "
                           f"account a ON a.id = c.account_id WHERE c.pk IN ({marks})").fetchall()

    for label, position in (("middle", live // 2), ("end", live - 1)):
        lines.append(row(f"open list + jump to the {label}", median_ms(
            lambda p=position: model_at(p)), median_ms(lambda p=position: raw_at(p // 200 * 200)),
            target=f"<= {TARGETS['jump/sort']:.0f} ms"))
    lines.append(row("re-sort by city, first page", median_ms(lambda: model_at(0, "city")),
                     median_ms(lambda: raw_at(0, "city, pk")),
                     target=f"<= {TARGETS['jump/sort']:.0f} ms"))
    lines.append(row("re-sort by city, jump to middle", median_ms(
        lambda: model_at(live // 2, "city")), median_ms(
        lambda: raw_at(live // 2 // 200 * 200, "city, pk")),
        target=f"<= {TARGETS['jump/sort']:.0f} ms"))
    lines.append(row("re-sort by account (joined column)", median_ms(
        lambda: model_at(0, "account"), repeat=1), None, target="not indexable"))

    samples, raw_samples = [], []
    for text in QUERIES * 3:
        started = time.perf_counter()
        services.search.search(text)
        samples.append((time.perf_counter() - started) * 1000)
        match = match_query(text)
        started = time.perf_counter()
        for index in SEARCH_INDEXES.values():
            raw.execute(f"SELECT t.id FROM {index.fts_table} f JOIN {index.table} t ON "
                        f"t.pk = f.rowid WHERE {index.fts_table} MATCH ? AND t.deleted_at "
                        "IS NULL LIMIT 5", (match,)).fetchall()
        raw_samples.append((time.perf_counter() - started) * 1000)

    def pct(values: list[float], p: float) -> float:
        return sorted(values)[min(len(values) - 1, int(len(values) * p))]

    lines.append(row("global search p50", pct(samples, 0.5), pct(raw_samples, 0.5)))
    lines.append(row("global search p95", pct(samples, 0.95), pct(raw_samples, 0.95),
                     target=f"<= {TARGETS['search p95']:.0f} ms"))
    for text in ("smith", "王"):  # Ctrl+F in the list: capped count + first page
        lines.append(row(f"list search '{text}' (count+page)", median_ms(
            lambda t=text: _search_model(services, columns, t)), None,
            target="UI thread <= 100 ms"))

    lines += writes(services, raw)
    raw.close()
    database.close()
    return lines


def _search_model(services: object, columns: tuple, text: str) -> object:
    model = PagedTableModel(services.lists, columns,  # type: ignore[attr-defined]
                            ListQuery("contact", search=text))
    return model.data(model.index(0, 0), RecordIdRole)


def writes(services: object, raw: sqlite3.Connection) -> list[str]:
    """Saves through ContactService (validation, change log, FTS, contact points, one
    transaction each) against raw INSERT/UPDATE of the contact row, one transaction each."""
    raw.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    saved = []
    for n in range(WRITES):
        saved.append(services.contacts.save(ContactDraft(  # type: ignore[attr-defined]
            family_name="Bench", given_name=f"Writer{n}",
            emails=(ContactPoint(f"bench{n}@example.com"),),
            phones=(ContactPoint(f"139{n:08d}"),))))
    service_insert = WRITES / (time.perf_counter() - started)
    started = time.perf_counter()
    for n, record in enumerate(saved):
        services.contacts.save(ContactDraft(  # type: ignore[attr-defined]
            family_name="Bench", given_name=f"Edited{n}",
            emails=(ContactPoint(f"bench{n}@example.com"),)), record.id, record.version)
    service_update = WRITES / (time.perf_counter() - started)
    # The same rows the service writes, as plain statements: the contact, its FTS row,
    # two contact points and a change-log line, one transaction per record.
    now = "2026-11-23T00:00:00.000000Z"
    pks = []
    started = time.perf_counter()
    for n in range(WRITES):
        record_id = f"raw-{n}-{time.time_ns()}"
        with raw:
            cursor = raw.execute(
                "INSERT INTO contact(id, created_at, updated_at, version, family_name, "
                "given_name, display_name, sort_name, title, department, emails, phones, "
                "primary_email, primary_phone, street, city, region, postal_code, country, "
                "tags, notes) VALUES (?, ?, ?, 1, 'Raw', ?, ?, ?, '', '', ?, ?, ?, ?, '', "
                "'', '', '', '', '[]', '')",
                (record_id, now, now, f"W{n}", f"W{n} Raw", f"raw w{n}",
                 f'[{{"value": "raw{n}@example.com"}}]', f'[{{"value": "139{n:08d}"}}]',
                 f"raw{n}@example.com", f"139{n:08d}"))
            pks.append((cursor.lastrowid, record_id))
            _raw_derived(raw, cursor.lastrowid, record_id, f"W{n} Raw raw{n}@example.com",
                         now, "insert")
    raw_insert = WRITES / (time.perf_counter() - started)
    started = time.perf_counter()
    for n, (pk, record_id) in enumerate(pks):
        with raw:
            raw.execute("UPDATE contact SET given_name = ?, display_name = ?, "
                        "version = version + 1, updated_at = ? WHERE pk = ?",
                        (f"E{n}", f"E{n} Raw", now, pk))
            _raw_derived(raw, pk, record_id, f"E{n} Raw raw{n}@example.com", now, "update")
    raw_update = WRITES / (time.perf_counter() - started)
    with raw:
        raw.execute("DELETE FROM contact_point WHERE contact_id LIKE 'raw-%'")
        raw.execute("DELETE FROM contact WHERE family_name = 'Raw'")
    return [row("inserts/s via ContactService", service_insert, raw_insert, "/s",
                target=">= 1/3 of raw (ratio >= 0.33)"),
            row("updates/s via ContactService", service_update, raw_update, "/s",
                target=">= 1/3 of raw (ratio >= 0.33)")]


def _raw_derived(raw: sqlite3.Connection, pk: int | None, record_id: str, body: str,
                 now: str, operation: str) -> None:
    raw.execute("DELETE FROM contact_fts WHERE rowid = ?", (pk,))
    raw.execute("INSERT INTO contact_fts(rowid, body) VALUES (?, ?)", (pk, body))
    raw.execute("DELETE FROM contact_point WHERE contact_id = ?", (record_id,))
    raw.executemany("INSERT INTO contact_point(contact_id, kind, value) VALUES (?, ?, ?)",
                    [(record_id, "email", body.split()[-1]), (record_id, "phone", "139")])
    raw.execute("INSERT INTO change_log(mutation_id, entity, record_id, operation, changes, "
                "actor, at, sync_state) VALUES (?, 'contact', ?, ?, '{}', 'raw', ?, "
                "'pending')", (record_id, record_id, operation, now))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    except OSError:
        memory = float("nan")
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores "
            f"(nproc), {cpu}, {memory:.0f} GB RAM, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100k contacts only")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(machine(), flush=True)
    for contacts in (100_000,) if args.quick else (100_000, 1_000_000):
        for line in bench_size(contacts, app):
            print(line, flush=True)
    print(f"(bench process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
          " MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
