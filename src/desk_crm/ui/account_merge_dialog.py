"""Merging accounts: the one merge dialog (ui/merge_dialog.py) for the account entity —
kept as a name so callers and tests that open "the account merge" read as such."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_crm.services.bundle import Services
from desk_crm.ui.merge_dialog import MergeDialog


class AccountMergeDialog(MergeDialog):
    def __init__(self, services: Services, account_ids: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(services, account_ids, parent, entity="account")
