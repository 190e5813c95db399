"""Custom fields in the lists: optional columns (hidden until chosen), sorted and filtered
in SQL, kept by saved views, and appearing as soon as Settings creates them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desk_crm.domain.fields import Choice, FieldType
from desk_crm.domain.leads import LeadDraft
from desk_crm.services.bundle import Services
from desk_crm.services.custom_fields import NewField
from desk_crm.settings import Settings
from desk_crm.ui.events import AppEvents
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.main_window import MainWindow

from .factories import add_account

TIERS = (Choice("a", "Tier A", "甲级"), Choice("b", "Tier B", "乙级"))


def _column(page: ListPage, key: str) -> int:
    return [c.key for c in page.model.columns].index(key)


def _names(page: ListPage) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def test_a_new_field_is_an_optional_sortable_filterable_column(
        qtbot: Any, main_window: MainWindow, services: Services,
        app_events: AppEvents) -> None:
    page = main_window.pages["accounts"]
    ids = {name: add_account(services, name).id for name in ("Acme", "Bolt", "Core")}
    services.fields.create(NewField("account", "Tier", FieldType.PICKLIST, choices=TIERS,
                                    indexed=True))
    services.fields.create(NewField("account", "Seats", FieldType.INTEGER))
    services.fields.save_values("account", ids["Acme"], {"tier": "b", "seats": 9})
    services.fields.save_values("account", ids["Bolt"], {"tier": "a", "seats": 40})
    app_events.records_changed.emit("custom_field", "")
    tier = _column(page, "cf_tier")
    assert "cf_tier" in page.column_chooser.hidden()  # optional: hidden until chosen
    assert page.model.headerData(tier, Qt.Orientation.Horizontal) == "Tier"
    page.column_chooser.set_hidden(())
    page.model.sort(tier, Qt.SortOrder.DescendingOrder)
    assert _names(page)[:2] == ["Acme", "Bolt"]
    assert page.model.index(0, tier).data() == "Tier B"
    page.model.sort(_column(page, "cf_seats"), Qt.SortOrder.DescendingOrder)
    assert _names(page)[:2] == ["Bolt", "Acme"]
    assert page.model.index(0, _column(page, "cf_seats")).data(
        Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)

    field_filter = page.field_filter
    assert field_filter is not None and field_filter.isVisibleTo(page)
    field_filter.field_combo.setCurrentIndex(field_filter.field_combo.findData("cf_tier"))
    field_filter.value.setCurrentIndex(field_filter.value.findData("a"))
    field_filter.value.activated.emit(field_filter.value.currentIndex())
    assert _names(page) == ["Bolt"]
    field_filter.field_combo.setCurrentIndex(field_filter.field_combo.findData("cf_seats"))
    field_filter.value.setEditText("9")
    field_filter.value.lineEdit().returnPressed.emit()
    assert _names(page) == ["Acme"]


def test_a_saved_view_keeps_the_field_filter_sort_and_column(
        qtbot: Any, services: Services, ui_settings: Settings,
        monkeypatch: pytest.MonkeyPatch, main_window: MainWindow) -> None:
    services.fields.create(NewField("lead", "Tier", FieldType.PICKLIST, choices=TIERS))
    for family, tier in (("Lee", "a"), ("Kim", "b")):
        lead = services.leads.save(LeadDraft(family_name=family, company="K Ltd"))
        services.fields.save_values("lead", lead.id, {"tier": tier})
    page = main_window.pages["leads"]
    page.column_chooser.set_hidden(())
    field_filter = page.field_filter
    field_filter.field_combo.setCurrentIndex(field_filter.field_combo.findData("cf_tier"))
    field_filter.value.setCurrentIndex(field_filter.value.findData("b"))
    field_filter.value.activated.emit(field_filter.value.currentIndex())
    page.status_filter.setCurrentIndex(page.status_filter.findData("new"))
    assert set(page.model.query.filters) == {("status", "new"), ("cf_tier", "b")}
    page.model.sort(_column(page, "cf_tier"), Qt.SortOrder.AscendingOrder)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Tier B", True))
    page.view_bar.save_button.click()
    page.view_bar.combo.setCurrentIndex(0)
    page.view_bar.combo.activated.emit(0)
    assert page.model.rowCount() == 2 and field_filter.filters() == ()
    page.view_bar.combo.setCurrentIndex(1)
    page.view_bar.combo.activated.emit(1)
    assert field_filter.filters() == (("cf_tier", "b"),)
    assert page.model.query.sort_key == "cf_tier"
    assert page.model.rowCount() == 1
    assert "cf_tier" not in page.column_chooser.hidden()


def test_archiving_a_field_drops_its_column_and_filter(
        qtbot: Any, main_window: MainWindow, services: Services,
        app_events: AppEvents) -> None:
    services.fields.create(NewField("product", "Colour", FieldType.TEXT))
    page = main_window.pages["products"]
    assert "cf_colour" in [c.key for c in page.model.columns]
    services.fields.archive("product", "colour")
    app_events.records_changed.emit("custom_field", "")
    assert "cf_colour" not in [c.key for c in page.model.columns]
    assert not page.field_filter.isVisibleTo(page)


def test_bulk_edit_sets_a_custom_field_as_one_undo_step(
        qtbot: Any, services: Services, message_boxes: Any) -> None:
    from desk_crm.ui.bulk_edit_dialog import BulkEditDialog

    services.fields.create(NewField("account", "Tier", FieldType.PICKLIST, choices=TIERS))
    services.fields.create(NewField("account", "Seats", FieldType.INTEGER))
    ids = [add_account(services, name).id for name in ("Acme", "Bolt")]
    dialog = BulkEditDialog(services, "account", ids)
    qtbot.addWidget(dialog)
    section = dialog.fields
    assert section is not None
    assert not section.inputs["seats"].isEnabled()
    section.checks["seats"].setChecked(True)
    section.inputs["seats"].setText("lots")
    message_boxes.reply("warning", QMessageBox.StandardButton.Ok)
    dialog._on_buttons_accepted()
    assert dialog.batch_id is None
    assert message_boxes.kinds() == ["warning"]
    assert section.errors["seats"].text()
    section.inputs["seats"].setText("12")
    section.checks["tier"].setChecked(True)
    tier = section.inputs["tier"]
    tier.setCurrentIndex(tier.findData("b"))
    dialog._on_buttons_accepted()
    assert dialog.batch_id is not None
    for record_id in ids:
        assert services.fields.values("account", record_id) == {"tier": "b", "seats": 12}
    services.changes.undo_batch(dialog.batch_id)
    assert services.fields.values("account", ids[0]) == {}


def test_bulk_edit_offers_only_what_the_entity_has_and_lead_statuses_by_title(
        qtbot: Any, services: Services) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from desk_crm.ui.bulk_edit_dialog import BulkEditDialog

    lead = BulkEditDialog(services, "lead", ["x"])
    qtbot.addWidget(lead)
    assert lead.add_tags is None and lead.remove_tags is None
    assert lead.status is not None
    assert lead.status.itemText(0) == "New"
    contact = BulkEditDialog(services, "contact", ["x"])
    qtbot.addWidget(contact)
    assert contact.status is None
    # Every input is in the layout (none left floating over the dialog's corner).
    laid_out = contact.layout()
    for widget in contact.findChildren(QLineEdit) + contact.findChildren(QComboBox):
        if isinstance(widget.parent(), QComboBox):
            continue
        assert laid_out.indexOf(widget) >= 0 or any(
            laid_out.itemAt(i).layout() is not None
            and laid_out.itemAt(i).layout().indexOf(widget) >= 0
            for i in range(laid_out.count())) or widget.parent() is not contact


def test_export_includes_custom_fields_even_when_their_columns_are_hidden(
        qtbot: Any, main_window: MainWindow, services: Services, app_events: AppEvents,
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    services.fields.create(NewField("account", "Tier", FieldType.PICKLIST, choices=TIERS))
    record = add_account(services, "Acme").id
    services.fields.save_values("account", record, {"tier": "a"})
    main_window.nav.setCurrentRow(
        [main_window.nav.item(i).data(Qt.ItemDataRole.UserRole)
         for i in range(main_window.nav.count())].index("accounts"))
    page = main_window.pages["accounts"]
    assert main_window.current_page() is page
    assert "cf_tier" in page.column_chooser.hidden()
    target = tmp_path / "accounts.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(target), "")))
    main_window.data_actions.export_current()
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.wait(200)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].endswith(",Tier")
    assert lines[1].endswith(",Tier A")


# Every custom type through the list page's own widgets: the model sorts by the column
# (empty first, then low before high) and the "Field:" filter finds the high value, typed
# as a user types it (choices and checkboxes picked from the value box).
LIST_CASES = [
    (FieldType.TEXT, "alpha", "bravo"), (FieldType.LONG_TEXT, "apple", "zebra"),
    (FieldType.INTEGER, "9", "1,000"), (FieldType.DECIMAL, "9.5", "10.25"),
    (FieldType.MONEY, "9.50", "1000"), (FieldType.DATE, "2026/01/05", "2026年3月1日"),
    (FieldType.DATETIME, "2026-01-05T10:00:00+00:00", "2026-03-01T16:00:00+08:00"),
    (FieldType.CHECKBOX, "no", "yes"), (FieldType.PICKLIST, "Tier A", "乙级"),
    (FieldType.MULTI_PICKLIST, "Tier A", "Tier A; Tier B"),
    (FieldType.URL, "alpha.example.com", "bravo.example.com"),
    (FieldType.EMAIL, "alpha@example.com", "bravo@example.com"),
    (FieldType.PHONE, "010 6552 9988", "021 6552 9988"), (FieldType.LINK, "", ""),
]


@pytest.mark.parametrize(("kind", "low", "high"), LIST_CASES,
                         ids=[c[0].value for c in LIST_CASES])
def test_every_custom_type_sorts_and_filters_in_the_list_page(
        qtbot: Any, main_window: MainWindow, services: Services, app_events: AppEvents,
        kind: FieldType, low: str, high: str) -> None:
    page = main_window.pages["accounts"]
    ids = {name: add_account(services, name).id for name in ("Empty", "Low", "High")}
    if kind is FieldType.LINK:
        low, high = ids["Low"], ids["High"]
    field = services.fields.create(NewField(
        "account", "Mine", kind, choices=TIERS, indexed=kind is not FieldType.LONG_TEXT,
        link_entity="account" if kind is FieldType.LINK else None))
    services.fields.save_values("account", ids["Low"], {"mine": low})
    services.fields.save_values("account", ids["High"], {"mine": high})
    app_events.records_changed.emit("custom_field", "")
    page.column_chooser.set_hidden(())
    column = _column(page, "cf_mine")
    if field.sortable and kind is not FieldType.LINK:
        page.model.sort(column, Qt.SortOrder.AscendingOrder)
        assert _names(page) == ["Empty", "Low", "High"]
        page.model.sort(column, Qt.SortOrder.DescendingOrder)
        assert _names(page) == ["High", "Low", "Empty"]
        assert page.model.index(0, column).data()  # shown, not blank
    field_filter = page.field_filter
    assert field_filter is not None
    if kind in (FieldType.LONG_TEXT, FieldType.LINK):
        # Long text is found by the list's search, a link by a segment ("is" a record):
        # neither is an equality filter of the "Field:" box.
        assert field_filter.field_combo.findData("cf_mine") < 0
        return
    field_filter.field_combo.setCurrentIndex(field_filter.field_combo.findData("cf_mine"))
    if field_filter.value.isEditable():
        field_filter.value.setEditText(high)
        field_filter.value.lineEdit().returnPressed.emit()
    else:
        wanted = "1" if kind is FieldType.CHECKBOX else "b"
        field_filter.value.setCurrentIndex(field_filter.value.findData(wanted))
        field_filter.value.activated.emit(field_filter.value.currentIndex())
    assert _names(page) == ["High"]
