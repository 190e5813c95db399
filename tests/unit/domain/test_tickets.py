"""Ticket rules: status flow, numbers, attachment names that cannot escape their folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.file_names import safe_file_name as _safe_file_name
from desk_crm.domain.tickets import (
    allowed_statuses,
    check_transition,
    ticket_number,
)


def safe_file_name(name: str) -> str:
    """The one cleaner (domain/file_names.py) with the fallback this service uses."""
    return _safe_file_name(name, fallback="attachment")


@pytest.mark.parametrize(("raw", "expected"), [
    ("report.pdf", "report.pdf"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\system32\\cmd.exe", "cmd.exe"),
    ("..", "attachment"),
    ("", "attachment"),
    ("a:b*c?.txt", "a_b_c_.txt"),
    ("CON.txt", "_CON.txt"),
    ("nul", "_nul"),
    ("报价单 2026.xlsx", "报价单 2026.xlsx"),
    ("line\nbreak.txt", "linebreak.txt"),
    ("invoice\u202etxt.exe", "invoicetxt.exe"),
    ("/abs/path/", "attachment"),
])
def test_safe_file_name(raw: str, expected: str) -> None:
    assert safe_file_name(raw) == expected


def test_safe_file_name_is_bounded_and_stays_in_its_folder(tmp_path: Path) -> None:
    long = safe_file_name("x" * 500 + ".txt")
    assert len(long.encode()) <= 240 and long.endswith(".txt")
    for raw in ("../x", "..\\x", "/etc/x", "a/../../x", "...", ". ."):
        assert (tmp_path / safe_file_name(raw)).resolve().parent == tmp_path.resolve()


def test_status_flow() -> None:
    assert allowed_statuses("new") == ("new", "open", "waiting", "resolved")
    assert allowed_statuses("closed") == ("open", "closed")
    check_transition("waiting", "open")
    check_transition("resolved", "open")
    with pytest.raises(ValidationError):
        check_transition("closed", "resolved")


def test_ticket_number() -> None:
    assert ticket_number(2026, 1) == "T-2026-00001"
