"""Value axes: round ticks, numbers in the user's locale."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from desk_crm.ui.chart_axes import value_axis


def test_large_amounts_are_grouped_in_the_locale(qapp: Any) -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        axis = value_axis(5_600_000.0)
        assert list(axis.categoriesLabels()) == [
            "0", "1,000,000", "2,000,000", "3,000,000", "4,000,000", "5,000,000", "6,000,000"]
        assert (axis.min(), axis.max()) == (0.0, 6_000_000.0)
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert list(value_axis(0.9).categoriesLabels())[1] == "0,2"
    finally:
        QLocale.setDefault(before)


def test_percent_axis_with_a_suffix(qapp: Any) -> None:
    assert list(value_axis(100.0, suffix=" %", max_ticks=4).categoriesLabels()) == [
        "0 %", "25 %", "50 %", "75 %", "100 %"]
