"""Area pages are built when first shown: start-up pays for the visible list only."""

from __future__ import annotations

from typing import Any

from desk_crm.services.bundle import Services
from desk_crm.ui.main_window import MainWindow

from .factories import add_contact


def test_only_the_shown_page_is_built_until_another_is_shown(
        qtbot: Any, main_window: MainWindow, services: Services) -> None:
    # Before the first paint only the shown list exists. Tickets and Campaigns follow just
    # after it on purpose: Tickets' sidebar entry shows the open-ticket count, Campaigns'
    # the mails to send (and its outbox scheduler sends them).
    assert list(main_window.pages.built()) == ["contacts"]
    qtbot.waitUntil(lambda: len(main_window.pages.built()) == 3, timeout=5000)
    assert list(main_window.pages.built()) == ["contacts", "tickets", "campaigns"]
    add_contact(services, "王", "伟")
    main_window.events.records_changed.emit("contact", "")  # reloads built pages only
    assert list(main_window.pages.built()) == ["contacts", "tickets", "campaigns"]
    assert main_window.pages["contacts"].count() == 1
    main_window.show_area("leads")
    assert set(main_window.pages.built()) == {"contacts", "tickets", "campaigns", "leads"}
    assert main_window.stack.currentWidget() is main_window.pages["leads"]
    assert main_window.count_label.text().endswith(": 0")


def test_iterating_the_pages_builds_each_in_area_order(main_window: MainWindow) -> None:
    names = [name for name, _page in main_window.pages.items()]
    assert names == list(main_window.pages) and len(main_window.pages.built()) == len(names)
    for position, name in enumerate(names):
        assert main_window.stack.widget(position) is main_window.pages[name]
