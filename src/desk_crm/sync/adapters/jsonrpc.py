"""Tryton's JSON-RPC transport over http.client: Tryton's JSON type tags, session login,
and error classification (network/5xx -> TransientError, 401 -> AuthError, ...)."""

from __future__ import annotations

import base64
import http.client
import itertools
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from desk_crm.sync.protocol import AuthError, RejectedError, StaleVersionError, TransientError


def encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"__class__": "Decimal", "decimal": str(value)}
    if isinstance(value, datetime):
        naive = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        return {"__class__": "datetime", "year": naive.year, "month": naive.month,
                "day": naive.day, "hour": naive.hour, "minute": naive.minute,
                "second": naive.second, "microsecond": naive.microsecond}
    if isinstance(value, date):
        return {"__class__": "date", "year": value.year, "month": value.month, "day": value.day}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    return value


def _decode_hook(obj: dict[str, Any]) -> Any:
    kind = obj.get("__class__")
    if kind == "Decimal":
        return Decimal(obj["decimal"])
    if kind == "datetime":
        # Tryton stores naive UTC timestamps.
        return datetime(obj["year"], obj["month"], obj["day"], obj["hour"], obj["minute"],
                        obj["second"], obj.get("microsecond", 0), tzinfo=UTC)
    if kind == "date":
        return date(obj["year"], obj["month"], obj["day"])
    if kind == "bytes":
        return base64.b64decode(obj["base64"])
    return obj


class TrytonRpc:
    """A logged-in JSON-RPC client for one Tryton database. Not thread-safe: one per worker."""

    def __init__(self, url: str, database: str, user: str, password: str, *,
                 timeout: float = 30.0) -> None:
        parts = urlsplit(url if "://" in url else "http://" + url)
        if parts.scheme not in ("http", "https"):
            raise ValueError(f"unsupported scheme {parts.scheme!r}")
        self._https = parts.scheme == "https"
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or (443 if self._https else 80)
        self._path = parts.path.rstrip("/") + f"/{database}/rpc/"
        self._user, self._password = user, password
        self._timeout = timeout
        self._ids = itertools.count(1)
        self._auth: str | None = None
        self.context: dict[str, Any] = {}

    def login(self) -> None:
        result = self._post("common.db.login",
                            [self._user, {"password": self._password}, "en"], auth=False)
        if not isinstance(result, list) or len(result) < 2:
            raise AuthError("login refused")
        token = f"{self._user}:{result[0]}:{result[1]}".encode()
        self._auth = "Session " + base64.b64encode(token).decode()
        prefs = self._post("model.res.user.get_preferences", [True, {}])
        self.context = {k: prefs[k] for k in ("company", "language") if prefs.get(k)}

    def call(self, method: str, *args: Any, context: dict[str, Any] | None = None) -> Any:
        """Call a model method with the user's context (plus *context*); a session that
        expired is renewed once with the stored password."""
        if self._auth is None:
            self.login()
        params = [encode(a) for a in args] + [encode({**self.context, **(context or {})})]
        try:
            return self._post(method, params)
        except AuthError:
            self.login()
            return self._post(method, params)

    def _post(self, method: str, params: list[Any], *, auth: bool = True) -> Any:
        body = json.dumps({"id": next(self._ids), "method": method, "params": params})
        headers = {"Content-Type": "application/json"}
        if auth and self._auth:
            headers["Authorization"] = self._auth
        connection_class = (http.client.HTTPSConnection if self._https
                            else http.client.HTTPConnection)
        connection = connection_class(self._host, self._port, timeout=self._timeout)
        try:
            connection.request("POST", self._path, body.encode(), headers)
            response = connection.getresponse()
            payload = response.read()
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise TransientError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            connection.close()
        if response.status == 401 or response.status == 403:
            raise AuthError(f"HTTP {response.status}")  # an HTML page, not JSON-RPC
        if response.status >= 500 or response.status == 429:
            raise TransientError(f"HTTP {response.status}")
        if response.status != 200:
            raise RejectedError(f"HTTP {response.status}: {payload[:200]!r}")
        try:
            answer = json.loads(payload, object_hook=_decode_hook)
        except ValueError as exc:
            raise TransientError(f"bad answer: {payload[:80]!r}") from exc
        if answer.get("error"):
            raise classify(answer["error"])
        return answer.get("result")


def classify(error: Any) -> Exception:
    """A JSON-RPC error as one of the protocol's classes."""
    if isinstance(error, list) and error:
        kind, args = error[0], error[1] if len(error) > 1 else ""
        if kind == "ConcurrencyException":
            return StaleVersionError(str(args))
        if kind in ("UserError", "UserWarning", "AccessError", "DomainValidationError",
                    "RequiredValidationError", "SizeValidationError", "SelectionValidationError"):
            message = args[0] if isinstance(args, list) and args else str(args)
            return RejectedError(str(message))
        if kind in ("NotLogged", "LoginException", "RateLimitException"):
            return AuthError(str(kind))
        text = f"{kind}: {args}"
    else:
        text = str(error)
    if "locked" in text or "OperationalError" in text or "TimeoutException" in text:
        return TransientError(text)
    return RejectedError(text[:500])
