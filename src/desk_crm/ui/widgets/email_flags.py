"""The contact editor's marketing e-mail flags: opted out, and bounced (with when)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from desk_crm.store.types import utc_now
from desk_crm.ui.columns import local_time


class EmailFlags(QWidget):
    """Signals:
        changed(): a box was ticked or cleared.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.opt_out_box = QCheckBox(self.tr("No marketing e-mail (opted &out)"), self)
        self.opt_out_box.setObjectName("emailOptOut")
        self.bounced_box = QCheckBox(self.tr("Address &bounced"), self)
        self.bounced_box.setObjectName("emailBounced")
        layout.addWidget(self.opt_out_box)
        layout.addWidget(self.bounced_box)
        layout.addStretch(1)
        self._bounced_at: datetime | None = None
        self.opt_out_box.toggled.connect(self.changed)
        self.bounced_box.toggled.connect(self._on_bounced_box_toggled)

    def set_flags(self, opt_out: bool, bounced_at: datetime | None) -> None:
        self._bounced_at = bounced_at
        for box, value in ((self.opt_out_box, opt_out),
                           (self.bounced_box, bounced_at is not None)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        self._show_bounce_time()

    def opt_out(self) -> bool:
        return self.opt_out_box.isChecked()

    def bounced_at(self) -> datetime | None:
        return self._bounced_at if self.bounced_box.isChecked() else None

    @Slot(bool)
    def _on_bounced_box_toggled(self, checked: bool) -> None:
        if checked and self._bounced_at is None:
            self._bounced_at = utc_now()
        self._show_bounce_time()
        self.changed.emit()

    def _show_bounce_time(self) -> None:
        when = self.bounced_at()
        self.bounced_box.setText(self.tr("Address &bounced") if when is None else
                                 self.tr("Address &bounced (%1)").replace("%1",
                                                                         local_time(when)))
