"""Sample data loads in the background into a shown window, and the window renders
offscreen: a screenshot is written for a person to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QProgressBar

from desk_crm.domain.drafts import ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.demo_loader import load_demo_if_empty
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow


def test_demo_data_loads_in_the_background_and_the_window_renders(
        qtbot: Any, services: Services, shown_window: MainWindow, app_events: AppEvents,
        tmp_path: Path) -> None:
    window = shown_window
    page = window.pages["contacts"]
    assert page.model.rowCount() == 0
    # A small sample keeps the test quick; the full one is the same code with more rows.
    operation = load_demo_if_empty(window, services, app_events, accounts=20, contacts=100)
    assert operation is not None
    # The window stays usable: no modal dialog, progress in the status bar, and the user's
    # own save goes in between the demo's batched writes ("database is locked" before).
    assert window.findChild(QProgressBar, "demoProgress") is not None
    assert QApplication.activeModalWidget() is None
    qtbot.wait(300)
    mine = services.contacts.save(ContactDraft(family_name="Mine", given_name="Own"))
    # 300 demo tickets (service desk) with their SLA history made the demo longer.
    with qtbot.waitSignal(operation.succeeded, timeout=120_000):
        pass
    assert services.contacts.get(mine.id).draft.family_name == "Mine"
    qtbot.waitUntil(lambda: window.findChild(QProgressBar, "demoProgress") is None)
    contacts = services.lists.count(ListQuery("contact"))
    assert contacts > 0
    assert page.model.rowCount() == contacts
    assert window.pages["accounts"].model.rowCount() == services.lists.count(
        ListQuery("account"))
    assert load_demo_if_empty(window, services, app_events) is None  # not twice

    page.table.setCurrentIndex(page.model.index(0, 0))
    image = window.grab().toImage()
    shot = tmp_path / "main_window.png"
    assert image.save(str(shot))
    assert not image.isNull()
    assert image.width() >= 1000 and image.height() >= 600
    assert shot.stat().st_size > 10_000
    # Not a blank frame: the table painted text, so the picture has many colours.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20
