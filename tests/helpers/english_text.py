"""Find English UI text in a window that should be Chinese (tests/ui/test_zh_walk.py).

What a user sees is read from the widgets — labels, buttons, group and tab titles,
placeholders, list items, table headers, menus, window titles — never the table cells,
which are data. A word counts as English when it is three or more Latin letters and is
neither data (a word found anywhere in the database's text), nor a name the app keeps in
every language (product and format names, key names)."""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

# Names that stay as they are in a Chinese window: products, formats, protocols, keys.
KEPT = {
    "desk", "crm", "csv", "pdf", "smtp", "vcard", "vcf", "excel", "xlsx", "sla", "csat",
    "rfm", "abc", "clv", "kpi", "sqlite", "sqlcipher", "tryton", "django", "tls",
    "starttls", "utc", "url", "api", "lucide", "isc", "pyside", "python", "utf", "bom",
    "json", "html", "ctrl", "shift", "alt", "del", "esc", "enter", "tab", "home", "end",
    "pgup", "pgdown", "space", "backspace", "ins", "imap", "ssl", "http", "https", "www",
    "com", "cny", "usd", "eur", "gbp", "jpy", "hkd", "vip", "ical", "ics", "mfa", "nps",
    "english",  # the language choice names each language in itself
    "gmail", "outlook", "fts", "wal", "uuid", "ascii", "gnome", "keyring", "kwallet",
}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_URL = re.compile(r"(https?://|www\.)\S+")
_TAGS = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
_SPLIT = re.compile(r"[A-Za-z][A-Za-z'’]*")


_CODE = re.compile(r"^[a-z0-9_.:-]*$")  # "contacted", "high", "cold_call": codes, not data
LOGS = ("change_log", "app_setting", "alembic_version")


def data_words(database: Path) -> set[str]:
    """Every Latin word in the database's text a user typed or imported: names, companies,
    products, notes. Codes (lower-case identifiers such as a status) and JSON (the change
    log, conditions) are not data: their words must reach the screen translated."""
    words: set[str] = set()
    with sqlite3.connect(database) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")]
        for table in (t for t in tables if t not in LOGS):
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')
                       if (row[2] or "").upper() in ("", "TEXT", "JSON")
                       or "CHAR" in (row[2] or "").upper()]
            for column in columns:
                for (value,) in connection.execute(
                        f'SELECT DISTINCT "{column}" FROM "{table}" '
                        f'WHERE typeof("{column}") = \'text\''):
                    named = column == "name" or column.endswith(("_name", "email"))
                    if (_CODE.match(value) and not named) or value.lstrip()[:1] in "{[":
                        continue
                    words.update(w.lower() for w in _SPLIT.findall(value))
    return words


_PATH = re.compile(r"(?<![\w])(/[\w.@+-]+)+/?")
_ZONE = re.compile(r"^[A-Z][A-Za-z_+-]*(/[A-Za-z0-9_+-]+)+$|^[A-Z]{3,4}\d[A-Z]{3}$")
_TOKEN = re.compile(r"\{[^}]*\}")  # {seq}, {year}: placeholders a user types as they are
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def english_words(text: str, data: set[str]) -> list[str]:
    if _ZONE.match(text.strip()):  # an IANA time zone id is a name, shown as such
        return []
    text = _TOKEN.sub(" ", html.unescape(_TAGS.sub(" ", text)))
    text = _PATH.sub(" ", _URL.sub(" ", _EMAIL.sub(" ", text)))
    text = text.replace("&&", "&").replace("&", "")
    return [word for word in _WORD.findall(text)
            if word.lower().strip("'’") not in KEPT and word.lower() not in data
            and not _ACRONYM.match(word)]  # PNG, REST, AUD: codes read the same in Chinese


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _menu_texts(menu: QMenu | QMenuBar, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        yield where, action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} › {action.text()}")  # type: ignore[arg-type]


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything of *root* a user reads, data cells excepted."""
    title = root.windowTitle()
    yield f"{type(root).__name__} title", title
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget) or isinstance(widget.window(), QFileDialog):
            continue  # Qt's own file dialog: qtbase's catalogue, and folder names
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            yield where, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            yield from ((where, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QMenuBar):
            yield from _menu_texts(widget, where)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            if not isinstance(widget, QListView):  # tables and trees: the headers
                for column in range(model.columnCount()):
                    header = model.headerData(column, Qt.Orientation.Horizontal,
                                              Qt.ItemDataRole.DisplayRole)
                    if header is not None and not (hasattr(widget, "isColumnHidden")
                                                   and widget.isColumnHidden(column)):
                        yield f"{where} header", str(header)
            elif model.rowCount() <= 60:  # short lists are choices (the sidebar), not data
                for row in range(model.rowCount()):
                    value = model.index(row, widget.modelColumn()).data()
                    if value is not None:
                        yield f"{where} item", str(value)


def findings(texts: Iterable[tuple[str, str]], data: set[str], place: str) -> list[str]:
    found = []
    for where, text in texts:
        words = english_words(text or "", data)
        if words:
            found.append(f"{place}: {where}: {text!r} ({', '.join(words)})")
    return found
