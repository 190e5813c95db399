"""The default stage names in every language the app ships, to recognise a stage that
still has its default name (whatever language the database was created in) and give it
the default name of the window's language."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QTranslator

from desk_crm.domain.pipeline import DEFAULT_STAGES
from desk_crm.paths import resources_dir


@cache
def _known_names() -> dict[str, int]:
    """Default name (English or any catalogue's) -> its place in DEFAULT_STAGES."""
    known = {draft.name: index for index, draft in enumerate(DEFAULT_STAGES)}
    for catalogue in sorted((resources_dir() / "translations").glob("desk_crm_*.qm")):
        translator = QTranslator()
        if not translator.load(str(catalogue)):
            continue
        for index, draft in enumerate(DEFAULT_STAGES):
            translated = translator.translate("Stages", draft.name)
            if translated:
                known.setdefault(translated, index)
    return known


def default_name_here(name: str) -> str | None:
    """The window-language default for a stage still named by a default, else None."""
    index = _known_names().get(name.strip())
    if index is None:
        return None
    return QCoreApplication.translate("Stages", DEFAULT_STAGES[index].name)
