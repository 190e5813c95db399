"""Customers at risk, the account's insight tab, performance reports with PDF/PNG export,
and the segment builder opening a filtered list."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from desk_crm.services.bundle import Services
from desk_crm.ui.at_risk_page import AtRiskPage
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.reports_page import ReportsPage
from helpers.drafts import contact_draft
from helpers.sales_rows import add_account, add_opportunity, add_stages

TODAY = date.today()


def choose(combo: Any, data: str) -> None:
    """Pick an item as a user does: the index changes and ``activated`` is sent."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.fixture
def customers(services: Services) -> dict[str, str]:
    stages = add_stages(services)
    steady = add_account(services, "Steady Ltd")
    fading = add_account(services, "Fading Ltd")
    for days in (10, 70, 130, 190):
        add_opportunity(services, stages["Won"], "s", 100_000, account_id=steady,
                        close_date=TODAY - timedelta(days=days))
    for days, amount in ((500, 900_000), (440, 900_000), (380, 50_000)):
        add_opportunity(services, stages["Won"], "f", amount, account_id=fading,
                        close_date=TODAY - timedelta(days=days))
    return {"steady": steady, "fading": fading}


def test_customers_at_risk_and_one_click_retention_task(
        qtbot: Any, services: Services, customers: dict[str, str]) -> None:
    page = AtRiskPage(services, "Customers at risk")
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.count() > 0)
    names = [item.name for item in page.items]
    assert names == ["Fading Ltd"]  # Steady Ltd is well below 50
    assert "below the earlier average" in page.risk_table.item(0, 2).text()
    qtbot.waitUntil(lambda: page.models is not None)
    assert page.risk_table.item(0, 6).text() == "rules only"  # two customers: no fit
    opened: list[tuple[str, object]] = []
    page.open_record_requested.connect(lambda entity, record_id, _p: opened.append(
        (entity, record_id)))
    page.task_button.click()
    tasks = services.activities.timeline("account", customers["fading"])
    assert [task.subject for task in tasks] == ["Retention call: Fading Ltd"]
    assert "Churn risk" in tasks[0].draft.notes
    assert opened == [("activity", tasks[0].id)]


def test_the_account_editor_shows_its_insight(qtbot: Any, services: Services,
                                              customers: dict[str, str], show_dialog: Any
                                              ) -> None:
    editor = show_dialog(AccountEditor(services, customers["steady"]))
    tab = editor.insight_tab
    assert editor.ui.tabs.isTabEnabled(editor.ui.tabs.indexOf(tab))
    qtbot.waitUntil(lambda: tab.insight is not None)
    assert tab.labels["lifecycle"].text().startswith("<b>Loyal</b>")
    assert "projected = average order ¥1,000.00" in tab.labels["clv"].text()
    # two customers are too few for the fitted models: the fallbacks, labelled so
    assert "Formula (fallback" in tab.labels["clv"].text()
    assert "Rule-based score (fallback" in tab.labels["churn"].text()
    # two customers: Steady is the more recent (R 3 of 1 + 5 × 1 // 2), orders more (F 3)
    # and brought less (M 1) -> "Loyal" (R ≥ 3 and F ≥ 3)
    assert tab.labels["rfm"].text().startswith("R 3 · F 3 · M 1 — <b>Loyal</b>")
    assert tab.labels["abc"].text().startswith("<b>A</b>")
    tab.task_button.click()
    assert [a.subject for a in services.activities.timeline("account", customers["steady"])
            ] == ["Retention call: Steady Ltd"]


