"""Titles of entities, fields, field types and stored values in the interface language.

Custom fields carry their own English and Chinese titles (the user typed both); built-in
fields, entities and types are translated through the "Fields"/"Entities" contexts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from desk_crm.domain.entities import ENTITIES
from desk_crm.domain.fields import TYPE_TITLES, FieldDef, FieldType, display


def chinese_ui() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def field_title(field: FieldDef) -> str:
    if field.custom:
        return (field.title_zh or field.title) if chinese_ui() else field.title
    return QCoreApplication.translate("Fields", field.title)


def entity_title(entity: str, plural: bool = True) -> str:
    definition = ENTITIES[entity]
    return QCoreApplication.translate("Entities",
                                      definition.plural if plural else definition.title)


def type_title(kind: FieldType) -> str:
    return QCoreApplication.translate("Fields", TYPE_TITLES[kind])


def value_text(field: FieldDef, value: Any) -> str:
    """A stored value as the user reads it (choice titles in their language)."""
    chinese = chinese_ui()
    if field.custom or field.type not in (FieldType.PICKLIST, FieldType.MULTI_PICKLIST):
        return display(field, value, chinese)
    # Built-in choices are translated like every built-in title.
    keys = value if isinstance(value, list) else [value]
    titles = [QCoreApplication.translate("Fields", field.choice_title(str(k)))
              for k in keys if k not in (None, "")]
    return "; ".join(titles)
