"""The pipeline board: columns per stage, moving cards by keyboard and by drop, won/lost
reasons, filters and the per-column limit."""

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog

from desk_crm.store.board_queries import BoardFilter
from desk_crm.store.sales_models import Opportunity
from desk_crm.ui import outcome_dialog
from desk_crm.ui.board_model import (
    AmountTextRole,
    BoardColumnModel,
    IdRole,
    NoNextStepRole,
    encode_cards,
)
from desk_crm.ui.board_page import BoardPage
from helpers.sales_rows import add_activity, add_opportunity, add_stages

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def board(services):
    stages = add_stages(services)
    li = services.users.ensure("Li Lei").id
    ids = {
        "alpha": add_opportunity(services, stages["Prospecting"], "Alpha", 10_000, "CNY",
                                 date(2026, 1, 10), li),
        "beta": add_opportunity(services, stages["Prospecting"], "Beta", 5_000, "USD",
                                date(2026, 2, 10)),
        "gamma": add_opportunity(services, stages["Proposal"], "Gamma", 123_456_700, "CNY",
                                 date(2026, 3, 1), li),
    }
    return stages, ids


def stage_of(services, opportunity_id: str) -> str:
    with services.context.read() as session:
        return session.get_one(Opportunity, {"pk": _pk(session, opportunity_id)}).stage_id


def _pk(session, opportunity_id: str) -> int:
    return session.query(Opportunity.pk).filter_by(id=opportunity_id).scalar()


def settle(qtbot, page: BoardPage) -> None:
    """The cards are read on a worker: wait until the latest reload has landed."""
    qtbot.waitUntil(lambda: not page.loading(), timeout=5000)


def make_page(qtbot, services, **kwargs) -> BoardPage:
    page = BoardPage(services, "Pipeline", **kwargs)
    qtbot.addWidget(page)
    page.resize(1400, 700)
    page.show()
    settle(qtbot, page)
    return page


def summaries(page: BoardPage) -> dict[str, str]:
    return {column.name: column.summary.text() for column in page.columns}


def test_columns_follow_stage_order_with_count_and_sums_per_currency(qtbot, services,
                                                                     board) -> None:
    page = make_page(qtbot, services)
    assert [c.name for c in page.columns] == ["Prospecting", "Proposal", "Negotiation", "Won",
                                              "Lost"]
    assert summaries(page) == {"Prospecting": "2 · ¥100.00 + $50.00",
                               "Proposal": "1 · ¥1,234,567.00", "Negotiation": "0",
                               "Won": "0", "Lost": "0"}
    assert page.count() == 3
    first = page.columns[0].model
    assert [first.index(r).data() for r in range(2)] == ["Alpha", "Beta"]
    assert first.index(1).data(AmountTextRole) == "$50.00"


def test_ctrl_shift_right_moves_the_focused_card_one_stage(qtbot, services, board) -> None:
    stages, ids = board
    page = make_page(qtbot, services)
    page.columns[0].focus_row(0)
    with qtbot.waitSignal(page.card_moved) as moved:
        qtbot.keyClick(page.columns[0].view, Qt.Key.Key_Right, CTRL_SHIFT)
    assert moved.args == [ids["alpha"], stages["Proposal"]]
    assert stage_of(services, ids["alpha"]) == stages["Proposal"]
    settle(qtbot, page)
    assert summaries(page)["Prospecting"] == "1 · $50.00"
    assert summaries(page)["Proposal"] == "2 · ¥1,234,667.00"
    # the card keeps the focus in its new column, so the next key press moves it again
    assert page.current_record_id() == ids["alpha"]
    qtbot.keyClick(page.columns[1].view, Qt.Key.Key_Left, CTRL_SHIFT)
    assert stage_of(services, ids["alpha"]) == stages["Prospecting"]


def test_dropping_a_card_on_another_column_moves_it(qtbot, services, board) -> None:
    stages, ids = board
    page = make_page(qtbot, services)
    source = page.columns[0].model
    negotiation = page.column_of_stage(stages["Negotiation"])
    data = source.mimeData([source.index(1)])  # Beta, as the view would start the drag
    assert negotiation.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                                             QModelIndex())
    assert not source.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    with qtbot.waitSignal(page.card_moved):
        assert negotiation.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                                              QModelIndex())
    assert stage_of(services, ids["beta"]) == stages["Negotiation"]
    settle(qtbot, page)
    assert summaries(page)["Negotiation"] == "1 · $50.00"
    assert summaries(page)["Prospecting"] == "1 · ¥100.00"


