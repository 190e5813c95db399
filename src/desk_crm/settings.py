"""One declarative registry of settings on a QSettings INI file in the per-user config dir.

``USER`` settings are choices a user makes (shown in a settings dialog); ``STATE`` entries are
remembered UI state (geometry, column widths). Each has a typed default, so reading never
needs a fallback at the call site.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    kind: str  # "user" or "state"


def _default_user_name() -> str:
    try:
        return getpass.getuser() or "me"
    except (KeyError, OSError):  # no passwd entry / no login name in containers
        return "me"


CURRENT_USER = Option("user/name", _default_user_name(), "user")
PHONE_REGION = Option("user/phone_region", "CN", "user")
LANGUAGE = Option("user/language", "", "user")  # "" = follow the system locale
BACKUP_FOLDER = Option("user/backup_folder", "", "user")  # "" = backups/ in the data dir
MAIN_GEOMETRY = Option("state/main_window_geometry", QByteArray(), "state")
MAIN_STATE = Option("state/main_window_state", QByteArray(), "state")
LAST_AREA = Option("state/last_area", "contacts", "state")


class Settings:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, option: Option[T]) -> T:
        value: Any = self._qsettings.value(option.key, option.default)
        if isinstance(option.default, str) and not isinstance(value, str):
            return option.default
        if isinstance(option.default, QByteArray) and not isinstance(value, QByteArray):
            return option.default
        return value  # type: ignore[no-any-return]

    def set(self, option: Option[T], value: T) -> None:
        self._qsettings.setValue(option.key, value)

    def header_state(self, list_name: str) -> QByteArray:
        value = self._qsettings.value(f"state/header/{list_name}", QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    def set_header_state(self, list_name: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"state/header/{list_name}", state)

    # Saved list views: per CRM user and list, a JSON list of plain dicts (ui/saved_views.py
    # gives them a type). JSON text, because QSettings' INI writer mangles nested lists.
    def saved_views(self, user: str, list_name: str) -> list[dict[str, Any]]:
        raw = self._qsettings.value(self._views_key(user, list_name), "")
        try:
            views = json.loads(raw) if isinstance(raw, str) and raw else []
        except ValueError:  # a hand-edited file must not stop the app
            return []
        return [view for view in views if isinstance(view, dict)] if isinstance(views, list) \
            else []

    def set_saved_views(self, user: str, list_name: str,
                        views: list[dict[str, Any]]) -> None:
        self._qsettings.setValue(self._views_key(user, list_name),
                                 json.dumps(views, ensure_ascii=False))

    @staticmethod
    def _views_key(user: str, list_name: str) -> str:
        # QSettings keys treat "/" as a group separator and INI files dislike some chars.
        safe = "".join(ch if ch.isalnum() else "_" for ch in user) or "_"
        return f"views/{safe}/{list_name}"

    def sync(self) -> None:
        self._qsettings.sync()

    # -- import mapping presets (a JSON text per entity: {name: [[header, target,
    #    transform, date format], ...]}) --------------------------------------------------

    def import_presets(self, entity: str) -> dict[str, list[list[str]]]:
        import json

        raw = self._qsettings.value(f"import/presets/{entity}", "")
        try:
            value = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def save_import_preset(self, entity: str, name: str, rules: list[list[str]]) -> None:
        import json

        presets = self.import_presets(entity)
        presets[name] = rules
        self._qsettings.setValue(f"import/presets/{entity}",
                                 json.dumps(presets, ensure_ascii=False))
