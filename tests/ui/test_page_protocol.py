"""Every registered area page and editor service implements the Protocols the main window
relies on (ui/page_protocol.py, services/protocols.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from desk_crm.services.bundle import Services
from desk_crm.services.protocols import RecordService
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.page_protocol import (
    AreaPage,
    EditsInPlace,
    EntityPage,
    KeepsHeaderState,
    TitledInNavigation,
)
from desk_crm.ui.registry import AREAS, EDITORS, EditorSpec

# An optional part is all or nothing: a page with one of its members has every one.
PARTS = {
    KeepsHeaderState: ("header_state", "restore_header_state"),
    TitledInNavigation: ("nav_title", "nav_title_changed"),
    EditsInPlace: ("record_edited", "cells_pasted"),
}


@pytest.mark.parametrize("key", [area.key for area in AREAS])
def test_every_area_page_is_an_area_page(main_window: MainWindow, key: str) -> None:
    page = main_window.pages[key]
    assert isinstance(page, QWidget)
    assert isinstance(page, AreaPage), key
    assert isinstance(page.title, str) and page.title
    assert isinstance(page.count(), int)
    if hasattr(page, "entity"):
        assert isinstance(page, EntityPage)
    for part, members in PARTS.items():
        if any(hasattr(page, member) for member in members):
            assert isinstance(page, part), (key, part.__name__)


def test_a_widget_missing_a_member_is_not_an_area_page() -> None:
    class Partial:
        title = "x"

        def reload(self) -> None: ...

    assert not isinstance(Partial(), AreaPage)


@pytest.mark.parametrize("spec", EDITORS, ids=lambda spec: spec.entity)
def test_every_editor_service_is_a_record_service(services: Services, spec: EditorSpec) -> None:
    service = spec.service(services)
    assert isinstance(service, RecordService), spec
