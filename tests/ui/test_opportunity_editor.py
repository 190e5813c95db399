from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.ui.editors.opportunity_editor import OpportunityEditor, format_duration
from helpers.sales import add_opportunity, stages_by_name

from .sales_support import Asked, asked_fixture, shown_fixture  # noqa: F401


def choose_stage(editor: OpportunityEditor, name: str) -> None:
    """What a user's pick in the combo does: set it and emit activated."""
    index = next(i for i in range(editor.ui.stage.count())
                 if editor.ui.stage.itemText(i).startswith(name))
    editor.ui.stage.setCurrentIndex(index)
    editor.ui.stage.activated.emit(index)


def test_new_opportunity_validates_amount_and_shows_weighted_live(
        qtbot: Any, services: Services, shown: Any) -> None:
    services.pipeline.ensure_defaults()
    account = services.accounts.save(AccountDraft(name="上海瑞丰贸易有限公司"))
    contact = services.contacts.save(ContactDraft(family_name="张", given_name="伟",
                                                  account_id=account.id))
    editor = shown(OpportunityEditor(services, account=(account.id, account.draft.name)))
    assert editor.ui.contact.findData(contact.id) > 0
    editor.ui.name.setText("ERP 升级")
    qtbot.keyClicks(editor.ui.amountEdit, "1 234,5")
    assert editor.ui.amountError.isVisible() and "dot" in editor.ui.amountError.text()
    assert not editor.save_button.isEnabled()
    editor.ui.amountEdit.setText("¥12,345.67")
    assert not editor.ui.amountError.isVisible()
    choose_stage(editor, "Proposal")
    assert editor.ui.weighted.text().startswith("¥7,407.40")  # 60 % of 12,345.67, half-up
    qtbot.keyClicks(editor.ui.probability, "72.5")
    assert editor.ui.weighted.text().startswith("¥8,950.61")  # 8950.610750
    editor.ui.contact.setCurrentIndex(editor.ui.contact.findData(contact.id))
    with qtbot.waitSignal(editor.record_saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    record = services.opportunities.get(saved.args[0])
    assert record.draft.amount == Decimal("12345.67")
    assert record.draft.probability == Decimal("72.5")
    assert (record.account_name, record.contact_name, record.stage_name) == (
        "上海瑞丰贸易有限公司", "张伟", "Proposal")


def test_moving_to_won_asks_for_the_reason(qtbot: Any, services: Services, shown: Any,
                                           asked: Asked) -> None:
    record = add_opportunity(services, close_date=date(2026, 12, 1))
    editor = shown(OpportunityEditor(services, record.id))
    asked.input_answer = ("", False)  # the user cancels the question
    choose_stage(editor, "Closed won")
    assert asked.inputs == ["Why was this opportunity won?"]
    assert editor.stage().name == "Prospecting"  # back where it was
    asked.input_answer = ("Best support offer", True)
    choose_stage(editor, "Closed won")
    assert editor.ui.outcomeReason.text() == "Best support offer"
    with qtbot.waitSignal(editor.record_saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = services.opportunities.get(record.id)
    assert (saved.stage_kind, saved.draft.outcome_reason) == ("won", "Best support offer")
    assert saved.closed_at is not None
    tree = editor.ui.stageHistoryTree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        "Prospecting", "Closed won"]


def test_clearing_the_reason_of_a_lost_opportunity_blocks_save(
        qtbot: Any, services: Services, shown: Any) -> None:
    record = add_opportunity(services)
    services.opportunities.move_stage(record.id, stages_by_name(services)["Closed lost"].id,
                                      reason="Price")
    editor = shown(OpportunityEditor(services, record.id))
    editor.ui.outcomeReason.clear()
    assert editor.ui.outcomeReasonError.isVisible()
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.ui.outcomeReason, "Went with a competitor")
    assert editor.save_button.isEnabled()


def test_stage_history_tab_lists_time_in_stage(services: Services, shown: Any) -> None:
    record = add_opportunity(services)
    services.opportunities.move_stage(record.id, stages_by_name(services)["Proposal"].id)
    editor = shown(OpportunityEditor(services, record.id))
    tree = editor.ui.stageHistoryTree
    assert tree.topLevelItemCount() == 2
    assert tree.topLevelItem(1).text(2) == "(current)"
    assert tree.topLevelItem(0).text(3).endswith("min")


def test_format_duration() -> None:
    from datetime import timedelta

    assert format_duration(timedelta(days=3, hours=4, minutes=5)) == "3 d 4 h"
    assert format_duration(timedelta(hours=2, minutes=7)) == "2 h 7 min"
    assert format_duration(timedelta(seconds=59)) == "0 min"
