"""Screenshots of the SLA calendar settings and of a closed ticket's SLA figures, in a
fresh database (offscreen, no X display needed):

    .venv/bin/python tools/sla_screenshots.py --out resources/screenshots [--language zh_CN]

The policy is a lunch-broken week (09:00-12:00, 13:00-18:00), a different Saturday, and
China's 2026 public holidays with their make-up working days seeded from the holidays
package; the preview shows October 2026 (National Day week, make-up Saturday 10 October).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--language", default="en")
    args = parser.parse_args()

    from PySide6.QtCore import QDate, QDateTime, QTime
    from PySide6.QtWidgets import QApplication

    from desk_crm.domain.holiday_sources import public_holidays
    from desk_crm.domain.sla import WITH_LUNCH
    from desk_crm.domain.tickets import SlaPolicyDraft, TicketDraft
    from desk_crm.services.bundle import build_services
    from desk_crm.store.database import open_database
    from desk_crm.ui.editors.ticket_editor import TicketEditor
    from desk_crm.ui.sla_settings import SlaPolicyDialog
    from desk_crm.ui.translations import install_translations

    app = QApplication(sys.argv[:1])
    install_translations(app, args.language)
    chinese = args.language.startswith("zh")
    folder = Path(tempfile.mkdtemp(prefix="sla-shots-"))
    database = open_database(folder / "crm.sqlite3", folder / "backups")
    services = build_services(database, "screenshots")
    listed = public_holidays("CN", 2026, language="zh_CN" if chinese else "en_US")
    make_up = "调休上班" if chinese else "make-up working day"
    names = {**listed.holidays,
             **{day: f"{name} {make_up}" for day, name in listed.extra_days.items()}}
    saturday = ((9 * 60, 12 * 60),)
    services.sla_policies.save(SlaPolicyDraft(
        name="标准服务时间" if chinese else "Office hours", is_default=True,
        timezone="Asia/Shanghai", week=(WITH_LUNCH,) * 5 + (saturday, ()),
        holidays=tuple(listed.holidays), extra_days=tuple(listed.extra_days),
        extra_hours=WITH_LUNCH, day_names=names))
    # Monday 30 November 2026, 09:30 in Shanghai: answered at 12:30 (2 h 30 m of business
    # time, 2 h allowed for "high"), resolved overnight (7 h 30 m of 9 h).
    start = datetime(2026, 11, 30, 1, 30, tzinfo=UTC)
    ticket = services.tickets.save(TicketDraft(
        subject="打印机卡纸，无法打印发票" if chinese else "Printer jams, invoices stuck",
        priority="high"), now=start)
    services.tickets.add_entry(ticket.id, "reply", "已安排工程师" if chinese else "On it",
                               now=start + timedelta(hours=3))
    services.tickets.change_status(ticket.id, "open", start + timedelta(hours=3, minutes=1))
    services.tickets.change_status(ticket.id, "resolved", start + timedelta(hours=20))
    services.tickets.change_status(ticket.id, "closed", start + timedelta(hours=21))
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "en" else f"-{args.language}"

    dialog = SlaPolicyDialog(services)
    dialog.tabs.setCurrentIndex(1)
    dialog.show()
    dialog.preview.calendar.setCurrentPage(2026, 10)
    dialog.preview.calendar.setSelectedDate(QDate(2026, 10, 10))
    dialog.preview.opened.setDateTime(QDateTime(QDate(2026, 9, 30), QTime(16, 0)))
    for _ in range(30):
        app.processEvents()
    target = args.out / f"sla-settings{suffix}.png"
    dialog.grab().save(str(target))
    print(target)
    dialog.tabs.setCurrentIndex(2)
    for _ in range(10):
        app.processEvents()
    target = args.out / f"sla-holidays{suffix}.png"
    dialog.grab().save(str(target))
    print(target)

    editor = TicketEditor(services, ticket.id)
    editor.show()
    for _ in range(30):
        app.processEvents()
    target = args.out / f"ticket-sla{suffix}.png"
    editor.grab().save(str(target))
    print(target)
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
