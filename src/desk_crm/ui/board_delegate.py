"""Paints a board card from the column model's named roles: name, account, amount, close
date, owner, and a "No next step" badge when no open activity is linked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desk_crm.ui.board_model import (
    AccountRole,
    AmountTextRole,
    CloseDateRole,
    NameRole,
    NoNextStepRole,
    OverdueRole,
    OwnerRole,
)

MARGIN = 4
PADDING = 8
WARNING = QColor("#b45309")  # amber: readable on light and dark card backgrounds


translate = QCoreApplication.translate


class CardDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).height()
        # A small width: a top-to-bottom QListView stretches each item to the viewport.
        return QSize(120, 3 * line + 2 * PADDING + 2 * MARGIN + 6)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        card = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight).lighter(190)
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(border, 2 if focused or selected else 1))
        painter.setBrush(background)
        painter.drawRoundedRect(card, 6, 6)

        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        inner = card.adjusted(PADDING, PADDING - 2, -PADDING, -PADDING + 2)
        metrics = QFontMetrics(option.font)
        line = metrics.height() + 2
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)

        # line 1: name (bold), amount right-aligned
        amount = str(index.data(AmountTextRole) or "")
        amount_width = bold_metrics.horizontalAdvance(amount) + 6
        painter.setFont(bold)
        painter.setPen(text_color)
        name_rect = QRect(inner.left(), inner.top(), inner.width() - amount_width, line)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bold_metrics.elidedText(
                str(index.data(NameRole) or ""), Qt.TextElideMode.ElideRight, name_rect.width()
            ),
        )
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            amount,
        )

        # line 2: account
        painter.setFont(option.font)
        painter.setPen(muted)
        account_rect = QRect(inner.left(), inner.top() + line, inner.width(), line)
        painter.drawText(
            account_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                str(index.data(AccountRole) or "—"), Qt.TextElideMode.ElideRight, inner.width()
            ),
        )

        # line 3: close date (red when overdue) · owner, badge on the right
        close_date = index.data(CloseDateRole)
        date_text = (
            close_date.isoformat()
            if isinstance(close_date, date)
            else translate("BoardCard", "no date")
        )
        third = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line)
        badge_width = 0
        if index.data(NoNextStepRole):
            badge = translate("BoardCard", "No next step")
            badge_width = metrics.horizontalAdvance(badge) + 12
            badge_rect = QRect(
                third.right() - badge_width + 1, third.top() + 1, badge_width, line - 2
            )
            painter.setPen(QPen(WARNING, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.setPen(QColor("#c0392b") if index.data(OverdueRole) else muted)
        date_width = metrics.horizontalAdvance(date_text) + 8
        painter.drawText(
            third, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, date_text
        )
        painter.setPen(muted)
        owner_rect = QRect(
            third.left() + date_width,
            third.top(),
            max(0, third.width() - date_width - badge_width - 4),
            line,
        )
        painter.drawText(
            owner_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                str(index.data(OwnerRole) or ""), Qt.TextElideMode.ElideRight, owner_rect.width()
            ),
        )
        painter.restore()
