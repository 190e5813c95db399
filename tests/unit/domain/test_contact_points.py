import json

import pytest

from desk_crm.domain.contact_points import (
    ContactPoint,
    normalize_points,
    points_from_json,
    points_to_json,
    primary_value,
)
from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.phones import normalize_phone

P = ContactPoint


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ((), ()),
        ((P(""), P("  "), P("\u3000")), ()),
        ((P("A@X.COM", "work"),), (P("a@x.com", "work", True),)),
        # First marked primary wins; the user's order is kept.
        (
            (P("a@x.com"), P("b@x.com", primary=True), P("c@x.com", primary=True)),
            (P("a@x.com"), P("b@x.com", primary=True), P("c@x.com")),
        ),
        # Nobody marked: the first becomes primary.
        ((P("a@x.com"), P("b@x.com")), (P("a@x.com", primary=True), P("b@x.com"))),
        # Duplicates after normalisation collapse onto the first, which inherits primary.
        (
            (P("a@x.com", "work"), P("b@x.com"), P("A@X.com", "home", primary=True)),
            (P("a@x.com", "work", True), P("b@x.com")),
        ),
        # A duplicate fills in a missing label.
        ((P("a@x.com"), P("a@x.com", "私人")), (P("a@x.com", "私人", True),)),
        ((P(" 张三@例子.中国 ", "  工作 "),), (P("张三@例子.中国", "工作", True),)),
    ],
)
def test_normalize_points_cleans_dedupes_and_keeps_exactly_one_primary(
    points: tuple[ContactPoint, ...], expected: tuple[ContactPoint, ...]
) -> None:
    result = normalize_points(points, normalize_email, "emails")

    assert result == expected
    assert sum(point.primary for point in result) == (1 if result else 0)


def test_normalize_points_dedupes_phones_written_differently() -> None:
    points = [P("138 0013 8000", "手机"), P("+86 13800138000", "mobile"), P("(020) 8888 6666")]

    result = normalize_points(points, normalize_phone, "phones")

    assert result == (P("+8613800138000", "手机", True), P("+862088886666"))


def test_normalize_points_reports_every_bad_row_by_its_input_position() -> None:
    points = [P("ok@x.com"), P(""), P("bad"), P("ok2@x.com"), P("also bad@")]

    with pytest.raises(ValidationErrors) as caught:
        normalize_points(points, normalize_email, "emails")

    fields = caught.value.by_field()
    assert list(fields) == ["emails[2]", "emails[4]"]
    assert fields["emails[2]"].startswith("“bad” is not a valid email address")


def test_normalize_points_accepts_any_iterable_once() -> None:
    result = normalize_points((P(v) for v in ["a@x.com", "b@x.com"]), normalize_email, "emails")

    assert [point.value for point in result] == ["a@x.com", "b@x.com"]


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ((), ""),
        ((P("a"), P("b", primary=True)), "b"),
        ((P("a"), P("b")), "a"),
        ((P("13800138000", "手机", True),), "13800138000"),
    ],
)
def test_primary_value_prefers_the_primary_point(
    points: tuple[ContactPoint, ...], expected: str
) -> None:
    assert primary_value(points) == expected


def test_points_round_trip_through_json_storage() -> None:
    points = (P("张三@例子.中国", "工作", True), P("+8613800138000", "", False))

    stored = json.dumps(points_to_json(points), ensure_ascii=False)

    assert json.loads(stored) == [
        {"value": "张三@例子.中国", "label": "工作", "primary": True},
        {"value": "+8613800138000", "label": "", "primary": False},
    ]
    assert points_from_json(json.loads(stored)) == points


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (None, ()),
        ([], ()),
        ([{"value": "a@x.com"}], (P("a@x.com"),)),
        ([{"value": "a@x.com", "label": None, "primary": 1}], (P("a@x.com", "", True),)),
        ([{}], (P(""),)),
    ],
)
def test_points_from_json_tolerates_missing_keys(
    data: list[dict[str, object]] | None, expected: tuple[ContactPoint, ...]
) -> None:
    assert points_from_json(data) == expected