def test_moving_to_won_asks_for_a_reason_and_cancel_leaves_it(qtbot, services, board,
                                                               monkeypatch) -> None:
    stages, ids = board
    page = make_page(qtbot, services)
    asked = []
    monkeypatch.setattr(outcome_dialog, "ask_outcome_reason",
                        lambda parent, name, stage, kind: asked.append((name, stage, kind)))
    assert page.move_card(ids["gamma"], stages["Won"]) is False
    assert asked == [("Gamma", "Won", "won")]
    assert stage_of(services, ids["gamma"]) == stages["Proposal"]
    assert summaries(page)["Won"] == "0"

    monkeypatch.setattr(outcome_dialog, "ask_outcome_reason",
                        lambda parent, name, stage, kind: "Budget approved")
    assert page.move_card(ids["gamma"], stages["Won"]) is True
    assert stage_of(services, ids["gamma"]) == stages["Won"]
    settle(qtbot, page)
    assert services.opportunities.get(ids["gamma"]).draft.outcome_reason == "Budget approved"
    assert summaries(page)["Won"] == "1 · ¥1,234,567.00"


def test_reason_dialog_asks_again_when_empty_and_cancel_gives_none(qtbot, monkeypatch) -> None:
    answers = iter([("", True), ("  Price  ", True), ("x", False)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    assert outcome_dialog.ask_outcome_reason(None, "Gamma", "Lost", "lost") == "Price"
    assert outcome_dialog.ask_outcome_reason(None, "Gamma", "Lost", "lost") is None


def test_arrow_keys_move_focus_between_columns_and_enter_opens(qtbot, services, board) -> None:
    _stages, ids = board
    page = make_page(qtbot, services)
    page.columns[0].focus_row(1)
    qtbot.keyClick(page.columns[0].view, Qt.Key.Key_Right)
    assert page.current_record_id() == ids["gamma"]  # row clamped to the shorter column
    qtbot.keyClick(page.columns[1].view, Qt.Key.Key_Right)  # nothing further right
    assert page.current_record_id() == ids["gamma"]
    qtbot.keyClick(page.columns[1].view, Qt.Key.Key_Left)
    qtbot.keyClick(page.columns[0].view, Qt.Key.Key_Down)
    assert page.current_record_id() == ids["beta"]
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.columns[0].view, Qt.Key.Key_Return)
    assert opened.args == [ids["beta"]]
    with qtbot.waitSignal(page.delete_requested) as deleted:
        qtbot.keyClick(page.columns[0].view, Qt.Key.Key_Delete)
    assert deleted.args == [ids["beta"]]


def test_owner_and_text_filters_and_more_label(qtbot, services, board) -> None:
    stages, _ids = board
    for number in range(4):
        add_opportunity(services, stages["Negotiation"], f"Deal {number}", 100,
                        close_date=date(2026, 5, number + 1))
    page = make_page(qtbot, services, limit=3)
    negotiation = page.column_of_stage(stages["Negotiation"])
    assert negotiation.model.rowCount() == 3
    assert negotiation.more.text() == "+1 more"
    page.owner.setCurrentIndex(page.owner.findText("Li Lei"))
    settle(qtbot, page)
    assert summaries(page)["Prospecting"] == "1 · ¥100.00"
    assert page.count() == 2
    page.owner.setCurrentIndex(0)
    page.search.setText("gamma")
    page.search.returnPressed.emit()
    settle(qtbot, page)
    assert page.count() == 1
    assert page.current_record_id() is not None


def test_no_next_step_flag_on_cards(qtbot, services, board) -> None:
    _stages, ids = board
    add_activity(services, ids["alpha"])
    page = make_page(qtbot, services)
    model = page.columns[0].model
    flags = {model.index(r).data(IdRole): model.index(r).data(NoNextStepRole)
             for r in range(model.rowCount())}
    assert flags == {ids["alpha"]: False, ids["beta"]: True}
    assert "no next step" in model.index(1).data(Qt.ItemDataRole.ToolTipRole)


def test_board_column_model_passes_the_model_tester(qtmodeltester, services, board) -> None:
    stages, _ids = board
    model = BoardColumnModel(stages["Prospecting"])
    model.set_cards(services.board.cards(stages["Prospecting"], BoardFilter()))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    assert encode_cards([]).hasFormat("application/x-desk-crm-opportunity")
