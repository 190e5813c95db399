"""The import wizard and declared fields: "Address 2" and "Birth Date" map onto street2 and
birth_date by themselves, an unknown column becomes a custom field from the mapping page,
and the imported values land in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from desk_crm.domain.fields import FieldType
from desk_crm.services.bundle import Services
from desk_crm.ui import import_wizard
from desk_crm.ui.import_fields import NEW_FIELD, NewFieldDialog, guess_type
from desk_crm.ui.main_window import MainWindow

CSV = ("Name,Email,Address 2,Birth Date,Shoe size\n"
       "王芳,wang@example.com,Room 5,1990-07-01,38\n"
       "Li Lei,li@example.com,Suite 2,1985/02/03,44\n")


def test_unmapped_column_becomes_a_custom_field_and_is_imported(
        qtbot: Any, main_window: MainWindow, services: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    asked: list[tuple[str, str]] = []

    def create(parent: Any, svc: Services, entity: str, header: str, sample: str) -> Any:
        asked.append((header, sample))
        dialog = NewFieldDialog(svc, entity, header, sample, parent)
        assert dialog.type_combo.currentData() == FieldType.INTEGER.value
        dialog.create_field()
        return dialog.created

    monkeypatch.setattr(import_wizard, "create_field_for_column", create)
    wizard = main_window.data_actions.open_import()
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    table = wizard.mapping.table
    targets = [table.cellWidget(r, 2).currentData() for r in range(5)]
    assert targets == ["full_name", "email", "street2", "birth_date", ""]
    shoe = table.cellWidget(4, 2)
    assert isinstance(shoe, QComboBox)
    shoe.setCurrentIndex(shoe.findData(NEW_FIELD))
    shoe.activated.emit(shoe.currentIndex())
    assert asked == [("Shoe size", "38")]
    assert table.cellWidget(4, 2).currentData() == "cf_shoe_size"
    assert table.cellWidget(2, 2).currentData() == "street2"  # the others kept theirs
    wizard.next()
    headers = [wizard.preview.table.horizontalHeaderItem(c).text()
               for c in range(wizard.preview.table.columnCount())]
    assert {"Address line 2", "Birth date", "Shoe size"} <= set(headers)
    wizard.next()
    page = wizard.report_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    assert page.report.created == 2
    values = services.fields.values("contact", page.report.outcomes[1].record_id)
    assert (values["street2"], values["birth_date"], values["shoe_size"]) == (
        "Suite 2", "1985-02-03", 44)


@pytest.mark.parametrize(("sample", "kind"), [
    ("2024-03-05", FieldType.DATE), ("2024年3月5日", FieldType.DATE), ("12", FieldType.INTEGER),
    ("1.5", FieldType.DECIMAL), ("a@b.cn", FieldType.EMAIL), ("www.x.cn", FieldType.URL),
    ("蓝色", FieldType.TEXT)])
def test_a_new_fields_type_is_guessed_from_the_first_value(sample: str,
                                                           kind: FieldType) -> None:
    assert guess_type(sample) is kind


def test_merge_shows_custom_fields_and_keeps_the_chosen_value(
        qtbot: Any, services: Services) -> None:
    from desk_crm.services.custom_fields import NewField
    from desk_crm.ui.merge_dialog import MergeDialog

    from .factories import add_contact

    services.fields.create(NewField("contact", "Nickname", FieldType.TEXT))
    services.fields.create(NewField("contact", "Shoe size", FieldType.INTEGER))
    first = add_contact(services, "张", "三", email="zhang@x.org").id
    second = add_contact(services, "Zhang", "San", email="zhang2@x.org").id
    services.fields.save_values("contact", first, {"nickname": "Old", "shoe_size": 42,
                                                   "birth_date": "1990-01-02"})
    services.fields.save_values("contact", second, {"nickname": "New"})
    dialog = MergeDialog(services, [first, second])
    qtbot.addWidget(dialog)
    titles = [dialog.table.verticalHeaderItem(r).text()
              for r in range(dialog.table.rowCount()) if dialog.table.verticalHeaderItem(r)]
    assert {"Nickname", "Shoe size", "Birth date"} <= set(titles)
    assert dialog.choices()["cf_nickname"] == second  # the newest value
    assert dialog.choices()["cf_shoe_size"] == first  # the only value
    dialog.groups["cf_nickname"].buttons()[0].setChecked(True)
    batch = services.merges.merge(second, [first], dialog.choices())
    values = services.fields.values("contact", second)
    assert (values["nickname"], values["shoe_size"], values["birth_date"]) == (
        "Old", 42, "1990-01-02")
    services.changes.undo_batch(batch)
    assert services.fields.values("contact", second)["nickname"] == "New"
