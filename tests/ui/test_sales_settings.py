from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from desk_crm.services.bundle import Services
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.scoring_dialog import ScoringRulesDialog
from desk_crm.ui.stage_settings import ACTIVE, KIND, NAME, PROBABILITY, StageSettingsDialog
from helpers.sales import add_opportunity

from .sales_support import Asked, asked_fixture, shown_fixture  # noqa: F401


def test_stage_dialog_renames_reorders_adds_and_saves(qtbot: Any, services: Services,
                                                      shown: Any) -> None:
    services.pipeline.ensure_defaults()
    dialog = shown(StageSettingsDialog(services))
    assert dialog.table.rowCount() == 7
    dialog.table.item(0, NAME).setText("初步接触")
    dialog.table.item(0, PROBABILITY).setText("5")
    dialog.table.setCurrentCell(1, NAME)
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)  # Qualification ↓
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = dialog.table.currentRow()
    assert added == 5  # before the first closed stage
    dialog.table.item(added, NAME).setText("Verbal yes")
    dialog.table.item(added, PROBABILITY).setText("90")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    stages = services.pipeline.stages()
    assert [s.name for s in stages] == ["初步接触", "Needs analysis", "Qualification",
                                        "Proposal", "Negotiation", "Verbal yes",
                                        "Closed won", "Closed lost"]
    assert stages[0].probability == Decimal(5) and stages[5].probability == Decimal(90)


def test_stage_dialog_shows_errors_and_keeps_a_used_stage(qtbot: Any, services: Services,
                                                         shown: Any, asked: Asked) -> None:
    add_opportunity(services, stage="Proposal")
    dialog = shown(StageSettingsDialog(services))
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, NAME).text() == "Proposal")
    dialog.table.setCurrentCell(row, NAME)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 7  # not removed ...
    assert dialog.table.item(row, ACTIVE).checkState() == Qt.CheckState.Unchecked  # ... off
    assert asked.boxes and "deactivated" in asked.boxes[0][1]
    lost = dialog.table.cellWidget(6, KIND)
    assert isinstance(lost, QComboBox)
    lost.setCurrentIndex(lost.findData("open"))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "lost" in dialog.error.text()
    assert "Proposal" in [s.name for s in services.pipeline.stages()]  # nothing saved


def test_scoring_dialog_saves_rules_and_rescores(qtbot: Any, services: Services,
                                                 shown: Any) -> None:
    from desk_crm.domain.leads import LeadDraft

    lead = services.leads.save(LeadDraft(given_name="Ann", source="cold_call",
                                         phone="+1 415 555 0101"))
    assert lead.score == 10
    dialog = shown(ScoringRulesDialog(services))
    dialog.source_points["cold_call"].setValue(7)
    dialog.completeness["phone"].setValue(0)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    assert dialog.changed_leads == 1
    assert services.leads.get(lead.id).score == 7
    assert services.lists.page(ListQuery("lead"))[0].values["score"] == 7
    again = shown(ScoringRulesDialog(services))
    assert again.source_points["cold_call"].value() == 7
    qtbot.mouseClick(again.buttons.button(again.buttons.StandardButton.RestoreDefaults),
                     Qt.MouseButton.LeftButton)
    assert again.source_points["cold_call"].value() == 0
