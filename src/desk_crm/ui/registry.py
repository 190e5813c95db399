"""The areas of the main window and the editors of each entity, declared once.

A new area (leads, opportunities, My day …) is one ``AreaSpec``; a new editable entity is
one ``EditorSpec``. The main window builds its navigation, New/Open/Delete actions and undo
from these lists and knows no entity by name.

An area page is a QWidget with:
    signals  open_requested(str), delete_requested(str), count_changed(int)
    attrs    entity (what New creates), title
    methods  current_record_id() -> str | None, focus_search(), reload(), count() -> int
``ListPage`` is the usual one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

from desk_crm.services.bundle import Services
from desk_crm.ui.columns import account_columns, contact_columns
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.activity_editor import ActivityEditor
from desk_crm.ui.editors.base import RecordEditor
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.my_day import MyDayPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("Areas", text)


@dataclass(frozen=True)
class EditorSpec:
    entity: str
    # (services, record id or None for a new record, parent, preset values) -> editor
    create: Callable[[Services, str | None, QWidget, dict[str, Any]], RecordEditor]
    # the service with get/delete/restore for this entity
    service: Callable[[Services], Any]
    # a record's name for "Deleted “…”" and undo texts
    label: Callable[[Services, str], str]


@dataclass(frozen=True)
class AreaSpec:
    key: str
    title: Callable[[], str]
    icon: QStyle.StandardPixmap
    build: Callable[[Services, QWidget], QWidget]
    extra: dict[str, Any] = field(default_factory=dict)


def _contact_editor(services: Services, record_id: str | None, parent: QWidget,
                    preset: dict[str, Any]) -> RecordEditor:
    return ContactEditor(services, record_id, account=preset.get("account"), parent=parent)


def _account_editor(services: Services, record_id: str | None, parent: QWidget,
                    _preset: dict[str, Any]) -> RecordEditor:
    return AccountEditor(services, record_id, parent=parent)


def _activity_editor(services: Services, record_id: str | None, parent: QWidget,
                     preset: dict[str, Any]) -> RecordEditor:
    return ActivityEditor(services, record_id, preset=preset, parent=parent)


EDITORS: list[EditorSpec] = [
    EditorSpec("account", _account_editor, lambda s: s.accounts,
               lambda s, record_id: s.accounts.get(record_id).draft.name),
    EditorSpec("contact", _contact_editor, lambda s: s.contacts,
               lambda s, record_id: s.contacts.get(record_id).display_name),
    EditorSpec("activity", _activity_editor, lambda s: s.activities,
               lambda s, record_id: s.activities.get(record_id).subject),
]

AREAS: list[AreaSpec] = [
    AreaSpec("accounts", lambda: _tr("Accounts"), QStyle.StandardPixmap.SP_DirHomeIcon,
             lambda s, parent: ListPage("account", _tr("Accounts"), s.lists,
                                        account_columns(s.default_region), parent)),
    AreaSpec("contacts", lambda: _tr("Contacts"),
             QStyle.StandardPixmap.SP_FileDialogContentsView,
             lambda s, parent: ListPage("contact", _tr("Contacts"), s.lists,
                                        contact_columns(s.default_region), parent)),
    AreaSpec("my_day", lambda: QCoreApplication.translate("Areas", "My day"),
             QStyle.StandardPixmap.SP_FileDialogListView,
             lambda s, parent: MyDayPage(s, QCoreApplication.translate("Areas", "My day"),
                                         parent)),
]


def editor_spec(entity: str) -> EditorSpec:
    for spec in EDITORS:
        if spec.entity == entity:
            return spec
    raise KeyError(entity)
