"""Entity titles as shown: the declarations' English (domain.entities) translated once, in
the "Entities" context, wherever a title appears (sync status and history, conflicts,
global search groups, segments)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_crm.domain.entities import ENTITIES


def entity_title(entity: str) -> str:
    """"Contact" / "联系人"; an entity without a declaration by its name."""
    definition = ENTITIES.get(entity)
    if definition is None:
        return entity
    return QCoreApplication.translate("Entities", definition.title)


def entity_plural(entity: str, in_sentence: bool = False) -> str:
    """"Contacts"; *in_sentence*: as inside a sentence ("Receiving contacts…"), lower-case
    where the language has case."""
    definition = ENTITIES.get(entity)
    if definition is None:
        return entity
    text = QCoreApplication.translate("Entities", definition.plural)
    return text.lower() if in_sentence else text
