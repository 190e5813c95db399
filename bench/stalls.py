"""UI-thread stalls at scale: the walk of tests/ui/test_no_stalls.py (every area, every
main-menu action) over a generated database of N contacts, with the stall probe on.

    PYTHONPATH=src .venv/bin/python bench/stalls.py [--contacts 1000000] [--db FILE]

Prints the longest own stall per step (time the OS kept the UI thread waiting for a CPU is
not counted; ui/stall_probe.py), then the worst ones with the code that was running, and
"ratio" lines against 100 ms, the budget the test enforces on a demo database. The
database is generated with bench/generate.py on first use (1M contacts: minutes).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the walk and the message-box stand-ins
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="an existing bench/generate.py database")
    parser.add_argument("--show", type=int, default=5, help="worst stalls shown in full")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk_crm.services.bundle import build_services
    from desk_crm.settings import Settings
    from desk_crm.store.database import open_database
    from desk_crm.ui.events import AppEvents
    from desk_crm.ui.main_window import MainWindow
    from desk_crm.ui.stall_probe import StallProbe
    from helpers.stall_walk import walk_the_app
    from ui.message_boxes import BOX_KINDS, MessageBoxes

    path = args.db or HERE / ".data" / f"n-{args.contacts}" / "crm.sqlite3"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate(path, args.contacts)
        print(f"generated {args.contacts} contacts in {time.perf_counter() - started:.0f} s")
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    boxes = MessageBoxes(discard_everything=True)
    for kind in BOX_KINDS:
        setattr(QMessageBox, kind, staticmethod(boxes.box(kind)))
    scratch = Path(tempfile.mkdtemp(prefix="desk-crm-stalls-"))
    database = open_database(path, scratch / "backups")
    services = build_services(database, actor="bench")
    window = MainWindow(services, Settings(scratch / "settings.ini"), AppEvents(), path)
    window.show()

    def wait(ms: int) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.002)

    wait(500)
    probe = StallProbe(50.0)
    probe.start()
    longest = walk_the_app(wait, window, probe)
    probe.stop()
    print(f"longest own UI-thread stall per step, {args.contacts:,} contacts:")
    for name, ms in sorted(longest.items(), key=lambda item: -item[1]):
        print(f"{ms:8.0f} ms  ratio {ms / 100:5.2f}  {name}")
    over = sorted((s for s in probe.stalls if s.own_ms > 100), key=lambda s: -s.own_ms)
    print(f"\n{len(over)} stalls over 100 ms; the worst {min(args.show, len(over))}:")
    for stall in over[:args.show]:
        print("\n" + stall.describe())
    window.close()
    from PySide6.QtCore import QThreadPool

    from desk_crm.ui.operations import writer_pool

    QThreadPool.globalInstance().waitForDone()
    writer_pool().waitForDone()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
