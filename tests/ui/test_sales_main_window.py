from pathlib import Path
from typing import Any

import shiboken6

from desk_crm.services.bundle import Services
from desk_crm.settings import Settings
from desk_crm.store.database import Database
from desk_crm.ui.editors.lead_editor import LeadEditor
from desk_crm.ui.editors.opportunity_editor import OpportunityEditor
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.scoring_dialog import ScoringRulesDialog
from desk_crm.ui.stage_settings import StageSettingsDialog

from .sales_support import asked_fixture  # noqa: F401


def test_sales_areas_editors_and_settings_menu(qtbot: Any, services: Services,
                                               database: Database, tmp_path: Path,
                                               asked: Any) -> None:
    services.pipeline.ensure_defaults()
    events = AppEvents()
    window = MainWindow(services, Settings(tmp_path / "s.ini"), events, database.path)
    qtbot.addWidget(window)
    # the dashboard comes first, then the record areas
    assert list(window.pages)[:5] == ["dashboard", "accounts", "contacts", "leads",
                                      "opportunities"]
    window.show_area("leads")
    lead_editor = window.open_record("lead", None)
    assert isinstance(lead_editor, LeadEditor)
    window.show_area("opportunities")
    opportunity_editor = window.open_record("opportunity", None)
    assert isinstance(opportunity_editor, OpportunityEditor)
    titles = [action.text() for action in window.settings_menu.actions()]
    assert titles[:2] == ["&Pipeline stages…", "&Lead scoring rules…"]
    window.settings_actions["pipeline_stages"].trigger()
    window.settings_actions["lead_scoring"].trigger()
    dialogs = [*window.findChildren(StageSettingsDialog),
               *window.findChildren(ScoringRulesDialog)]
    assert len(dialogs) == 2
    with qtbot.waitSignal(events.records_changed) as changed:
        dialogs[0].save()
    assert changed.args == ["pipeline_stage", ""]
    for editor in (lead_editor, opportunity_editor):
        if shiboken6.isValid(editor):
            editor._close_confirmed = True
            editor.close()
