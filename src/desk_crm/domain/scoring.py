"""Lead scoring: a transparent rule set the user can read and edit.

A score is the sum of points from four groups — where the lead came from, how big the
company is, how engaged the lead is (logged activities) and how complete the data is — and
every point comes with its reason ("+20 referral", "+10 has phone"), so the number can be
explained to the rep who sees it. Rules are stored as JSON (``to_json``/``from_json``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.leads import LEAD_SOURCES

MAX_POINTS = 1000
COMPLETENESS_FIELDS = ("email", "phone", "company", "title")


def _default_sources() -> dict[str, int]:
    return {"referral": 20, "partner": 15, "event": 15, "website": 10, "advertisement": 5,
            "social": 5, "cold_call": 0, "other": 0}


def _default_sizes() -> tuple[tuple[int, int], ...]:
    return ((1000, 20), (200, 15), (50, 10), (10, 5))


def _default_completeness() -> dict[str, int]:
    return {"email": 5, "phone": 10, "company": 5, "title": 5}


@dataclass(frozen=True)
class ScoringRules:
    source_points: dict[str, int] = field(default_factory=_default_sources)
    # (at least N employees, points), the first matching tier counts
    size_tiers: tuple[tuple[int, int], ...] = field(default_factory=_default_sizes)
    points_per_activity: int = 5
    max_activity_points: int = 25
    completeness_points: dict[str, int] = field(default_factory=_default_completeness)

    def to_json(self) -> dict[str, Any]:
        return {"source_points": dict(self.source_points),
                "size_tiers": [list(tier) for tier in self.size_tiers],
                "points_per_activity": self.points_per_activity,
                "max_activity_points": self.max_activity_points,
                "completeness_points": dict(self.completeness_points)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> ScoringRules:
        """Rules from stored JSON; missing parts fall back to the defaults."""
        if not data:
            return cls()
        default = cls()
        return validate_rules(cls(
            source_points={**default.source_points, **dict(data.get("source_points", {}))},
            size_tiers=tuple((int(a), int(b)) for a, b in
                             data.get("size_tiers", default.size_tiers)),
            points_per_activity=int(data.get("points_per_activity",
                                             default.points_per_activity)),
            max_activity_points=int(data.get("max_activity_points",
                                             default.max_activity_points)),
            completeness_points={**default.completeness_points,
                                 **dict(data.get("completeness_points", {}))},
        ))


@dataclass(frozen=True)
class LeadFacts:
    """What scoring looks at: a few fields of a lead and how many activities it has."""

    source: str = ""
    company_size: int | None = None
    activity_count: int = 0
    email: str = ""
    phone: str = ""
    company: str = ""
    title: str = ""


@dataclass(frozen=True)
class ScoreReason:
    """Why points were given: *kind* is "source" (value: the source key), "size" (value:
    the tier's minimum), "activities" (value: how many) or "has" (value: the field name),
    so the UI can word it in the user's language; str() is the English wording."""

    points: int
    kind: str
    value: str | int

    @property
    def text(self) -> str:  # "referral", "has phone", "3 activities", "200+ employees"
        if self.kind == "source":
            return str(self.value).replace("_", " ")
        if self.kind == "size":
            return f"{self.value}+ employees"
        if self.kind == "activities":
            return f"{self.value} activity" if self.value == 1 else f"{self.value} activities"
        return f"has {self.value}"

    def __str__(self) -> str:
        return f"{self.points:+d} {self.text}"


@dataclass(frozen=True)
class LeadScore:
    total: int
    reasons: tuple[ScoreReason, ...]

    def explain(self) -> tuple[str, ...]:
        return tuple(str(reason) for reason in self.reasons)


def score_lead(facts: LeadFacts, rules: ScoringRules) -> LeadScore:
    """The score and its reasons; groups that give no points give no reason."""
    reasons: list[ScoreReason] = []
    source_points = rules.source_points.get(facts.source, 0)
    if facts.source and source_points:
        reasons.append(ScoreReason(source_points, "source", facts.source))
    if facts.company_size is not None:
        for minimum, points in sorted(rules.size_tiers, reverse=True):
            if facts.company_size >= minimum:
                if points:
                    reasons.append(ScoreReason(points, "size", minimum))
                break
    if facts.activity_count > 0 and rules.points_per_activity:
        points = min(facts.activity_count * rules.points_per_activity,
                     rules.max_activity_points)
        reasons.append(ScoreReason(points, "activities", facts.activity_count))
    for name in COMPLETENESS_FIELDS:
        points = rules.completeness_points.get(name, 0)
        if points and getattr(facts, name):
            reasons.append(ScoreReason(points, "has", name))
    return LeadScore(sum(reason.points for reason in reasons), tuple(reasons))


def validate_rules(rules: ScoringRules) -> ScoringRules:
    """Points are whole numbers within ±MAX_POINTS; tiers have distinct, positive sizes."""
    errors: list[ValidationError] = []

    def check(field_name: str, value: int) -> None:
        if not isinstance(value, int) or abs(value) > MAX_POINTS:
            errors.append(ValidationError(field_name, QT_TRANSLATE_NOOP(
                "Validation", "Points must be between {minimum} and {maximum}"),
                minimum=-MAX_POINTS, maximum=MAX_POINTS))

    for source, points in rules.source_points.items():
        if source not in LEAD_SOURCES:
            errors.append(ValidationError("source_points", QT_TRANSLATE_NOOP(
                "Validation", "Unknown source “{value}”"), value=source))
        check(f"source_points.{source}", points)
    sizes = [minimum for minimum, _points in rules.size_tiers]
    if len(set(sizes)) != len(sizes):
        errors.append(ValidationError("size_tiers", QT_TRANSLATE_NOOP(
            "Validation", "Two size tiers start at the same size")))
    for minimum, points in rules.size_tiers:
        if minimum < 1:
            errors.append(ValidationError("size_tiers", QT_TRANSLATE_NOOP(
                "Validation", "A size tier starts at 1 or more")))
        check("size_tiers", points)
    check("points_per_activity", rules.points_per_activity)
    check("max_activity_points", rules.max_activity_points)
    if rules.max_activity_points < 0:
        errors.append(ValidationError("max_activity_points", QT_TRANSLATE_NOOP(
            "Validation", "The cap cannot be negative")))
    for name, points in rules.completeness_points.items():
        if name not in COMPLETENESS_FIELDS:
            errors.append(ValidationError("completeness_points", QT_TRANSLATE_NOOP(
                "Validation", "Unknown field “{value}”"), value=name))
        check(f"completeness_points.{name}", points)
    if errors:
        raise ValidationErrors(errors)
    return rules
