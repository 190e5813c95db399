"""Every per-user location the app reads or writes, resolved in one place.

platformdirs gives the OS conventions; ``--data-dir`` (or ``DESK_CRM_DATA_DIR``)
puts everything under one folder instead, for tests and portable installs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "DeskCRM"
APP_AUTHOR = "DeskCRM"
DATA_DIR_ENV = "DESK_CRM_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "crm.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir,
                       self.backups_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """The per-user folders, or all of them below *data_dir* when one is given."""
    override = data_dir or os.environ.get(DATA_DIR_ENV)
    if override:
        root = Path(override).expanduser().resolve()
        return AppPaths(root, root / "config", root / "logs", root / "cache")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
    )


def resources_dir() -> Path:
    """Bundled icons, stylesheets and translations: in a PyInstaller bundle, inside the
    installed package (a wheel, see setup.py), or in the source tree (./dev, editable)."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        return Path(bundle_root) / "resources"
    installed = Path(__file__).resolve().parent / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "resources"
