"""The quote editor: lines added from the price book, edited and reordered by keys, totals
live, save, send and the read-only old revision; the quote list and renewals pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_crm.domain.drafts import AccountDraft
from desk_crm.services.bundle import Services
from desk_crm.ui.editors.quote_editor import QuoteEditor
from desk_crm.ui.quote_lines_model import QUANTITY, QuoteLinesModel
from desk_crm.ui.quote_lists import QuoteListPage
from helpers.quotes import add_product, add_quote, line
from helpers.sales import add_opportunity


def _opportunity(services: Services) -> str:
    account_id = services.accounts.save(AccountDraft(name="深圳海岸电子有限公司")).id
    return add_opportunity(services, name="Factory rollout", account_id=account_id).id


def test_lines_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = QuoteLinesModel()
    model.set_lines([line("A", 1, "10.00"), line("B", 2, "5.00", discount="10")], "CNY")
    qtmodeltester.check(model)
    assert model.data(model.index(1, 5)) == "¥9.00"


def test_a_new_quote_from_the_price_book(qtbot: QtBot, services: Services,
                                         show_dialog: Any) -> None:
    product_id = add_product(services, price="800.00", tax="6")
    book = services.price_books.save("List", "CNY", is_default=True)
    services.price_books.set_prices(book.id, {product_id: Decimal("750.00")})
    opportunity_id = _opportunity(services)
    editor = show_dialog(QuoteEditor(services, opportunity_id=opportunity_id))
    assert editor.price_book.currentData() == book.id
    assert not editor.save_button.isEnabled()  # no lines yet
    editor.product.setCurrentIndex(editor.product.findData(product_id))
    qtbot.mouseClick(editor.add_product, Qt.MouseButton.LeftButton)
    editor.add_free.click()
    model = editor.lines_model
    model.setData(model.index(1, 0), "差旅费 Travel")
    model.setData(model.index(1, 2), "300")
    model.setData(model.index(0, QUANTITY), "2")
    assert "¥1,890.00" in editor.totals.text()  # 1500 + 90 tax + 300
    # The untaxed travel line adds no "Tax 0 % ¥0.00" row; the total row is translatable.
    assert "Tax 6 %" in editor.totals.text() and "Tax 0 %" not in editor.totals.text()
    assert "<b>Total</b>" in editor.totals.text()
    # Ctrl+Up moves the travel line first
    editor.lines.setFocus()
    editor.lines.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(editor.lines, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [x.description for x in model.lines()] == ["差旅费 Travel", "实施服务"]
    assert editor.lines.currentIndex().row() == 0
    assert editor.save_button.isEnabled()
    assert editor.save()
    saved = services.quotes.get(editor.record_id or "")
    assert saved.number == "Q-2026-00001" or saved.number.startswith("Q-")
    assert [x.description for x in saved.draft.lines] == ["差旅费 Travel", "实施服务"]
    assert saved.totals.grand_total == Decimal("1890.00")


def test_sending_and_revising_from_the_editor(qtbot: QtBot, services: Services,
                                              show_dialog: Any) -> None:
    quote = add_quote(services)
    editor = show_dialog(QuoteEditor(services, quote.id))
    assert editor.actions_helper.send.isEnabled()
    editor.actions_helper.send.click()
    assert services.quotes.get(quote.id).status == "sent"
    assert editor.actions_helper.accept.isEnabled()
    editor.lines_model.setData(editor.lines_model.index(0, QUANTITY), "3")
    assert editor.save()
    assert editor.record is not None and editor.record.revision == 2
    old = show_dialog(QuoteEditor(services, quote.id))
    assert old.lines_model.read_only and not old.add_free.isEnabled()
    assert not old.actions_helper.accept.isEnabled()
    assert old.revisions.count() == 2


def test_the_quote_list_shows_only_current_revisions(qtbot: QtBot,
                                                     services: Services) -> None:
    quote = services.quotes.mark_sent(add_quote(services).id)
    services.quotes.revise(quote.id)
    page = QuoteListPage(services, "Quotes")
    qtbot.addWidget(page)
    assert page.count() == 1
    assert page.model.data(page.model.index(0, 1)) == "2"


def test_dragging_a_line_moves_it(qtbot: QtBot, services: Services, show_dialog: Any) -> None:
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    quote = add_quote(services, line("A", 1, "1.00"), line("B", 1, "2.00"),
                      line("C", 1, "3.00"))
    editor = show_dialog(QuoteEditor(services, quote.id))
    view = editor.lines
    view.setCurrentIndex(editor.lines_model.index(0, 0))
    target = view.visualRect(editor.lines_model.index(2, 0)).center()
    mime = QMimeData()  # kept alive: the event only points at it
    event = QDropEvent(QPointF(target), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
                       mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert [x.description for x in editor.lines_model.lines()] == ["B", "C", "A"]
    dropped = event.dropAction()
    assert dropped == Qt.DropAction.CopyAction  # after a Move the view deletes the row
    assert editor.lines_model.supportedDragActions() == Qt.DropAction.CopyAction
    assert editor.save_button.isEnabled()


def test_a_contract_from_the_accepted_quote(qtbot: QtBot, services: Services,
                                            show_dialog: Any, tmp_path: Any) -> None:
    from datetime import date

    from desk_crm.ui.editors.contract_editor import ContractEditor

    quote = add_quote(services)
    services.quotes.mark_sent(quote.id)
    services.quotes.accept(quote.id)
    editor = show_dialog(QuoteEditor(services, quote.id))
    with qtbot.waitSignal(editor.open_record_requested) as asked:
        editor.actions_helper.contract.click()
    assert asked.args == ["contract", None, {"quote": quote.id}]
    contract_editor = show_dialog(ContractEditor(services, quote_id=quote.id))
    contract_editor.start.setDate(date(2026, 1, 1))
    contract_editor.term.setValue(24)
    assert contract_editor.end_label.text() == "2027-12-31"
    assert contract_editor.save()
    [contract] = services.contracts.for_quote(quote.id)
    assert (contract.end_date, contract.value) == (date(2027, 12, 31), Decimal("2544.00"))
    assert contract.reminder_activity_id is not None
    with qtbot.waitSignal(editor.open_record_requested) as asked:
        editor.actions_helper.contract.click()
    assert asked.args == ["contract", contract.id, {}]
    reopened = show_dialog(ContractEditor(services, contract.id))
    assert reopened.lines.rowCount() == 1
    assert not reopened.quote.isEnabled()


def test_email_renders_the_pdf_in_the_background_and_opens_an_eml(
        qtbot: QtBot, services: Services, show_dialog: Any,
        monkeypatch: Any) -> None:
    import email
    from email import policy
    from pathlib import Path

    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    quote = add_quote(services, account="成都天府软件有限公司")
    editor = show_dialog(QuoteEditor(services, quote.id))
    editor.actions_helper.email.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    eml = Path(opened[0])
    assert eml.suffix == ".eml"
    assert eml.parent == services.contracts.data_dir / "outbox"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "Q-2026-00001.pdf"
    assert attachment.get_content().startswith(b"%PDF")
