"""Server connection and secret, kept only in the OS keychain through ``keyring`` — never in
the database, the settings file or the log.

A headless machine has no keychain (``keyring`` raises NoKeyringError): :meth:`save` then
raises :class:`NoKeychain` and the caller may keep the connection for this session only
(:meth:`keep_for_session`), in memory.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import keyring
from keyring.errors import PasswordDeleteError

from desk_crm.domain.entities import DJANGO_CRM, ENTITIES, SYNCED, TRYTON, synced_by

log = logging.getLogger("desk_crm.sync")

if TYPE_CHECKING:  # the adapters are imported only when a connection is used
    from desk_crm.sync.protocol import Adapter

SERVICE = "Desk CRM sync"
ACCOUNT = "server"


# What each kind of server syncs, in dependency order, and what a connection cannot leave
# out (the others refer to it): from the entity declarations (``EntityDef.sync``).
DJANGO_CRM_ENTITIES = synced_by(DJANGO_CRM)
TRYTON_ENTITIES = synced_by(TRYTON)
REQUIRED_ENTITIES = tuple(key for key in SYNCED
                          if (sync := ENTITIES[key].sync) is not None and sync.required)
# Offered later than the others: a connection saved before it chose anything does not
# start sending the whole catalogue on upgrade; the Connect dialog offers them (checked
# for a new connection).
OPT_IN_ENTITIES = tuple(key for key in SYNCED
                        if (sync := ENTITIES[key].sync) is not None and sync.opt_in)


def available_entities(kind: str) -> tuple[str, ...]:
    """What a server of this kind can sync, in dependency order."""
    return synced_by(TRYTON if kind == TRYTON else DJANGO_CRM)


@dataclass(frozen=True)
class Connection:
    kind: str          # adapter name: "tryton" or "django-crm"
    url: str
    database: str      # Tryton only
    user: str          # Tryton only
    password: str      # Tryton: the password; django-crm: the personal access token
    # What to sync (chosen in the Connect dialog); empty: everything the server offers
    # but the opt-in entities.
    entities: tuple[str, ...] = ()

    def chosen_entities(self) -> tuple[str, ...]:
        offered = available_entities(self.kind)
        if not self.entities:
            return tuple(e for e in offered if e not in OPT_IN_ENTITIES)
        wanted = set(self.entities) | set(REQUIRED_ENTITIES)
        return tuple(e for e in offered if e in wanted)

    def __repr__(self) -> str:  # never print the secret (logs, tracebacks)
        return f"Connection({self.kind!r}, {self.url!r}, {self.database!r}, {self.user!r})"

    __str__ = __repr__

    @property
    def label(self) -> str:
        if self.kind == "django-crm":
            return self.url.rstrip("/")
        return f"{self.user}@{self.url.rstrip('/')}/{self.database}"


class NoKeychain(Exception):
    """No keychain backend on this machine, or it refused (locked, denied, broken)."""


# Backends raise more than keyring's own errors: a locked or dismissed Secret Service gives
# secretstorage/jeepney exceptions, D-Bus trouble OSError or RuntimeError, macOS and
# Windows their own. Any of them means "no keychain now", never a crash.
KEYCHAIN_ERRORS: tuple[type[BaseException], ...] = (Exception,)


class CredentialStore:
    def __init__(self, service: str = SERVICE) -> None:
        self._service = service
        self._session: Connection | None = None  # kept in memory only
        # What the keychain answered last: the status bar asks on every change of a record,
        # and a keychain read is a D-Bus round trip (or an unlock prompt) on the UI thread.
        self._read: tuple[Connection | None] | None = None

    @property
    def known(self) -> bool:
        """load() answers from memory, without asking the keychain."""
        return self._session is not None or self._read is not None

    def load(self) -> Connection | None:
        if self._session is not None:
            return self._session
        if self._read is None:
            self._read = (self._load_stored(),)
        return self._read[0]

    def _load_stored(self) -> Connection | None:
        try:
            raw = keyring.get_password(self._service, ACCOUNT)
        except KEYCHAIN_ERRORS as exc:
            log.warning("cannot read the keychain: %s", type(exc).__name__)
            return None
        if not raw:
            return None
        try:
            values = json.loads(raw)
            values["entities"] = tuple(values.get("entities") or ())
            return Connection(**values)
        except (TypeError, ValueError, AttributeError):
            return None

    def save(self, connection: Connection) -> None:
        try:
            keyring.set_password(self._service, ACCOUNT, json.dumps(asdict(connection)))
        except KEYCHAIN_ERRORS as exc:
            log.warning("cannot store in the keychain: %s", type(exc).__name__)
            raise NoKeychain(str(exc) or type(exc).__name__) from exc
        self._session = None
        self._read = (connection,)

    def keep_for_session(self, connection: Connection) -> None:
        self._session = connection

    @property
    def session_only(self) -> bool:
        return self._session is not None

    def forget(self) -> None:
        self._session = None
        self._read = None
        try:
            keyring.delete_password(self._service, ACCOUNT)
        except PasswordDeleteError:
            return  # nothing stored: already forgotten
        except KEYCHAIN_ERRORS as exc:
            log.warning("cannot delete from the keychain: %s", type(exc).__name__)


def make_adapter(connection: Connection) -> Adapter:
    """The adapter for a stored connection, syncing the entities chosen for it."""
    chosen = connection.chosen_entities()
    if connection.kind == "tryton":
        from desk_crm.sync.adapters.tryton import TrytonAdapter
        return TrytonAdapter(connection.url, connection.database, connection.user,
                             connection.password,
                             with_opportunities="opportunity" in chosen,
                             with_quotes="quote" in chosen,
                             with_products="product" in chosen)
    if connection.kind == "django-crm":
        from desk_crm.sync.adapters.django_crm import DjangoCrmAdapter
        return DjangoCrmAdapter(connection.url, connection.password, entities=chosen)
    raise ValueError(f"unknown server kind {connection.kind!r}")
