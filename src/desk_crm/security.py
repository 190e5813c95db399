"""The database passphrase in the OS keychain through keyring. A headless Linux has no
keychain (keyring.errors.NoKeyringError): then nothing is stored and the app asks."""

from __future__ import annotations

import logging
from pathlib import Path

import keyring
from keyring.errors import PasswordDeleteError

log = logging.getLogger("desk_crm.app")
SERVICE = "Desk CRM database"


def _account(database: Path) -> str:
    return str(database.resolve())


def stored_key(database: Path) -> str | None:
    try:
        return keyring.get_password(SERVICE, _account(database))
    except Exception as error:
        log.info("no keychain available (%s); the passphrase will be asked", type(error).__name__)
        return None


def store_key(database: Path, key: str) -> bool:
    """Remember the passphrase; False when there is no keychain (never a plain-file fallback)."""
    try:
        keyring.set_password(SERVICE, _account(database), key)
    except Exception as error:
        log.warning("cannot store the passphrase in a keychain: %s", type(error).__name__)
        return False
    return True


def forget_key(database: Path) -> None:
    try:
        keyring.delete_password(SERVICE, _account(database))
    except PasswordDeleteError:
        return
    except Exception as error:
        log.warning("cannot delete the passphrase from the keychain: %s",
                    type(error).__name__)


# Secrets the app holds in memory (the passphrase this session): redacted from every log
# record and crash report, in case an exception message or a debug line ever carries one.
_SECRETS: set[str] = set()
REDACTED = "***"


def remember_secret(value: str | None) -> None:
    if value:
        _SECRETS.add(value)


def redact(text: str) -> str:
    for secret in sorted(_SECRETS, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """A handler filter: formats the record's message once and redacts secrets from it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _SECRETS:
            record.msg = redact(record.getMessage())
            record.args = ()
            if record.exc_info and record.exc_info[1] is not None:
                import traceback

                record.exc_text = redact("".join(traceback.format_exception(
                    *record.exc_info)))
        return True
