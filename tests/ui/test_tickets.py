"""The ticket queue and editor: create a ticket and see its SLA countdown, the sidebar
count, the queue filters, conversation entries, KB articles, SLA settings and the report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt

from desk_crm.domain.knowledge import ArticleDraft
from desk_crm.domain.tickets import SlaPolicyDraft, TicketDraft
from desk_crm.services.bundle import Services
from desk_crm.ui.editors.article_editor import ArticleEditor
from desk_crm.ui.editors.ticket_editor import TicketEditor
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.service_report_page import ServiceReportPage
from desk_crm.ui.ticket_columns import OVERDUE, sla_cell, sla_colour
from desk_crm.ui.ticket_list import TicketListPage

ALL_DAYS = SlaPolicyDraft(name="Always", is_default=True, timezone="UTC",
                          workdays=tuple(range(7)))


def test_create_ticket_and_see_its_sla_countdown(qtbot: Any, main_window: MainWindow,
                                                 services: Services) -> None:
    from datetime import time

    services.sla_policies.save(SlaPolicyDraft(
        name="24h", is_default=True, timezone="UTC", workdays=tuple(range(7)),
        day_start=time(0, 0), day_end=time(23, 59), targets={"urgent": (60, 240)}))
    main_window.show_area("tickets")
    main_window.new_record()
    editor = main_window.findChild(TicketEditor)
    assert editor is not None and not editor.save_button.isEnabled()
    assert "saved" in editor.sla_label.text()
    editor.subject.setText("打印机卡纸")  # set + signal, never keyClicks for Chinese
    editor.priority.setCurrentIndex(editor.priority.findData("urgent"))
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    ticket = services.tickets.get(editor.record_id or "")
    assert ticket.number.startswith("T-") and ticket.draft.priority == "urgent"
    # Countdown: first response due within the hour, shown in the on-track colour.
    assert "left for first response" in editor.sla_label.text()
    assert "59m" in editor.sla_label.text() or "1h" in editor.sla_label.text()
    page = main_window.pages["tickets"]
    assert isinstance(page, TicketListPage)
    assert page.model.rowCount() == 1
    sla = [c.key for c in page.model.columns].index("sla")
    cell = page.model.index(0, sla)
    assert "left" in page.model.data(cell)
    assert page.model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert main_window.nav.item(list(main_window.pages).index("tickets")).text() \
        == "Tickets (1)"


def test_conversation_reply_moves_to_resolution_target(qtbot: Any, services: Services) -> None:
    services.sla_policies.save(ALL_DAYS)
    ticket = services.tickets.save(TicketDraft(subject="VPN down"))
    editor = TicketEditor(services, ticket.id)
    qtbot.addWidget(editor)
    editor.reply.setPlainText("We are looking into it.")
    editor.entry_kind.setCurrentIndex(editor.entry_kind.findData("reply"))
    qtbot.mouseClick(editor.add_entry, Qt.MouseButton.LeftButton)
    assert "We are looking into it." in editor.conversation.toPlainText()
    assert "resolution" in editor.sla_label.text()
    assert editor.reply.toPlainText() == ""


def test_status_combo_offers_only_allowed_transitions(qtbot: Any, services: Services) -> None:
    ticket = services.tickets.save(TicketDraft(subject="x"))
    services.tickets.change_status(ticket.id, "resolved")
    editor = TicketEditor(services, ticket.id)
    qtbot.addWidget(editor)
    codes = [editor.status.itemData(i) for i in range(editor.status.count())]
    assert codes == ["open", "resolved", "closed"]
    assert editor.record_feedback.isEnabled()


def test_queue_filters_breached(qtbot: Any, services: Services) -> None:
    services.sla_policies.save(ALL_DAYS)
    now = datetime.now(UTC)
    services.tickets.save(TicketDraft(subject="old", priority="urgent"),
                          now=now - timedelta(days=3))
    services.tickets.save(TicketDraft(subject="fresh"))
    services.tickets.refresh_sla(now)
    page = TicketListPage(services, "Tickets")
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2
    page.queue.setCurrentIndex(page.queue.findData("breached"))
    assert page.model.rowCount() == 1
    assert "(1)" in page.queue.itemText(page.queue.findData("breached"))
    value = page.model._row(0).values["sla"]
    assert sla_cell(value).startswith("Overdue") and sla_colour(value) == OVERDUE


def test_article_editor_renders_markdown_and_saves(qtbot: Any, services: Services) -> None:
    editor = ArticleEditor(services)
    qtbot.addWidget(editor)
    editor.title_edit.setText("重置密码")
    editor.body.setPlainText("# 步骤\n\n* 打开设置\n* ![x](http://example.com/x.png)")
    assert "步骤" in editor.preview.toPlainText()
    editor.status.setCurrentIndex(editor.status.findData("published"))
    assert editor.save()
    assert [a.draft.title for a in services.knowledge.search("密")] == ["重置密码"]


def test_service_report_page_shows_tables_and_chart(qtbot: Any, services: Services) -> None:
    services.tickets.save(TicketDraft(subject="x", category="Network"))
    page = ServiceReportPage(services, "Service quality")
    qtbot.addWidget(page)
    assert page.report is None  # nothing computed before the page is first shown
    # The real worker path (it used to be fed synchronously here, hiding the PySide6 6.12.0
    # emit refcount abort that ui/operations.py describes).
    with qtbot.waitSignal(page.report_ready, timeout=10_000):
        page.show()
    assert page.by_category.item(0, 0).text() == "Network"
    assert page.chart.chart().series()


def test_knowledge_link_in_editor(qtbot: Any, services: Services, monkeypatch: Any) -> None:
    article = services.knowledge.save(ArticleDraft(title="Reset VPN", body="Step one",
                                                   status="published"))
    ticket = services.tickets.save(TicketDraft(subject="VPN"))
    editor = TicketEditor(services, ticket.id)
    qtbot.addWidget(editor)
    from desk_crm.ui import article_picker

    monkeypatch.setattr(article_picker.ArticlePicker, "exec", lambda self: 1)
    editor._on_insert_article_clicked()
    assert editor.reply.toPlainText() == "Step one"
    assert editor.article_list.count() == 1
    assert services.tickets.linked_articles(ticket.id) == [(article.id, "Reset VPN")]


def test_account_editor_shows_average_csat(qtbot: Any, services: Services) -> None:
    from desk_crm.domain.drafts import AccountDraft
    from desk_crm.ui.editors.account_editor import AccountEditor

    account = services.accounts.save(AccountDraft(name="ACME"))
    for score in (4, 5):
        ticket = services.tickets.save(TicketDraft(subject="x", account_id=account.id))
        services.tickets.change_status(ticket.id, "resolved")
        services.tickets.record_feedback(ticket.id, score)
    editor = AccountEditor(services, account.id)
    qtbot.addWidget(editor)
    assert editor.csat_label.text() == "Customer satisfaction: 4.5 / 5 from 2 tickets"


def test_service_report_page_computes_in_the_background(qtbot: Any,
                                                        services: Services) -> None:
    services.tickets.save(TicketDraft(subject="y", category="Billing"))
    page = ServiceReportPage(services, "Service quality")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    assert page.by_category.item(0, 0).text() == "Billing"
