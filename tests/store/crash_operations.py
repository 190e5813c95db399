"""Fault injection for tests/store/test_crash_operations.py: SIGKILL at random moments of
every operation around the store — import, backup, restore, encryption on/off, bulk edit,
merge, sync — then start again as the app does and check that nothing was lost.

One process (this script) imports everything once and forks a child per operation, so a
kill costs milliseconds of set-up instead of an interpreter start. The child is killed
after a random delay (or finishes first); a second child then does what a start does
(leftover temporaries removed, killed imports marked interrupted and resumed, a killed
encryption finished) and this process checks, with raw connections only:

- integrity_check, foreign keys, and the change-log rule (version = change_log rows);
- no record lost: the total of contact rows never shrinks, except a restore, which gives
  exactly the backup's total;
- every listed backup passes its full check; no import left "running";
- with encryption on, no plaintext SQLite file beside the database or among the backups.

    python crash_operations.py WORKDIR KILLS SEED     prints one JSON line at the end
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from contextlib import closing
from pathlib import Path

from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bulk import BulkChanges
from desk_crm.services.bundle import build_services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store import atomic, backup, encryption
from desk_crm.store.database import open_database
from desk_crm.store.engine import connect_raw, is_plain_sqlite
from desk_crm.store.integrity import consistency_problems, damage

OPERATIONS = ("import", "backup", "restore", "encryption", "bulk edit", "merge", "sync")
KEY = "crash-test passphrase 密码"
ROWS = 400  # per import file


def _key(database: Path) -> str | None:
    return KEY if encryption.is_encrypted(database) else None


def _total(database: Path, key: str | None) -> int:
    with closing(connect_raw(database, key)) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM contact").fetchone()[0])


def _write_file(path: Path, seed: int) -> None:
    path.write_text("Family name,Given name,Email,Company\n" + "".join(
        f"张{seed},三{i},c{seed}-{i}@example.com,Firm {i % 9}\n" for i in range(ROWS)),
        encoding="utf-8")


def _open(data: Path):  # -> Database, Services
    database = open_database(data / "crm.sqlite3", data / "backups", _key(data / "crm.sqlite3"))
    return database, build_services(database, "crash")


def operate(operation: str, data: Path, seed: int) -> None:
    """Runs in the child that gets killed."""
    rng = random.Random(seed)
    db, folder = data / "crm.sqlite3", data / "backups"
    key = _key(db)
    if operation == "backup":
        backup.backup_file(db, folder, "manual", key)
        return
    if operation == "restore":
        good = backup.newest_good(folder, key)
        if good is not None:
            backup.restore_file(good.path, db, key)
        return
    if operation == "encryption":
        if key is None:
            encryption.encrypt_with_backups(db, folder, KEY)
        else:
            encryption.decrypt_with_backups(db, folder, KEY)
        return
    database, services = _open(data)
    if operation == "import":
        path = data / f"import-{seed}.csv"
        _write_file(path, seed)
        source = open_source(path)
        entity = IMPORT_ENTITIES["contact"]
        rules = tuple(ColumnRule(t) for t in guess_mapping(entity, list(source.headers)))
        services.backups.backup_before("import")
        services.imports.run(source, ImportSettings("contact", rules, match_key="email"))
    elif operation == "bulk edit":
        with closing(connect_raw(db, key)) as connection:
            ids = [r[0] for r in connection.execute(
                "SELECT id FROM contact WHERE deleted_at IS NULL ORDER BY random() LIMIT 600")]
        pages = [ids[i:i + 200] for i in range(0, len(ids), 200)]
        services.bulk.apply_pages("contact", pages, BulkChanges(city=f"City {seed}"))
    elif operation == "merge":
        with closing(connect_raw(db, key)) as connection:
            ids = [r[0] for r in connection.execute(
                "SELECT id FROM contact WHERE deleted_at IS NULL ORDER BY random() LIMIT 3")]
        if len(ids) >= 2:
            services.merges.merge(ids[0], ids[1:])
    elif operation == "sync":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from desk_crm.sync.engine import RetryPolicy, SyncEngine
        from sync.fake_adapter import FakeAdapter, FakeServer

        # Each run stands for the same remote CRM, whose ids never repeat; a fresh fake
        # server per run would hand out ids the local links from earlier runs still hold.
        server = FakeServer(first_id=seed * 1_000_000)
        for number in range(rng.randint(50, 200)):
            server.write("account", None, {"name": f"Remote {seed}-{number}", "email": "",
                                           "phone": ""})
        SyncEngine(database.session_factory, FakeAdapter(server), sleep=lambda _s: None,
                   retry=RetryPolicy(attempts=2, base_delay=0.01), seed=seed).run()
    database.close()


def start_again(data: Path) -> None:
    """What the next start does (a child that is not killed)."""
    db, folder = data / "crm.sqlite3", data / "backups"
    atomic.remove_leftovers(data)
    atomic.remove_leftovers(folder)
    key = _key(db)
    if key is not None:
        encryption.secure_leftovers(db, folder, key)
    if damage(db, key, bool(backup.list_backups(folder))):
        raise SystemExit(f"damaged after a kill: {damage(db, key, True)}")
    database, services = _open(data)
    for batch in services.imports.mark_interrupted():
        report = services.imports.resume(batch)  # every killed import can be finished
        if report.status != "completed":
            raise SystemExit(f"resume of {batch} ended {report.status}")
    database.close()


def _fork(fn, *args: object) -> int:
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            fn(*args)
        except BaseException as error:  # report, then leave without Python's clean-up
            print(f"CHILD ERROR {type(error).__name__}: {error}", file=sys.stderr, flush=True)
            code = 3
        finally:
            os._exit(code)
    return pid


def _check(data: Path, operation: str, before: int, restored_total: int | None) -> list[str]:
    db, folder = data / "crm.sqlite3", data / "backups"
    key = _key(db)
    problems = [f"integrity: {p}" for p in consistency_problems(db, key)[:3]]
    total = _total(db, key)
    if operation == "restore" and restored_total is not None:
        if total not in (before, restored_total):
            problems.append(f"restore gave {total} contacts, neither {before} nor "
                            f"the backup's {restored_total}")
    elif total < before:
        problems.append(f"{before - total} contacts lost ({before} -> {total})")
    for info in backup.list_backups(folder):
        if backup.backup_problems(info.path, key) and \
                backup.backup_problems(info.path, None if key else KEY):
            problems.append(f"listed backup {info.path.name} fails its check")
    with closing(connect_raw(db, key)) as connection:
        running = connection.execute(
            "SELECT COUNT(*) FROM import_batch WHERE status = 'running'").fetchone()[0]
    if running:
        problems.append(f"{running} import(s) still running")
    if key is not None:
        for path in (*data.iterdir(), *folder.iterdir()):
            if path.is_file() and path.stat().st_size > 0 and not path.name.endswith(
                    ("-wal", "-shm", ".csv", ".lock", ".pid", ".ini")) and \
                    is_plain_sqlite(path):
                problems.append(f"plaintext copy {path.name} with encryption on")
    return problems


def main() -> None:
    data, kills, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    data.mkdir(parents=True, exist_ok=True)
    # Set-up (also warms every import the children use).
    database, _services = _open(data)
    database.close()
    for number in range(3):
        pid = _fork(operate, "import", data, 10_000 + number)
        os.waitpid(pid, 0)
    pid = _fork(operate, "backup", data, 1)
    os.waitpid(pid, 0)
    done = {name: 0 for name in OPERATIONS}
    killed = {name: 0 for name in OPERATIONS}
    failures: list[str] = []
    started = time.monotonic()
    delays = {"import": 1.5, "backup": 0.3, "restore": 0.4, "encryption": 1.0,
              "bulk edit": 0.8, "merge": 0.5, "sync": 1.0}
    runs = 0
    while sum(killed.values()) < kills:
        runs += 1
        operation = rng.choice(OPERATIONS)
        db = data / "crm.sqlite3"
        key = _key(db)
        before = _total(db, key)
        good = backup.newest_good(data / "backups", key) if operation == "restore" else None
        restored_total = _total(good.path, key) if good is not None else None
        pid = _fork(operate, operation, data, runs)
        deadline = time.monotonic() + rng.uniform(0.0, delays[operation])
        status = None
        while time.monotonic() < deadline:
            finished, status = os.waitpid(pid, os.WNOHANG)
            if finished:
                break
            time.sleep(0.002)
        else:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            killed[operation] += 1
        elif os.WEXITSTATUS(status) == 0:
            done[operation] += 1
        else:
            failures.append(f"run {runs}: {operation} failed by itself")
        recover = _fork(start_again, data)
        _, status = os.waitpid(recover, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            failures.append(f"run {runs}: the start after a killed {operation} failed")
            break
        for problem in _check(data, operation, before, restored_total):
            failures.append(f"run {runs} ({operation}): {problem}")
        if failures:
            break
    key = _key(data / "crm.sqlite3")
    print(json.dumps({"kills": sum(killed.values()), "killed": killed, "finished": done,
                      "runs": runs, "failures": failures[:20],
                      "contacts": _total(data / "crm.sqlite3", key),
                      "seconds": round(time.monotonic() - started, 1)}), flush=True)


if __name__ == "__main__":
    main()
