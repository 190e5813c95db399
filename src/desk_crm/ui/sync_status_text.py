"""Texts of the sync status bar and history: entity names and progress with the phase's
total and the time left."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desk_crm.sync.progress import PhaseProgress, format_eta
from desk_crm.ui.entity_titles import entity_plural

translate = QCoreApplication.translate


def progress_text(state: PhaseProgress) -> str:
    """"Receiving contacts… 1,500 of 10,000, about 0:42 left" in the user's language."""
    locale = QLocale()
    figure = (translate("SyncStatus", "%1 of %2").replace("%1", locale.toString(state.done))
              .replace("%2", locale.toString(state.total)) if state.total
              else locale.toString(state.done))
    what = entity_title(state.entity)
    if state.phase == "push":
        text = translate("SyncStatus", "Sending changes… %1").replace("%1", figure)
    elif state.phase == "reconcile":
        text = (translate("SyncStatus", "Checking %1 still exist… %2")
                .replace("%1", what).replace("%2", figure))
    else:
        text = translate("SyncStatus", "Receiving %1… %2").replace("%1", what).replace(
            "%2", figure)
    eta = format_eta(state.eta_seconds)
    if eta:
        text += translate("SyncStatus", ", about %1 left").replace("%1", eta)
    return text


def entity_title(entity: str) -> str:
    """"contacts" inside a sentence (the entity's plural, translated once)."""
    return entity_plural(entity, in_sentence=True)
