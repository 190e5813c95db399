"""Settings → Price books: the books (name, currency, default, active) and each book's
price per product; an empty price cell leaves the product out of the book."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.money import CURRENCY_DIGITS, format_amount, parse_amount
from desk_crm.services.bundle import Services
from desk_crm.ui.validation_text import messages_by_field

CODE, NAME, DEFAULT_PRICE, PRICE = range(4)
IdRole = Qt.ItemDataRole.UserRole + 1


class PriceBookDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("priceBookDialog")
        self.setWindowTitle(self.tr("Price books"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Book:"), self)
        self.book = QComboBox(self)
        self.book.setAccessibleName(self.tr("Price book"))
        label.setBuddy(self.book)
        self.default = QCheckBox(self.tr("&Default for new quotes"), self)
        self.active = QCheckBox(self.tr("A&ctive"), self)
        self.new_book = QPushButton(self.tr("&New book…"), self)
        for widget in (label, self.book, self.default, self.active, self.new_book):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Prices"))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Product"),
                                              self.tr("Default price"), self.tr("Book price")])
        self.table.horizontalHeader().setSectionResizeMode(
            NAME, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a00;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.new_book.clicked.connect(self._on_new_book_clicked)
        self._fill_books()
        self.book.currentIndexChanged.connect(self._on_book_current_index_changed)
        self._on_book_current_index_changed()

    def _fill_books(self, select: str | None = None) -> None:
        self.book.blockSignals(True)
        self.book.clear()
        for book in self.services.price_books.books(include_inactive=True):
            self.book.addItem(f"{book.name} ({book.currency})", book.id)
        self.book.setCurrentIndex(max(self.book.findData(select), 0))
        self.book.blockSignals(False)

    @Slot()
    def _on_book_current_index_changed(self) -> None:
        book_id = self.book.currentData()
        books = {b.id: b for b in self.services.price_books.books(include_inactive=True)}
        book = books.get(book_id)
        prices = self.services.price_books.prices(book_id) if book else {}
        self.default.setChecked(bool(book and book.is_default))
        self.active.setChecked(bool(book and book.active))
        products = self.services.products.list_active()
        self.table.setRowCount(len(products))
        for row, product in enumerate(products):
            draft = product.draft
            cells = [draft.code, draft.name,
                     f"{format_amount(draft.default_price, draft.currency)} {draft.currency}",
                     format_amount(prices[product.id], book.currency)
                     if book and product.id in prices else ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != PRICE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column in (DEFAULT_PRICE, PRICE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setData(IdRole, product.id)
                self.table.setItem(row, column, item)
        self.table.setEnabled(book is not None)

    @Slot()
    def _on_new_book_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New price book"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        currency, ok = QInputDialog.getItem(self, self.tr("New price book"),
                                            self.tr("Currency:"), list(CURRENCY_DIGITS), 0,
                                            False)
        if ok:
            book = self.services.price_books.save(name, currency)
            self._fill_books(book.id)
            self._on_book_current_index_changed()

    def read_prices(self) -> dict[str, Decimal | None]:
        prices: dict[str, Decimal | None] = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, PRICE)
            if item is None:
                continue
            text = item.text().strip()
            prices[item.data(IdRole)] = parse_amount(text) if text else None
        return prices

    @Slot()
    def _on_buttons_accepted(self) -> None:
        book_id = self.book.currentData()
        if book_id is None:
            self.accept()
            return
        books = {b.id: b for b in self.services.price_books.books(include_inactive=True)}
        book = books[book_id]
        try:
            prices = self.read_prices()
            self.services.price_books.save(book.name, book.currency,
                                           is_default=self.default.isChecked(),
                                           active=self.active.isChecked(), book_id=book_id)
            self.services.price_books.set_prices(book_id, prices)
        except (ValidationErrors, ValidationError) as problems:
            self.error.setText("\n".join(messages_by_field(problems).values()))
            return
        self.accept()
