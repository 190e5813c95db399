"""The product editor: code, name, description, unit, default price and currency, tax."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.money import CURRENCY_DIGITS, parse_amount
from desk_crm.services.bundle import Services
from desk_crm.services.products import validate_product
from desk_crm.services.quote_records import ProductDraft, ProductRecord
from desk_crm.ui.editors.base import RecordEditor

INVALID = Decimal(-1)


class ProductEditor(RecordEditor):
    entity = "product"

    def __init__(self, services: Services, product_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, product_id, parent)
        self.setObjectName("productEditor")
        self.resize(560, 520)
        outer = QVBoxLayout(self)
        self.banner = QLabel(self)
        self.banner.setStyleSheet("color: #a00;")
        self.banner.hide()
        outer.addWidget(self.banner)
        tabs = QTabWidget(self)
        outer.addWidget(tabs)
        page = QWidget(tabs)
        tabs.addTab(page, self.tr("&Product"))
        form = QFormLayout(page)
        self.code, self.name, self.unit = QLineEdit(page), QLineEdit(page), QLineEdit(page)
        self.price, self.tax_category, self.tax_rate = (QLineEdit(page), QLineEdit(page),
                                                        QLineEdit(page))
        self.currency = QComboBox(page)
        self.currency.addItems(list(CURRENCY_DIGITS))
        self.description = QPlainTextEdit(page)
        self.description.setTabChangesFocus(True)
        self.active = QCheckBox(self.tr("&Active (offered on new quotes)"), page)
        self.errors: dict[str, QLabel] = {}
        for key, text, widget in (
                ("code", self.tr("&Code:"), self.code), ("name", self.tr("&Name:"), self.name),
                ("unit", self.tr("&Unit:"), self.unit),
                ("default_price", self.tr("Default &price:"), self.price),
                ("currency", self.tr("Cu&rrency:"), self.currency),
                ("tax_category", self.tr("Tax cate&gory:"), self.tax_category),
                ("tax_rate", self.tr("&Tax rate %:"), self.tax_rate),
                ("description", self.tr("&Description:"), self.description)):
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            label = QLabel(text, page)
            label.setBuddy(widget)
            form.addRow(label, widget)
            error = QLabel(page)
            error.setStyleSheet("color: #a00;")
            error.hide()
            form.addRow("", error)
            self.errors[key] = error
        form.addRow("", self.active)
        history = QTreeWidget(tabs)
        history.setHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        tabs.addTab(history, self.tr("Hi&story"))
        self.timestamps = QLabel(self)
        outer.addWidget(self.timestamps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        outer.addWidget(buttons)
        self.init_common(buttons, history, self.timestamps, self.banner)
        record = services.products.get(product_id) if product_id else None
        self.load_record(record, record.draft if record else ProductDraft())
        self.install_custom_fields(tabs, history)
        for edit in (self.code, self.name, self.unit, self.price, self.tax_category,
                     self.tax_rate):
            edit.textChanged.connect(self.refresh_state)
        self.description.textChanged.connect(self.refresh_state)
        self.currency.currentIndexChanged.connect(self.refresh_state)
        self.active.toggled.connect(self.refresh_state)
        self.code.setFocus()

    def read_draft(self) -> ProductDraft:
        try:
            price = parse_amount(self.price.text()) if self.price.text().strip() \
                else Decimal(0)
        except ValidationError:
            price = INVALID
        try:
            rate = Decimal(self.tax_rate.text().replace("%", "").strip() or "0")
        except InvalidOperation:
            rate = INVALID
        return ProductDraft(code=self.code.text(), name=self.name.text(),
                            description=self.description.toPlainText(),
                            unit=self.unit.text(), default_price=price,
                            currency=self.currency.currentText(),
                            tax_category=self.tax_category.text(), tax_rate=rate,
                            active=self.active.isChecked())

    def show_draft(self, draft: ProductDraft) -> None:
        self.code.setText(draft.code)
        self.name.setText(draft.name)
        self.unit.setText(draft.unit)
        self.price.setText(str(draft.default_price) if draft.default_price else "")
        self.currency.setCurrentText(draft.currency)
        self.tax_category.setText(draft.tax_category)
        self.tax_rate.setText(f"{draft.tax_rate.normalize():f}")
        self.description.setPlainText(draft.description)
        self.active.setChecked(draft.active)

    def validate_draft(self, draft: ProductDraft) -> ProductDraft:
        return validate_product(draft)

    def error_labels(self) -> dict[str, QLabel]:
        return self.errors

    def save_draft_with_version(self, draft: ProductDraft,
                                expected_version: int | None) -> ProductRecord:
        return self.services.products.save(draft, self.record_id, expected_version)

    def window_title(self) -> str:
        return self.tr("Product %1").replace("%1", self.name.text()) if self.record_id \
            else self.tr("New product")
