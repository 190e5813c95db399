"""Settings of the quote area kept with the data (numbering, approval threshold, the
company shown on documents) and the users' roles ("approver")."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.quotes import (
    DEFAULT_APPROVAL_THRESHOLD,
    DEFAULT_CONTRACT_PATTERN,
    DEFAULT_QUOTE_PATTERN,
    validate_pattern,
)
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.store.models import User
from desk_crm.store.sales_models import AppSetting

SETTINGS_KEY = "quotes"
ROLES_KEY = "user_roles"
DEFAULT_TERMS = QT_TRANSLATE_NOOP(
    "QuoteSettings", "Prices valid until the expiry date. Payment within 30 days.")
APPROVER = "approver"


@dataclass(frozen=True)
class QuoteSettings:
    number_pattern: str = DEFAULT_QUOTE_PATTERN
    contract_pattern: str = DEFAULT_CONTRACT_PATTERN
    approval_threshold: Decimal = DEFAULT_APPROVAL_THRESHOLD  # percent
    renewal_reminder_days: int = 30  # a reminder this long before the notice deadline
    company_name: str = "Desk CRM Demo Ltd."
    company_address: str = ""
    # A new database gets them in its own language (services/data_language.py).
    default_terms: str = DEFAULT_TERMS

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["approval_threshold"] = str(self.approval_threshold)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QuoteSettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if "approval_threshold" in known:
            known["approval_threshold"] = Decimal(str(known["approval_threshold"]))
        return cls(**known)


def validate_settings(settings: QuoteSettings) -> QuoteSettings:
    errors: list[ValidationError] = []
    for field in ("number_pattern", "contract_pattern"):
        try:
            validate_pattern(getattr(settings, field))
        except ValidationErrors as problem:
            errors.extend(ValidationError(field, e.template, **e.params)
                          for e in problem.errors)
    try:
        threshold = Decimal(settings.approval_threshold)
    except (InvalidOperation, TypeError):
        threshold = Decimal(-1)
    if not 0 <= threshold <= 100:
        errors.append(ValidationError("approval_threshold", QT_TRANSLATE_NOOP(
            "Validation", "The threshold is a percentage between 0 and 100")))
    if not 0 <= settings.renewal_reminder_days <= 365:
        errors.append(ValidationError("renewal_reminder_days", QT_TRANSLATE_NOOP(
            "Validation", "Between 0 and 365 days")))
    if errors:
        raise ValidationErrors(errors)
    return replace(settings, approval_threshold=threshold)


def load_settings(session: Session) -> QuoteSettings:
    row = session.get(AppSetting, SETTINGS_KEY)
    return QuoteSettings.from_json(row.value) if row is not None else QuoteSettings()


def user_roles(session: Session) -> dict[str, list[str]]:
    row = session.get(AppSetting, ROLES_KEY)
    return dict(row.value) if row is not None else {}


def is_approver(session: Session, user_id: str | None) -> bool:
    return user_id is not None and APPROVER in user_roles(session).get(user_id, [])


class QuoteSettingsService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self) -> QuoteSettings:
        with self._context.read() as session:
            return load_settings(session)

    def save(self, settings: QuoteSettings) -> QuoteSettings:
        clean = validate_settings(settings)
        with self._context.write() as session:
            row = session.get(AppSetting, SETTINGS_KEY)
            if row is None:
                session.add(AppSetting(key=SETTINGS_KEY, value=clean.to_json()))
            else:
                row.value = clean.to_json()
        return clean

    def set_roles(self, user_id: str, roles: list[str]) -> None:
        with self._context.write() as session:
            _common.load(session, User, user_id)
            current = user_roles(session)
            current[user_id] = sorted(set(roles))
            row = session.get(AppSetting, ROLES_KEY)
            if row is None:
                session.add(AppSetting(key=ROLES_KEY, value=current))
            else:
                row.value = current  # a new dict, so SQLAlchemy sees the change

    def roles(self, user_id: str) -> list[str]:
        with self._context.read() as session:
            return list(user_roles(session).get(user_id, []))
