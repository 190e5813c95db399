"""One coherent icon set: Lucide line icons (ISC licence, resources/icons/lucide/),
bundled as SVG and drawn in the palette's text colour, so they suit a light and a dark
theme alike and follow a theme change (MainWindow re-applies them on a palette change).

Each area and toolbar action names its icon here; an area without one falls back to its
QStyle icon from the registry.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desk_crm.paths import resources_dir

AREA_ICONS = {
    "dashboard": "layout-dashboard", "accounts": "building-2", "contacts": "contact",
    "leads": "user-round-plus", "opportunities": "target", "pipeline": "kanban",
    "forecast": "chart-line", "my_day": "calendar-check", "quotes": "file-text",
    "products": "package", "renewals": "refresh-cw", "tickets": "life-buoy",
    "knowledge": "book-open", "service_report": "gauge", "campaigns": "megaphone",
    "at_risk": "triangle-alert", "reports": "chart-column", "segments": "filter",
}
ACTION_ICONS = {"new": "file-plus", "open": "folder-open", "delete": "trash-2",
                "undo": "undo-2", "redo": "redo-2"}
SIZES_SHOWN = (16, 20, 24)  # menus, the sidebar (20) and the toolbar (24)


def icon_path(name: str):  # type: ignore[no-untyped-def]
    return resources_dir() / "icons" / "lucide" / f"{name}.svg"


@lru_cache(maxsize=64)
def _svg(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


def _pixmap(svg: str, colour: QColor, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour.name()).encode()))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def themed_icon(name: str, palette: QPalette) -> QIcon:
    """The icon *name* in the palette's colours: text colour, the dimmed disabled text
    colour, and the highlighted-text colour on a selected row."""
    group, role = QPalette.ColorGroup, QPalette.ColorRole
    return _tinted(name, palette.color(group.Active, role.WindowText).rgba(),
                   palette.color(group.Disabled, role.WindowText).rgba(),
                   palette.color(group.Active, role.HighlightedText).rgba(), _ratio())


def _ratio() -> int:
    screen = QGuiApplication.primaryScreen()
    return max(1, math.ceil(screen.devicePixelRatio())) if screen is not None else 1


@lru_cache(maxsize=128)
def _tinted(name: str, text: int, disabled: int, selected: int, ratio: int) -> QIcon:
    # Drawn at start for every sidebar and toolbar icon: only the sizes this screen shows
    # (and Active shares Normal's pixmaps), 9 renders an icon instead of 24 — and once per
    # name and palette, however often the window asks.
    svg = _svg(name)
    sizes = tuple(size * ratio for size in SIZES_SHOWN)
    icon = QIcon()
    for modes, rgba in (((QIcon.Mode.Normal, QIcon.Mode.Active), text),
                        ((QIcon.Mode.Disabled,), disabled),
                        ((QIcon.Mode.Selected,), selected)):
        colour = QColor.fromRgba(rgba)
        for size in sizes:
            pixmap = _pixmap(svg, colour, size)
            for mode in modes:
                icon.addPixmap(pixmap, mode)
    return icon
