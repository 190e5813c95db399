"""The lead and opportunity list pages: a ListPage with a filter bar above the table.

The bar only changes the model's query (``model.set_query(replace(query, filters=…))``):
filtering happens in SQL like searching and sorting.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from desk_crm.domain.leads import LEAD_STATUSES
from desk_crm.services.bundle import Services
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.sales_columns import lead_columns, opportunity_columns, status_titles

PAST_MONTHS = 6
FUTURE_MONTHS = 12


def month_keys(today: date, past: int = PAST_MONTHS, future: int = FUTURE_MONTHS) -> list[str]:
    """"YYYY-MM" from *past* months ago to *future* months ahead."""
    keys = []
    for offset in range(-past, future + 1):
        index = today.year * 12 + today.month - 1 + offset
        keys.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return keys


class FilterBar(QWidget):
    """Signals:
        filters_changed(): a combo or check box changed; read ``filters()``.
    """

    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self._combos: dict[str, QComboBox] = {}
        self._checks: dict[str, QCheckBox] = {}

    def add_combo(self, key: str, label: str, accessible: str) -> QComboBox:
        caption = QLabel(label, self)
        combo = QComboBox(self)
        combo.setObjectName(f"{key}Filter")
        combo.setAccessibleName(accessible)
        combo.setMinimumContentsLength(10)
        caption.setBuddy(combo)
        self.row.addWidget(caption)
        self.row.addWidget(combo)
        self._combos[key] = combo
        combo.currentIndexChanged.connect(self.filters_changed)
        return combo

    def add_check(self, key: str, label: str) -> QCheckBox:
        box = QCheckBox(label, self)
        box.setObjectName(f"{key}Filter")
        self.row.addWidget(box)
        self._checks[key] = box
        box.toggled.connect(self.filters_changed)
        return box

    def finish(self) -> None:
        self.row.addStretch(1)

    @staticmethod
    def fill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        """Replace the items, keeping the chosen one when it still exists, silently."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for title, value in items:
            combo.addItem(title, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def filters(self) -> tuple[tuple[str, str], ...]:
        chosen = [(key, combo.currentData()) for key, combo in self._combos.items()
                  if combo.currentData() is not None]
        chosen += [(key, "1") for key, box in self._checks.items() if box.isChecked()]
        return tuple(chosen)


    def set_filters(self, filters: tuple[tuple[str, str], ...]) -> None:
        """Show *filters* (a saved view's) without emitting filters_changed."""
        chosen = dict(filters)
        for key, combo in self._combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(chosen.get(key)), 0))
            combo.blockSignals(False)
        for key, box in self._checks.items():
            box.blockSignals(True)
            box.setChecked(chosen.get(key) == "1")
            box.blockSignals(False)


class FilteredListPage(ListPage):
    """A ListPage whose filter bar drives the model's query."""

    def __init__(self, entity: str, title: str, services: Services, columns: tuple,
                 parent: QWidget | None = None) -> None:
        super().__init__(entity, title, services.lists, columns, parent)
        self.services = services
        self.filter_bar = FilterBar(self)
        self.filter_bar.setObjectName(f"{entity}FilterBar")
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(1, self.filter_bar)  # type: ignore[attr-defined]
        self.filter_bar.filters_changed.connect(self._on_filter_bar_filters_changed)

    def fill_owners(self, combo: QComboBox) -> None:
        FilterBar.fill(combo, self.tr("All owners"),
                       [(user.name, user.id) for user in self.services.users.list_active()])

    def set_view_filters(self, filters: tuple[tuple[str, str], ...]) -> None:
        self.filter_bar.set_filters(filters)

    @Slot()
    def _on_filter_bar_filters_changed(self) -> None:
        query = self.model.query
        self.model.set_query(replace(query, filters=self.filter_bar.filters()
                                     + self.field_filters()))


class OpportunityListPage(FilteredListPage):
    def __init__(self, services: Services, title: str, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__("opportunity", title, services, opportunity_columns(), parent)
        bar = self.filter_bar
        self.owner_filter = bar.add_combo("owner_id", self.tr("O&wner:"), self.tr("Owner"))
        self.stage_filter = bar.add_combo("stage_id", self.tr("S&tage:"), self.tr("Stage"))
        self.month_filter = bar.add_combo("close_month", self.tr("C&loses in:"),
                                          self.tr("Close month"))
        self.no_next_step = bar.add_check("no_next_step", self.tr("No next step &only"))
        bar.finish()
        self._today = today or date.today()
        FilterBar.fill(self.month_filter, self.tr("Any month"),
                       [(key, key) for key in month_keys(self._today)])
        self.refresh_choices()

    def refresh_choices(self) -> None:
        self.fill_owners(self.owner_filter)
        FilterBar.fill(self.stage_filter, self.tr("All stages"),
                       [(stage.name, stage.id) for stage in
                        self.services.pipeline.stages(include_inactive=True)])

    def reload(self) -> None:
        self.refresh_choices()
        super().reload()


class LeadListPage(FilteredListPage):
    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        super().__init__("lead", title, services, lead_columns(services.default_region),
                         parent)
        bar = self.filter_bar
        self.status_filter = bar.add_combo("status", self.tr("St&atus:"), self.tr("Status"))
        self.owner_filter = bar.add_combo("owner_id", self.tr("O&wner:"), self.tr("Owner"))
        bar.finish()
        FilterBar.fill(self.status_filter, self.tr("All statuses"),
                       [(status_titles()[code], code) for code in LEAD_STATUSES])
        self.fill_owners(self.owner_filter)

    def reload(self) -> None:
        self.fill_owners(self.owner_filter)
        super().reload()
