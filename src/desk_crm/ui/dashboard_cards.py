"""The dashboard's figures made to be read at a glance: a card shows its title small, the
figure large, a detail line and the trend against the previous period (arrow and colour:
green where the change is good, red where it is bad); the top accounts draw each amount
right-aligned over a bar of its share of the first."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

CARD_STYLE = ("QPushButton { text-align: left; border: 1px solid palette(mid); "
              "border-radius: 6px; background: palette(base); }"
              "QPushButton:focus { border: 2px solid palette(highlight); }"
              "QPushButton:hover { border: 1px solid palette(highlight); }")
GOOD, BAD = QColor("#2e7d32"), QColor("#c62828")
AmountRole = Qt.ItemDataRole.UserRole + 1  # the amount's text, drawn right-aligned
ShareRole = Qt.ItemDataRole.UserRole + 2   # float 0..1: the bar's length
NameRole = Qt.ItemDataRole.UserRole + 3    # the account's name, drawn left


class Card(QPushButton):
    """A figure with its title; clicking it opens the records behind it."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = title
        self.value = ""
        self.setStyleSheet(CARD_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # One height for the row: cards without a trend line fill it too.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.title_label = self._label(f"{name}Title", title)
        self.value_label = self._label(f"{name}Value", "…")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value_label.setFont(font)
        self.detail_label = self._label(f"{name}Detail", "")
        self.trend_label = self._label(f"{name}Trend", "")
        for label in (self.title_label, self.value_label, self.detail_label,
                      self.trend_label):
            layout.addWidget(label)
        # Colours by style sheet: the card's own sheet would override a label's palette.
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.title_label.setStyleSheet(f"color: {muted};")
        self.detail_label.setStyleSheet(f"color: {muted};")
        self.trend_label.hide()
        self.trend_colour = QColor()
        self.set_value("…")

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        # Clicks go to the card, which opens the list behind the figure.
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label

    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()

    def set_value(self, value: str, detail: str = "") -> None:
        self.value = value
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self._update_accessible_name()

    def set_trend(self, text: str, good: bool | None) -> None:
        """*text* under the figure; *good* colours it (None: neutral, no change known)."""
        self.trend_label.setText(text)
        self.trend_label.setVisible(bool(text))
        colour = (self.palette().color(QPalette.ColorRole.PlaceholderText) if good is None
                  else GOOD if good else BAD)
        self.trend_colour = colour
        self.trend_label.setStyleSheet(f"color: {colour.name()};")
        self._update_accessible_name()

    def trend(self) -> str:
        return self.trend_label.text() if self.trend_label.isVisibleTo(self) else ""

    def _update_accessible_name(self) -> None:
        parts = [f"{self.title}: {self.value}", self.detail_label.text(), self.trend()]
        self.setAccessibleName(" ".join(p for p in parts if p).strip())


def arrow(change: Decimal) -> str:
    return "▲" if change > 0 else "▼" if change < 0 else "＝"


class TopAccountDelegate(QStyledItemDelegate):
    """Name left, amount right in bold, a bar of the amount's share of the first below."""

    BAR = 4

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.BAR + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        amount = index.data(AmountRole)
        if amount is None:  # "Nothing won in this period"
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option,
                                painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        area = option.rect.adjusted(6, 3, -6, -(self.BAR + 5))
        painter.save()
        painter.setPen(text_colour)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        amount_width = painter.fontMetrics().horizontalAdvance(str(amount)) + 8
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         str(amount))
        painter.setFont(option.font)
        name_area = QRect(area.left(), area.top(), max(area.width() - amount_width, 0),
                          area.height())
        name = painter.fontMetrics().elidedText(str(index.data(NameRole) or ""),
                                                Qt.TextElideMode.ElideRight,
                                                name_area.width())
        painter.drawText(name_area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         name)
        share = float(index.data(ShareRole) or 0.0)
        bar = QRect(area.left(), option.rect.bottom() - self.BAR - 2,
                    int(area.width() * max(min(share, 1.0), 0.0)), self.BAR)
        painter.fillRect(bar, option.palette.color(QPalette.ColorRole.Highlight)
                         if not selected else text_colour)
        painter.restore()