def test_reports_compute_and_export_pdf_and_png(qtbot: Any, services: Services,
                                                customers: dict[str, str], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    page = ReportsPage(services, "Performance reports")
    qtbot.addWidget(page)
    index = page.period.findData("last_12_months")
    page.period.setCurrentIndex(index)
    page.period.activated.emit(index)  # what choosing it with mouse or keys sends
    qtbot.waitUntil(lambda: page.reports is not None
                    and page.reports.performance.period.first.day == 1
                    and page.reps.table.rowCount() > 0, timeout=5000)
    assert page.reps.rows()[0][:3] == ["(no owner)", "4", "0"]  # only Steady's are recent
    assert not page.period.isHidden()
    page.tabs.setCurrentWidget(page.pareto)
    # ABC and RFM always use the last 365 days: no Period selector there
    assert page.period.isHidden() and page.period_label.isHidden()
    assert [row[1] for row in page.pareto.rows()] == ["Steady Ltd"]
    assert page.pareto.rows()[0][-1] == "A"
    rfm = {row[0]: row[2] for row in page.rfm.rows()}
    assert len(rfm) == 8 and sum(int(count) for count in rfm.values()) == 2
    assert (rfm["Loyal"], rfm["Lost"]) == ("1", "1")  # Steady R3 F3, Fading R1 F1
    page.tabs.setCurrentWidget(page.rfm)
    assert page.period.isHidden()
    page.tabs.setCurrentWidget(page.reps)
    assert not page.period.isHidden()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *_args, **_kw: (str(tmp_path / "abc"), "")))
    page.pdf_button.click()
    page.png_button.click()
    pdf, png = tmp_path / "abc.pdf", tmp_path / "abc.png"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_segment_is_built_saved_and_opens_the_filtered_list(
        qtbot: Any, services: Services, shown_window: MainWindow) -> None:
    for family, city in (("Li", "Shanghai"), ("Wang", "Beijing"), ("Zhao", "Shanghai")):
        services.contacts.save(contact_draft(family, "X", city=city))
    window = shown_window
    window.show_area("segments")
    page = window.pages["segments"]
    page.name.setText("Shanghai people")
    row = page.add_condition()
    choose(page.conditions.cellWidget(row, 0), "city")
    page.conditions.cellWidget(row, 2).setText("shanghai")
    counts: list[int] = []  # not qtbot.waitSignal: see test_dashboard.py
    page.count_shown.connect(counts.append)
    assert page.save() is not None
    qtbot.waitUntil(lambda: counts == [2], timeout=5000)
    assert page.list.count() == 1
    page.show_button.click()
    qtbot.waitUntil(lambda: window.current_area() == "contacts", timeout=5000)
    contacts = window.pages["contacts"]
    assert contacts.model.rowCount() == 2
    assert dict(contacts.model.query.filters)["segment_id"] == page.segment.id
    # The list says what it shows and offers the way back to every record.
    assert contacts.filter_note.isVisible()
    assert "Shanghai people" in contacts.filter_label.text()
    contacts.show_all_button.click()
    assert not contacts.filter_note.isVisible()
    assert contacts.model.query.filters == ()
    assert contacts.model.rowCount() == 3


def test_the_builder_shows_validation_messages(qtbot: Any, services: Services) -> None:
    from desk_crm.ui.segments_page import SegmentsPage

    page = SegmentsPage(services, "Segments")
    qtbot.addWidget(page)
    row = page.add_condition()
    choose(page.conditions.cellWidget(row, 0), "created_at")
    choose(page.conditions.cellWidget(row, 1), "within_days")
    page.conditions.cellWidget(row, 2).setText("soon")
    assert page.save() is None
    assert page.error.text() == ("Enter a name for the segment\n"
                                 "Condition 1: “soon” is not a whole number")


def test_declared_demographic_fields_are_offered_with_their_operators_and_choices(
        qtbot: Any, services: Services) -> None:
    from desk_crm.ui.segments_page import SegmentsPage

    page = SegmentsPage(services, "Segments")
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("contact"))
    row = page.add_condition()
    fields, ops = page.conditions.cellWidget(row, 0), page.conditions.cellWidget(row, 1)
    titles = {fields.itemData(i): fields.itemText(i) for i in range(fields.count())}
    assert titles["birth_date"] == "Birth date" and titles["education"] == "Education"
    choose(fields, "birth_date")
    assert ops.findData("years_at_least") >= 0 and ops.findData("years_under") >= 0
    choose(fields, "gender")
    assert [ops.itemData(i) for i in range(ops.count())] == [
        "is", "is_not", "is_empty", "not_empty"]
    value = page.conditions.cellWidget(row, 2)
    assert value.placeholderText() == "One of: Female, Male, Other, Prefers not to say"
    page.name.setText("Women")
    value.setText("女")
    saved = page.save()
    assert saved is not None and saved.draft.conditions[0].value == "female"


