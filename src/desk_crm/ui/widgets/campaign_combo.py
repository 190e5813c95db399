"""The "Source campaign" picker of the lead and opportunity editors, added as the last row
of their details grid (the Designer forms predate campaigns)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from desk_crm.services.bundle import Services

translate = QCoreApplication.translate


def add_campaign_picker(grid: QGridLayout, parent: QWidget, services: Services,
                        current: str | None) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("campaignPicker")
    combo.setAccessibleName(translate("Campaigns", "Source campaign"))
    fill_campaigns(combo, services, current)
    label = QLabel(translate("Campaigns", "Source ca&mpaign:"), parent)
    label.setBuddy(combo)
    row = grid.rowCount()
    grid.addWidget(label, row, 0)
    grid.addWidget(combo, row, 1)
    return combo


def fill_campaigns(combo: QComboBox, services: Services, current: str | None) -> None:
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(translate("Campaigns", "(none)"), None)
    for campaign_id, name in services.campaigns.choices():
        combo.addItem(name, campaign_id)
    if current is not None and combo.findData(current) < 0:  # deleted since: still shown
        combo.addItem(services.campaigns.name_of(current) or current, current)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
