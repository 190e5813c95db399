"""The quote editor: header (opportunity, currency, price book, dates), line items that can
be reordered with Ctrl+Up/Down, live totals, terms; the status actions (approve, send,
accept, reject, revise), PDF and e-mail, a contract from an accepted quote; revisions and
history. A quote that can no longer change opens read-only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.money import CURRENCY_DIGITS, format_money, parse_amount
from desk_crm.domain.quotes import QuoteDraft, QuoteLineDraft, validate_quote
from desk_crm.services.bundle import Services
from desk_crm.services.quote_records import QuoteRecord
from desk_crm.services.quote_store import totals_of
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.editors.base import RecordEditor
from desk_crm.ui.quote_actions import QuoteActions
from desk_crm.ui.quote_document import status_titles
from desk_crm.ui.quote_lines_model import DESCRIPTION, QuoteLinesModel, parse_discount
from desk_crm.ui.validation_text import messages_by_field

MAX_OPPORTUNITIES = 500


class LinesTable(QTableView):
    """The line items; Ctrl+Up/Down or a drag moves the current line.

    Signals:
        move_requested(int, int): move the line in row 1 to row 2.
    """

    move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A drag is offered as a copy so that Qt never removes the dragged row itself
        # (it does after a "move" drop); dropEvent reorders the lines instead.
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.currentIndex().row()
            if row >= 0:
                self.move_requested.emit(row, row + (-1 if event.key() == Qt.Key.Key_Up
                                                     else 1))
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        source = self.currentIndex().row()
        target = self.indexAt(event.position().toPoint()).row()
        model = self.model()
        if target < 0 and model is not None:
            target = model.rowCount() - 1
        if source >= 0:
            self.move_requested.emit(source, target)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()


class QuoteEditor(RecordEditor):
    """Signals:
        open_record_requested(str, object, object): open another record (a revision).
    """

    entity = "quote"
    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, quote_id: str | None = None, *,
                 opportunity_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, quote_id, parent)
        self.setObjectName("quoteEditor")
        self.resize(1100, 760)
        self.record: QuoteRecord | None = None
        self._build()
        self.actions_helper = QuoteActions(self, services)
        self._fill_choices()
        if quote_id is not None:
            self.record = services.quotes.get(quote_id)
            draft = self.record.draft
        elif opportunity_id is not None:
            draft = services.quotes.new_draft(opportunity_id)
        else:
            first = self.opportunity.itemData(0)
            draft = (services.quotes.new_draft(first) if first
                     else QuoteDraft(issue_date=date.today()))
        self.load_record(self.record, draft)
        revisions = self.tabs.widget(self.revisions_index)
        self.install_custom_fields(self.tabs, revisions)
        self.revisions_index = self.tabs.indexOf(revisions)
        self.history_index = self.tabs.indexOf(self.history)
        self._after_load()

    # -- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("quoteHeading")
        outer.addWidget(self.heading)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #a00;")
        self.banner.hide()
        outer.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        main = QWidget(self.tabs)
        self.tabs.addTab(main, self.tr("&Quote"))
        layout = QVBoxLayout(main)

        header = QGridLayout()
        self.opportunity = QComboBox(main)
        self.opportunity.setAccessibleName(self.tr("Opportunity"))
        self.currency = QComboBox(main)
        self.currency.addItems(list(CURRENCY_DIGITS))
        self.currency.setAccessibleName(self.tr("Currency"))
        self.price_book = QComboBox(main)
        self.price_book.setAccessibleName(self.tr("Price book"))
        self.issue_date = QDateEdit(main)
        self.issue_date.setCalendarPopup(True)
        self.issue_date.setDisplayFormat("yyyy-MM-dd")
        self.issue_date.setAccessibleName(self.tr("Issue date"))
        self.expiry_date = QDateEdit(main)
        self.expiry_date.setCalendarPopup(True)
        self.expiry_date.setDisplayFormat("yyyy-MM-dd")
        self.expiry_date.setAccessibleName(self.tr("Valid until"))
        self.discount = QLineEdit(main)
        self.discount.setPlaceholderText(self.tr("10% or an amount"))
        self.discount.setAccessibleName(self.tr("Document discount"))
        self.shipping = QLineEdit(main)
        self.shipping.setAccessibleName(self.tr("Shipping"))
        self.error_label = QLabel(main)
        self.error_label.setStyleSheet("color: #a00;")
        self.error_label.hide()
        fields = [(self.tr("O&pportunity:"), self.opportunity),
                  (self.tr("C&urrency:"), self.currency),
                  (self.tr("Price &book:"), self.price_book),
                  (self.tr("&Issued:"), self.issue_date),
                  (self.tr("&Valid until:"), self.expiry_date),
                  (self.tr("Disc&ount:"), self.discount),
                  (self.tr("S&hipping:"), self.shipping)]
        for position, (text, widget) in enumerate(fields):
            row, column = divmod(position, 4)
            label = QLabel(text, main)
            label.setBuddy(widget)
            header.addWidget(label, row, column * 2)
            header.addWidget(widget, row, column * 2 + 1)
        header.setColumnStretch(1, 3)
        for column in (3, 5, 7):  # the other field columns share what is left
            header.setColumnStretch(column, 1)
        # Wide enough for its hint in any language ("10% 或金额" was cut off in zh_CN).
        metrics = self.discount.fontMetrics()
        self.discount.setMinimumWidth(
            max(metrics.horizontalAdvance(self.discount.placeholderText()),
                metrics.horizontalAdvance("1,000,000.00")) + 16)
        layout.addLayout(header)
        layout.addWidget(self.error_label)

        tools = QHBoxLayout()
        self.product = QComboBox(main)
        self.product.setAccessibleName(self.tr("Product to add"))
        self.product.setMinimumContentsLength(28)
        self.add_product = QPushButton(self.tr("&Add product"), main)
        self.add_free = QPushButton(self.tr("Add &free line"), main)
        self.remove_line = QPushButton(self.tr("&Remove line"), main)
        self.up = QPushButton(self.tr("Up"), main)
        self.up.setToolTip(self.tr("Move the line up (Ctrl+Up)"))
        self.down = QPushButton(self.tr("Down"), main)
        self.down.setToolTip(self.tr("Move the line down (Ctrl+Down)"))
        for widget in (self.product, self.add_product, self.add_free, self.remove_line,
                       self.up, self.down):
            tools.addWidget(widget)
        tools.addStretch(1)
        layout.addLayout(tools)

        self.lines_model = QuoteLinesModel(self)
        self.lines = LinesTable(main)
        self.lines.setObjectName("quoteLines")
        self.lines.setAccessibleName(self.tr("Line items"))
        self.lines.setModel(self.lines_model)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.horizontalHeader().setSectionResizeMode(
            DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 80), (2, 110), (3, 90), (4, 60), (5, 120)):
            self.lines.setColumnWidth(column, width)
        layout.addWidget(self.lines, 1)

        bottom = QHBoxLayout()
        terms_box = QVBoxLayout()
        terms_label = QLabel(self.tr("&Terms:"), main)
        self.terms = QPlainTextEdit(main)
        self.terms.setAccessibleName(self.tr("Terms"))
        self.terms.setMaximumHeight(110)
        self.terms.setTabChangesFocus(True)
        terms_label.setBuddy(self.terms)
        terms_box.addWidget(terms_label)
        terms_box.addWidget(self.terms)
        bottom.addLayout(terms_box, 3)
        self.totals = QLabel(main)
        self.totals.setObjectName("quoteTotals")
        self.totals.setAccessibleName(self.tr("Totals"))
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.totals, 2)
        layout.addLayout(bottom)

        revisions = QWidget(self.tabs)
        revisions_layout = QVBoxLayout(revisions)
        revisions_layout.addWidget(QLabel(self.tr("Earlier revisions open read-only "
                                                  "(Enter or double-click)."), revisions))
        self.revisions = QListWidget(revisions)
        self.revisions.setAccessibleName(self.tr("Revisions"))
        revisions_layout.addWidget(self.revisions)
        self.revisions_index = self.tabs.addTab(revisions, self.tr("Re&visions"))
        self.history = QTreeWidget(self.tabs)
        self.history.setHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.history.setAccessibleName(self.tr("History"))
        self.history_index = self.tabs.addTab(self.history, self.tr("Hi&story"))

        self.action_row = QHBoxLayout()
        outer.addLayout(self.action_row)
        footer = QHBoxLayout()
        self.timestamps = QLabel(self)
        footer.addWidget(self.timestamps, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        footer.addWidget(self.buttons)
        outer.addLayout(footer)
        self.init_common(self.buttons, self.history, self.timestamps, self.banner)

        self.lines.move_requested.connect(self._on_lines_move_requested)
        self.add_product.clicked.connect(self._on_add_product_clicked)
        self.add_free.clicked.connect(self._on_add_free_clicked)
        self.remove_line.clicked.connect(self._on_remove_line_clicked)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.revisions.itemActivated.connect(self._on_revisions_item_activated)

    def _fill_choices(self) -> None:
        for row in self.services.lists.page(ListQuery("opportunity"), limit=MAX_OPPORTUNITIES):
            account = row.values.get("account") or ""
            self.opportunity.addItem(f"{row.values['name']} — {account}" if account
                                     else row.values["name"], row.id)
        self.price_book.addItem(self.tr("(default prices)"), None)
        for book in self.services.price_books.books():
            self.price_book.addItem(f"{book.name} ({book.currency})", book.id)
        for product in self.services.products.list_active():
            self.product.addItem(f"{product.draft.code} · {product.draft.name}", product.id)

    def _after_load(self) -> None:
        for edit in (self.discount, self.shipping):
            edit.textChanged.connect(self._on_input_changed)
        for combo in (self.opportunity, self.currency, self.price_book):
            combo.currentIndexChanged.connect(self._on_input_changed)
        for date_edit in (self.issue_date, self.expiry_date):
            date_edit.dateChanged.connect(self._on_input_changed)
        self.terms.textChanged.connect(self._on_input_changed)
        self.lines_model.lines_changed.connect(self._on_input_changed)
        self.lines_model.modelReset.connect(self._on_input_changed)
        self._show_record_state()
        self._on_input_changed()

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> QuoteDraft:
        discount_percent: Decimal | None
        try:
            discount_percent, amount = parse_discount(self.discount.text())
        except (ValidationError, InvalidOperation):
            # Not a discount: a value validation refuses, so the field shows the message.
            discount_percent, amount = Decimal(-1), Decimal(0)
        try:
            shipping = parse_amount(self.shipping.text()) if self.shipping.text().strip() \
                else Decimal(0)
        except ValidationError:
            shipping = Decimal(-1)
        return QuoteDraft(
            opportunity_id=self.opportunity.currentData(),
            currency=self.currency.currentText(),
            issue_date=self.issue_date.date().toPython(),
            expiry_date=self.expiry_date.date().toPython(),
            price_book_id=self.price_book.currentData(), terms=self.terms.toPlainText(),
            document_discount_percent=discount_percent, document_discount_amount=amount,
            shipping=shipping, lines=self.lines_model.lines())

    def show_draft(self, draft: QuoteDraft) -> None:
        if draft.opportunity_id and self.opportunity.findData(draft.opportunity_id) < 0:
            name = self.record.opportunity_name if self.record else draft.opportunity_id
            self.opportunity.addItem(name, draft.opportunity_id)
        self.opportunity.setCurrentIndex(max(self.opportunity.findData(draft.opportunity_id), 0))
        self.currency.setCurrentText(draft.currency)
        self.price_book.setCurrentIndex(max(self.price_book.findData(draft.price_book_id), 0))
        self.issue_date.setDate(QDate(draft.issue_date or date.today()))
        self.expiry_date.setDate(QDate(draft.expiry_date or draft.issue_date or date.today()))
        if draft.document_discount_percent is not None:
            self.discount.setText(f"{draft.document_discount_percent.normalize():f}%")
        elif draft.document_discount_amount:
            self.discount.setText(str(draft.document_discount_amount))
        else:
            self.discount.clear()
        self.shipping.setText(str(draft.shipping) if draft.shipping else "")
        self.terms.setPlainText(draft.terms)
        self.lines_model.set_lines(draft.lines, draft.currency)

    def validate_draft(self, draft: QuoteDraft) -> QuoteDraft:
        return validate_quote(draft)

    def error_labels(self) -> dict[str, QLabel]:
        return {name: self.error_label for name in (
            "opportunity_id", "currency", "issue_date", "expiry_date", "shipping",
            "document_discount", "lines")}

    def save_draft_with_version(self, draft: QuoteDraft, expected_version: int | None) -> Any:
        if self.record_id is None:
            record = self.services.quotes.create(draft)
        else:
            record = self.services.quotes.save(self.record_id, draft, expected_version)
        self.show_record(record)
        return record

    def window_title(self) -> str:
        if self.record is None:
            return self.tr("New quote")
        return self.tr("Quote %1").replace("%1", self.record.label)

    def describe(self, field: str, value: Any) -> str:
        if field == "approved_by" and isinstance(value, str):
            names = {u.id: u.name for u in self.services.users.list_active()}
            return names.get(value, value)
        return super().describe(field, value)

    # -- state ----------------------------------------------------------------------------

    def show_record(self, record: QuoteRecord) -> None:
        """Show *record* (after a save, an action, or a new revision) as the saved state."""
        self.record = record
        self.record_id = record.id
        self.load_record(record, record.draft)
        self._show_record_state()

    def _show_record_state(self) -> None:
        record = self.record
        read_only = record is not None and not record.editable and record.status != "sent"
        read_only = read_only or (record is not None and record.superseded)
        for widget in (self.opportunity, self.currency, self.price_book, self.issue_date,
                       self.expiry_date, self.discount, self.shipping, self.product,
                       self.add_product, self.add_free, self.remove_line, self.up, self.down):
            widget.setEnabled(not read_only)
        self.terms.setReadOnly(read_only)
        self.lines_model.read_only = read_only
        self.opportunity.setEnabled(record is None)  # a quote stays with its opportunity
        if record is None:
            new_quote = self.tr("New quote")
            self.heading.setText(f"<h2>{new_quote}</h2>")
            self.tabs.setTabEnabled(self.revisions_index, False)
            self.tabs.setTabEnabled(self.history_index, False)
        else:
            status = status_titles().get(record.status, record.status)
            extra = ""
            if record.superseded:
                extra = self.tr(" · superseded by a later revision (read-only)")
            elif record.needs_approval and not record.approved_by_name:
                extra = self.tr(" · ⚠ discount needs approval")
            elif record.approved_by_name:
                extra = self.tr(" · approved by %1").replace("%1", record.approved_by_name)
            self.heading.setText(f"<h2>{record.label}</h2>{status}{extra} · "
                                 f"{record.account_name} {record.contact_name}")
            if record.status == "sent" and not record.superseded:
                self.show_banner(self.tr("This quote was sent: saving changes creates "
                                         "revision %1.").replace("%1",
                                                                 str(record.revision + 1)))
            self.tabs.setTabEnabled(self.revisions_index, True)
            self.tabs.setTabEnabled(self.history_index, True)
            self.revisions.clear()
            for revision in self.services.quotes.revisions(record.id):
                revision_word = self.tr("Revision")
                item = QListWidgetItem(
                    f"{revision_word} {revision.revision} · "
                    f"{status_titles().get(revision.status, revision.status)} · "
                    f"{format_money(revision.total, revision.currency)}")
                item.setData(Qt.ItemDataRole.UserRole, revision.id)
                self.revisions.addItem(item)
        self.actions_helper.update(record)

    @Slot()
    def _on_input_changed(self) -> None:
        self.lines_model.set_currency(self.currency.currentText())
        draft = self.read_draft()
        try:
            totals = totals_of(validate_quote(draft))
        except (ValidationErrors, ValidationError) as problems:
            message = "<br>".join(messages_by_field(problems).values())
            self.totals.setText(f"<span style='color:#a00'>{message}</span>")
        else:
            money = lambda amount: format_money(amount, draft.currency)  # noqa: E731
            rows = [(self.tr("Subtotal"), money(totals.subtotal))]
            if totals.document_discount:
                rows.append((self.tr("Discount"), money(-totals.document_discount)))
            if totals.shipping:
                rows.append((self.tr("Shipping"), money(totals.shipping)))
            rows += [(self.tr("Tax %1").replace("%1", f"{tax.rate.normalize():f} %"),
                      money(tax.tax)) for tax in totals.shown_taxes]
            total = self.tr("Total")  # not inside the f-string: lupdate would not see it
            rows.append((f"<b>{total}</b>", f"<b>{money(totals.grand_total)}</b>"))
            rows.append((self.tr("Overall discount"),
                         f"{totals.discount_percent.quantize(Decimal('0.1'))} %"))
            cells = "".join(f"<tr><td>{a}</td><td align='right'>&nbsp;&nbsp;{b}</td></tr>"
                            for a, b in rows)
            self.totals.setText(f"<table>{cells}</table>")
        self.refresh_state()

    # -- line editing ---------------------------------------------------------------------

    def _current_row(self) -> int:
        index = self.lines.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        self.lines.setCurrentIndex(self.lines_model.index(row, max(self.lines.currentIndex()
                                                                   .column(), 0)))

    def _move(self, delta: int) -> None:
        row = self._current_row()
        if row >= 0:
            self._on_lines_move_requested(row, row + delta)

    @Slot(int, int)
    def _on_lines_move_requested(self, row: int, target: int) -> None:
        if not self.lines_model.read_only:
            self._select(self.lines_model.move_to(row, target))

    @Slot()
    def _on_add_product_clicked(self) -> None:
        product_id = self.product.currentData()
        if product_id:
            line = self.services.quotes.line_for_product(
                product_id, self.price_book.currentData(),
                currency=self.currency.currentText())
            self._select(self.lines_model.add_line(line))

    @Slot()
    def _on_add_free_clicked(self) -> None:
        row = self.lines_model.add_line(QuoteLineDraft(description=""))
        self._select(row)
        self.lines.edit(self.lines_model.index(row, DESCRIPTION))

    @Slot()
    def _on_remove_line_clicked(self) -> None:
        row = self._current_row()
        self.lines_model.remove_line(row)
        if self.lines_model.rowCount():
            self._select(min(row, self.lines_model.rowCount() - 1))

    @Slot(QListWidgetItem)
    def _on_revisions_item_activated(self, item: QListWidgetItem) -> None:
        revision_id = item.data(Qt.ItemDataRole.UserRole)
        if revision_id and revision_id != self.record_id:
            self.open_record_requested.emit("quote", revision_id, {})
