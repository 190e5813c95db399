"""Settings → Lead scoring rules: points per source, company size, activity and
completeness. Saving rescores every lead."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.leads import LEAD_SOURCES
from desk_crm.domain.scoring import COMPLETENESS_FIELDS, MAX_POINTS, ScoringRules
from desk_crm.services.bundle import Services
from desk_crm.ui.sales_columns import source_titles
from desk_crm.ui.validation_text import all_messages

SIZE_TIERS = 4


def _points(parent: QWidget, value: int, name: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(-MAX_POINTS, MAX_POINTS)
    box.setValue(value)
    box.setAccessibleName(name)
    return box


class ScoringRulesDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.changed_leads = 0
        self.setObjectName("scoringRulesDialog")
        self.setWindowTitle(self.tr("Lead scoring rules"))
        rules = services.leads.scoring_rules()
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A lead's score is the sum of these points; the lead editor "
                               "lists every point with its reason."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        columns = QHBoxLayout()
        layout.addLayout(columns)

        source_box = QGroupBox(self.tr("Source"), self)
        source_form = QFormLayout(source_box)
        self.source_points: dict[str, QSpinBox] = {}
        for code in LEAD_SOURCES:
            title = source_titles()[code]
            box = _points(source_box, rules.source_points.get(code, 0), title)
            self.source_points[code] = box
            source_form.addRow(title + ":", box)
        columns.addWidget(source_box)

        right = QVBoxLayout()
        columns.addLayout(right)
        size_box = QGroupBox(self.tr("Company size"), self)
        size_grid = QGridLayout(size_box)
        size_grid.addWidget(QLabel(self.tr("From employees"), size_box), 0, 0)
        size_grid.addWidget(QLabel(self.tr("Points"), size_box), 0, 1)
        self.size_tiers: list[tuple[QSpinBox, QSpinBox]] = []
        tiers = sorted(rules.size_tiers, reverse=True)
        for number in range(SIZE_TIERS):
            minimum, points = tiers[number] if number < len(tiers) else (0, 0)
            size = QSpinBox(size_box)
            size.setRange(0, 10_000_000)
            size.setSpecialValueText(self.tr("(unused)"))
            size.setValue(minimum)
            size.setAccessibleName(self.tr("Tier %1 from employees").replace(
                "%1", str(number + 1)))
            worth = _points(size_box, points, self.tr("Tier %1 points").replace(
                "%1", str(number + 1)))
            size_grid.addWidget(size, number + 1, 0)
            size_grid.addWidget(worth, number + 1, 1)
            self.size_tiers.append((size, worth))
        right.addWidget(size_box)

        engagement = QGroupBox(self.tr("Engagement"), self)
        engagement_form = QFormLayout(engagement)
        self.per_activity = _points(engagement, rules.points_per_activity,
                                    self.tr("Points per logged activity"))
        self.activity_cap = _points(engagement, rules.max_activity_points,
                                    self.tr("At most, for activities"))
        self.activity_cap.setMinimum(0)
        engagement_form.addRow(self.tr("Per logged activity:"), self.per_activity)
        engagement_form.addRow(self.tr("At most:"), self.activity_cap)
        right.addWidget(engagement)

        completeness = QGroupBox(self.tr("Complete data"), self)
        completeness_form = QFormLayout(completeness)
        titles = {"email": self.tr("Has email"), "phone": self.tr("Has phone"),
                  "company": self.tr("Has company"), "title": self.tr("Has title")}
        self.completeness: dict[str, QSpinBox] = {}
        for name in COMPLETENESS_FIELDS:
            box = _points(completeness, rules.completeness_points.get(name, 0), titles[name])
            self.completeness[name] = box
            completeness_form.addRow(titles[name] + ":", box)
        right.addWidget(completeness)

        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults,
                                        self)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self._on_defaults_clicked)

    def rules(self) -> ScoringRules:
        return ScoringRules(
            source_points={code: box.value() for code, box in self.source_points.items()},
            size_tiers=tuple((size.value(), worth.value())
                             for size, worth in self.size_tiers if size.value() > 0),
            points_per_activity=self.per_activity.value(),
            max_activity_points=self.activity_cap.value(),
            completeness_points={name: box.value() for name, box in self.completeness.items()},
        )

    def show_rules(self, rules: ScoringRules) -> None:
        for code, box in self.source_points.items():
            box.setValue(rules.source_points.get(code, 0))
        tiers = sorted(rules.size_tiers, reverse=True)
        for number, (size, worth) in enumerate(self.size_tiers):
            minimum, points = tiers[number] if number < len(tiers) else (0, 0)
            size.setValue(minimum)
            worth.setValue(points)
        self.per_activity.setValue(rules.points_per_activity)
        self.activity_cap.setValue(rules.max_activity_points)
        for name, box in self.completeness.items():
            box.setValue(rules.completeness_points.get(name, 0))

    @Slot()
    def _on_defaults_clicked(self) -> None:
        self.show_rules(ScoringRules())

    @Slot()
    def save(self) -> None:
        try:
            self.changed_leads = self.services.leads.save_scoring_rules(self.rules())
        except ValidationErrors as problems:
            self.error.setText(all_messages(problems))
            return
        self.accept()
