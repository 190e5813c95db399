"""Validation messages shown in Chinese: the template and its status word both translated,
the user's own values never."""

from PySide6.QtCore import QLocale, QTranslator

from desk_crm.domain.errors import ValidationError
from desk_crm.paths import resources_dir
from desk_crm.services.quotes import NOT_EDITABLE
from desk_crm.ui.validation_text import message


def _chinese(qapp):
    translator = QTranslator()
    assert translator.load(QLocale("zh_CN"), "desk_crm", "_", str(resources_dir() / "translations"))
    qapp.installTranslator(translator)
    return translator


def test_status_word_is_translated_inside_a_chinese_message(qapp):
    translator = _chinese(qapp)
    try:
        text = message(ValidationError("status", NOT_EDITABLE, status="accepted"))
    finally:
        qapp.removeTranslator(translator)
    assert "已接受" in text
    assert "accepted" not in text


def test_user_values_stay_as_typed(qapp):
    translator = _chinese(qapp)
    try:
        error = ValidationError("email", "“{value}” is not an e-mail address", value="draft")
        text = message(error)
    finally:
        qapp.removeTranslator(translator)
    assert "draft" in text
