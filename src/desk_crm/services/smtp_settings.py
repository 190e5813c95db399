"""Where marketing mail goes out: the SMTP server settings (in the database, without the
password) and the password (only in the OS keychain through keyring).

A headless Linux has no keychain (keyring.errors.NoKeyringError): then nothing is stored,
:func:`store_password` returns False, and the UI keeps the password for this session only.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, replace
from typing import Any

import keyring
from keyring.errors import PasswordDeleteError

from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.text import clean_text
from desk_crm.security import remember_secret
from desk_crm.services.context import ServiceContext
from desk_crm.store.sales_models import AppSetting

log = logging.getLogger("desk_crm.marketing")
KEYRING_SERVICE = "Desk CRM SMTP"
SETTINGS_KEY = "smtp_settings"
SECURITY = ("starttls", "ssl", "plain")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"  # starttls / ssl / plain
    username: str = ""
    sender_name: str = ""
    sender_email: str = ""
    per_minute: int = 30  # throttle
    unsubscribe_mailto: str = ""  # address for List-Unsubscribe: mailto:
    unsubscribe_url: str = ""  # https://…; "{email}" is replaced by the recipient
    timeout_seconds: int = 30

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender_email)

    @property
    def keyring_account(self) -> str:
        return f"{self.username}@{self.host}:{self.port}"


def validate_settings(settings: SmtpSettings) -> SmtpSettings:
    errors: list[ValidationError] = []
    host = clean_text(settings.host)
    if not host or " " in host:
        errors.append(ValidationError("host", QT_TRANSLATE_NOOP(
            "Validation", "Enter the SMTP server's host name")))
    if not 0 < settings.port < 65536:
        errors.append(ValidationError("port", QT_TRANSLATE_NOOP(
            "Validation", "A port is a number from 1 to 65535")))
    if settings.security not in SECURITY:
        errors.append(ValidationError("security", QT_TRANSLATE_NOOP(
            "Validation", "Unknown connection security: {value}"), value=settings.security))
    if not 1 <= settings.per_minute <= 10_000:
        errors.append(ValidationError("per_minute", QT_TRANSLATE_NOOP(
            "Validation", "Messages per minute must be between 1 and 10000")))
    sender = mailto = ""
    try:
        sender = normalize_email(settings.sender_email, "sender_email")
    except ValidationError as problem:
        errors.append(problem)
    if settings.unsubscribe_mailto.strip():
        try:
            mailto = normalize_email(settings.unsubscribe_mailto, "unsubscribe_mailto")
        except ValidationError as problem:
            errors.append(problem)
    url = settings.unsubscribe_url.strip()
    if url and not url.lower().startswith(("https://", "http://")):
        errors.append(ValidationError("unsubscribe_url", QT_TRANSLATE_NOOP(
            "Validation", "The unsubscribe address must start with https://")))
    if errors:
        raise ValidationErrors(errors)
    return replace(settings, host=host, username=settings.username.strip(),
                   sender_name=clean_text(settings.sender_name), sender_email=sender,
                   unsubscribe_mailto=mailto, unsubscribe_url=url)


class SmtpSettingsService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self) -> SmtpSettings:
        with self._context.read() as session:
            row = session.get(AppSetting, SETTINGS_KEY)
            return _from_json(row.value if row is not None else {})

    def save(self, settings: SmtpSettings) -> SmtpSettings:
        clean = validate_settings(settings)
        with self._context.write() as session:
            row = session.get(AppSetting, SETTINGS_KEY)
            if row is None:
                session.add(AppSetting(key=SETTINGS_KEY, value=asdict(clean)))
            else:
                row.value = asdict(clean)
        return clean


def stored_password(settings: SmtpSettings) -> str | None:
    try:
        password = keyring.get_password(KEYRING_SERVICE, settings.keyring_account)
    except Exception as error:  # any backend failure (locked, denied): ask instead
        log.info("no keychain for the SMTP password (%s)", type(error).__name__)
        return None
    remember_secret(password)
    return password


def store_password(settings: SmtpSettings, password: str) -> bool:
    """Keep the password in the keychain; False when there is none (never a file)."""
    remember_secret(password)
    try:
        keyring.set_password(KEYRING_SERVICE, settings.keyring_account, password)
    except Exception as error:  # locked/denied/broken keychain: not stored
        log.warning("cannot store the SMTP password in a keychain: %s", type(error).__name__)
        return False
    return True


def forget_password(settings: SmtpSettings) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, settings.keyring_account)
    except PasswordDeleteError:
        return
    except Exception as error:  # the password stays; log why
        log.warning("cannot delete the SMTP password: %s", type(error).__name__)


def _from_json(value: dict[str, Any]) -> SmtpSettings:
    known = {key: value[key] for key in SmtpSettings.__dataclass_fields__ if key in value}
    return SmtpSettings(**known)