def test_custom_fields_are_conditions_and_an_archived_one_stays_in_its_segment(
        qtbot: Any, services: Services) -> None:
    from desk_crm.domain.fields import Choice, FieldType
    from desk_crm.services.custom_fields import NewField
    from desk_crm.ui.segments_page import SegmentsPage

    services.fields.create(NewField("contact", "Hobbies", FieldType.MULTI_PICKLIST,
                                    title_zh="爱好", choices=(Choice("go", "Go", "围棋"),
                                                              Choice("tea", "Tea", "茶"))))
    services.fields.create(NewField("contact", "Budget", FieldType.MONEY))
    services.fields.create(NewField("contact", "Renewal", FieldType.DATE))
    services.fields.create(NewField("contact", "Newsletter", FieldType.CHECKBOX))
    player = services.contacts.save(contact_draft("Li", "X")).id
    services.contacts.save(contact_draft("Wang", "X"))
    services.fields.save_values("contact", player, {"hobbies": "Go", "budget": "5000"})
    page = SegmentsPage(services, "Segments")
    qtbot.addWidget(page)
    row = page.add_condition()
    fields, ops = page.conditions.cellWidget(row, 0), page.conditions.cellWidget(row, 1)
    titles = {fields.itemData(i): fields.itemText(i) for i in range(fields.count())}
    assert titles["custom.hobbies"] == "Hobbies" and titles["custom.budget"] == "Budget"

    def offered(key: str) -> list[str]:
        choose(fields, key)
        return [ops.itemData(i) for i in range(ops.count())]

    assert offered("custom.hobbies") == ["includes", "excludes", "is_empty", "not_empty"]
    assert page.conditions.cellWidget(row, 2).placeholderText() == "One of: Go, Tea"
    assert {"at_least", "greater", "less"} <= set(offered("custom.budget"))
    assert {"next_days", "within_days", "years_at_least"} <= set(offered("custom.renewal"))
    assert offered("custom.newsletter") == ["is_true", "is_false"]
    choose(fields, "custom.hobbies")
    page.conditions.cellWidget(row, 2).setText("围棋")
    page.name.setText("Go players")
    saved = page.save()
    assert saved is not None and saved.draft.conditions[0].value == "go"
    assert services.segments.count(saved.id) == 1
    services.fields.archive("contact", "hobbies")
    page.new_segment()
    new_row = page.add_condition()
    new_fields = page.conditions.cellWidget(new_row, 0)
    assert new_fields.findData("custom.hobbies") < 0  # not for new conditions
    page.list.setCurrentRow(-1)
    page.list.setCurrentRow(0)  # the saved segment still shows and counts it
    kept = page.conditions.cellWidget(0, 0)
    assert kept.currentData() == "custom.hobbies"
    assert kept.currentText() == "Hobbies (archived)"
    assert services.segments.count(saved.id) == 1


def test_a_contact_shows_its_lifecycle(qtbot: Any, services: Services,
                                       customers: dict[str, str], show_dialog: Any) -> None:
    from desk_crm.ui.editors.contact_editor import ContactEditor

    at_steady = services.contacts.save(contact_draft("Li", "Lei",
                                                     account_id=customers["steady"])).id
    private = services.contacts.save(contact_draft("Wang", "Fang")).id
    editor = show_dialog(ContactEditor(services, at_steady))
    qtbot.waitUntil(lambda: editor.lifecycle_label.text() != "")
    assert editor.lifecycle_label.text().startswith("Lifecycle: <b>Loyal</b>")
    assert editor.lifecycle_label.text().endswith("(account Steady Ltd)")
    lifecycle, account = services.customers.contact_lifecycle(private)
    assert (lifecycle.stage, account) == ("prospect", "")


def test_deleting_a_segment_asks_first(qtbot: Any, services: Services,
                                       message_boxes: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desk_crm.domain.segments import SegmentDraft
    from desk_crm.ui.segments_page import SegmentsPage

    services.segments.save(SegmentDraft("Everyone", "contact"))
    page = SegmentsPage(services, "Segments")
    qtbot.addWidget(page)
    counts: list[int] = []  # its count comes from a worker: let it finish
    page.count_shown.connect(counts.append)
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: len(counts) == 1, timeout=5000)
    message_boxes.reply("question", QMessageBox.StandardButton.No)
    page.delete_button.click()
    assert page.list.count() == 1
    message_boxes.reply("question", QMessageBox.StandardButton.Yes)
    page.delete_button.click()
    assert page.list.count() == 0 and services.segments.list_segments() == []


def test_a_hidden_insight_page_recomputes_only_when_shown(
        qtbot: Any, services: Services, customers: dict[str, str]) -> None:
    page = AtRiskPage(services, "Customers at risk")
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.count() > 0)
    before = page._computation.generation
    page.reload()  # what the main window does after any write
    assert page._computation.generation == before and page._stale
    shown: list[object] = []  # not qtbot.waitSignal: see test_dashboard.py
    page.items_shown.connect(shown.append)
    page.show()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert page._computation.generation == before + 1 and not page._stale
