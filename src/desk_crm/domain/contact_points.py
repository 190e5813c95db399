"""Lists of labelled emails or phones (work, home, mobile) with exactly one primary."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.text import clean_text


@dataclass(frozen=True)
class ContactPoint:
    value: str
    label: str = ""  # free text such as "work", "home", "mobile"
    primary: bool = False


def normalize_points(
    points: Iterable[ContactPoint], normalizer: Callable[[str], str], field: str
) -> tuple[ContactPoint, ...]:
    """Validated, de-duplicated points in the user's order, exactly one of them primary.

    Blank rows are dropped silently: forms always show an empty row to type into.
    Errors name the row by its position in the input, e.g. "emails[1]", so the form can
    highlight it even though blank rows before it were dropped.
    """
    errors: list[ValidationError] = []
    kept: dict[str, ContactPoint] = {}
    for index, point in enumerate(points):
        if not clean_text(point.value):
            continue
        try:
            value = normalizer(point.value)
        except ValidationError as exc:
            errors.append(ValidationError(f"{field}[{index}]", exc.template, **exc.params))
            continue
        except ValueError as exc:
            errors.append(ValidationError(f"{field}[{index}]", str(exc)))
            continue
        label = clean_text(point.label)
        earlier = kept.get(value)
        if earlier is None:
            kept[value] = ContactPoint(value, label, point.primary)
        else:
            kept[value] = replace(
                earlier, label=earlier.label or label, primary=earlier.primary or point.primary
            )
    if errors:
        raise ValidationErrors(errors)
    return _with_one_primary(tuple(kept.values()))


def primary_value(points: Iterable[ContactPoint]) -> str:
    """The primary point's value; the first one if none is marked; "" when empty."""
    first = ""
    for point in points:
        if point.primary:
            return point.value
        first = first or point.value
    return first


def points_to_json(points: Iterable[ContactPoint]) -> list[dict[str, Any]]:
    return [{"value": p.value, "label": p.label, "primary": p.primary} for p in points]


def points_from_json(data: Iterable[Mapping[str, Any]] | None) -> tuple[ContactPoint, ...]:
    """Inverse of points_to_json; tolerates missing keys from older or hand-edited rows."""
    if not data:
        return ()
    return tuple(
        ContactPoint(
            value=str(item.get("value") or ""),
            label=str(item.get("label") or ""),
            primary=bool(item.get("primary", False)),
        )
        for item in data
    )


def _with_one_primary(points: tuple[ContactPoint, ...]) -> tuple[ContactPoint, ...]:
    if not points:
        return points
    chosen = next((i for i, point in enumerate(points) if point.primary), 0)
    # The constructor, not dataclasses.replace: this runs for every point of every row
    # of an import, and replace() introspects the fields each time.
    return tuple(
        point if point.primary == (i == chosen) else ContactPoint(point.value, point.label,
                                                                  i == chosen)
        for i, point in enumerate(points)
    )
