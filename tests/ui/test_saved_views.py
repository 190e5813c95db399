"""Saved views (search + filters + sort + columns) per user and list, and the column
chooser; both survive a restart through the settings file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desk_crm.domain.leads import LeadDraft
from desk_crm.services.bundle import Services
from desk_crm.settings import Settings
from desk_crm.ui.columns import contact_columns
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.sales_lists import LeadListPage
from desk_crm.ui.saved_views import SavedView

from .factories import add_contact


def contacts_page(qtbot: Any, services: Services, settings: Settings,
                  user: str = "me") -> ListPage:
    page = ListPage("contact", "Contacts", services.lists, contact_columns("CN"))
    qtbot.addWidget(page)
    page.attach_views(settings, user)
    return page


def names(page: ListPage) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def hidden(page: ListPage) -> tuple[str, ...]:
    return page.column_chooser.hidden()


def name_the_view(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (name, True))


def test_the_settings_keep_views_per_user_and_list(ui_settings: Settings) -> None:
    ui_settings.set_saved_views("王 伟", "contact", [{"name": "A"}])
    ui_settings.set_saved_views("other", "contact", [{"name": "B"}])
    ui_settings.sync()
    again = Settings(Path(ui_settings._qsettings.fileName()))
    assert again.saved_views("王 伟", "contact") == [{"name": "A"}]
    assert again.saved_views("other", "contact") == [{"name": "B"}]
    assert again.saved_views("王 伟", "lead") == []


def test_a_damaged_views_entry_reads_as_none(ui_settings: Settings) -> None:
    ui_settings._qsettings.setValue("views/me/contact", "{not json")
    assert ui_settings.saved_views("me", "contact") == []
    assert SavedView.from_dict({"no": "name"}) is None


def test_save_a_view_then_switch_away_and_back(
        qtbot: Any, services: Services, ui_settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for family, given in (("王", "伟"), ("王", "芳"), ("Smith", "Anna")):
        add_contact(services, family, given)
    page = contacts_page(qtbot, services, ui_settings)
    page.search.setText("王")
    page.apply_search_now()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    menu = page.column_chooser.menu(page)
    title_action = next(a for a in menu.actions() if a.text() == "Title")
    title_action.setChecked(False)  # hide Title through the chooser
    assert hidden(page) == ("title",)
    name_the_view(monkeypatch, "Wang")
    page.view_bar.save_button.click()
    assert page.view_bar.combo.currentText() == "Wang"
    assert names(page) == ["王芳", "王伟"] or names(page) == ["王伟", "王芳"]
    wang = names(page)

    page.view_bar.combo.setCurrentIndex(0)
    page.view_bar.combo.activated.emit(0)  # "All records"
    assert page.search.text() == "" and len(names(page)) == 3
    assert page.model.query.sort_key is None and not page.model.query.descending

    page.view_bar.combo.setCurrentIndex(1)
    page.view_bar.combo.activated.emit(1)
    assert page.search.text() == "王" and names(page) == wang
    assert page.model.query.descending
    header = page.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert hidden(page) == ("title",)

    ui_settings.sync()  # a restart reads the same view
    again = contacts_page(qtbot, services, Settings(Path(ui_settings._qsettings.fileName())))
    assert [view.name for view in again.views()] == ["Wang"]
    assert again.views()[0] == page.views()[0]


def test_delete_a_view(qtbot: Any, services: Services, ui_settings: Settings,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    page = contacts_page(qtbot, services, ui_settings)
    name_the_view(monkeypatch, "Mine")
    page.view_bar.save_button.click()
    assert page.view_bar.delete_button.isEnabled()
    page.view_bar.delete_button.click()
    assert page.views() == [] and page.view_bar.combo.count() == 1
    assert ui_settings.saved_views("me", "contact") == []


def test_a_lead_view_restores_its_filter_bar(
        qtbot: Any, services: Services, ui_settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    services.leads.save(LeadDraft(family_name="Lee", given_name="Kim", company="K Ltd"))
    page = LeadListPage(services, "Leads")
    qtbot.addWidget(page)
    page.attach_views(ui_settings, "me")
    page.status_filter.setCurrentIndex(page.status_filter.findData("qualified"))
    assert page.model.query.filters == (("status", "qualified"),)
    name_the_view(monkeypatch, "Qualified")
    page.view_bar.save_button.click()
    page.view_bar.combo.setCurrentIndex(0)
    page.view_bar.combo.activated.emit(0)
    assert page.status_filter.currentData() is None and page.model.rowCount() == 1
    page.view_bar.combo.setCurrentIndex(1)
    page.view_bar.combo.activated.emit(1)
    assert page.status_filter.currentData() == "qualified"
    assert page.model.query.filters == (("status", "qualified"),)
    assert page.model.rowCount() == 0


def test_the_column_chooser_keeps_one_column_and_resets(
        qtbot: Any, services: Services, ui_settings: Settings) -> None:
    page = contacts_page(qtbot, services, ui_settings)
    keys = page.column_chooser.keys
    page.column_chooser.set_hidden(tuple(keys))
    assert hidden(page) == tuple(keys[1:])  # never every column
    menu = page.column_chooser.menu(page)
    only = next(a for a in menu.actions() if a.isCheckable() and a.isChecked())
    assert not only.isEnabled()
    page.table.horizontalHeader().moveSection(0, 3)
    reset = next(a for a in menu.actions() if a.text() == "Reset columns")
    reset.trigger()
    assert hidden(page) == ()
    assert page.table.horizontalHeader().visualIndex(0) == 0


def test_the_view_controls_are_in_the_tab_order(qtbot: Any, services: Services,
                                                ui_settings: Settings) -> None:
    page = contacts_page(qtbot, services, ui_settings)
    for widget in (page.view_bar.combo, page.view_bar.save_button,
                   page.view_bar.columns_button):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert widget.accessibleName() or widget.text()
