"""Attachment file names from outside stay inside their folder and are valid everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.file_names import safe_attachment_path, safe_file_name


@pytest.mark.parametrize(("name", "expected"), [
    ("报价单.pdf", "报价单.pdf"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\Windows\\system32\\cmd.exe", "cmd.exe"),
    ("/abs/path/x.txt", "x.txt"),
    ("a\x00b\x1fc.txt", "abc.txt"),
    ("invoice\u202egpj.exe", "invoicegpj.exe"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("com1.log", "_com1.log"),
    ('what?<is>:this*|".txt', "what__is__this___.txt"),
    ("trailing. . ", "trailing"),
])
def test_names_are_cleaned(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


@pytest.mark.parametrize("name", ["", "..", ".", "/", "a/..", "\u202e", "  .  ", "\x00"])
def test_unusable_names_are_rejected_clearly(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        safe_file_name(name)
    assert caught.value.field == "file_name"


def test_long_names_keep_their_extension_within_the_byte_limit() -> None:
    clean = safe_file_name("张" * 300 + ".pdf")
    assert clean.endswith(".pdf") and len(clean.encode("utf-8")) <= 240


def test_attachment_paths_stay_inside_and_never_overwrite(tmp_path: Path) -> None:
    first = safe_attachment_path(tmp_path, "../../x.txt")
    assert first == tmp_path.resolve() / "x.txt"
    first.write_text("one")
    second = safe_attachment_path(tmp_path, "x.txt")
    assert second.name == "x (2).txt"


def test_a_symlink_out_of_the_folder_is_never_reused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    base = tmp_path / "attachments"
    base.mkdir()
    (base / "link.txt").symlink_to(outside / "target.txt")
    path = safe_attachment_path(base, "link.txt")
    assert path.parent == base.resolve() and path.name == "link (2).txt"
