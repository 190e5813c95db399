"""Helpers for the engine tests against django-crm: the server as another user of the same
organisation, and what must be equal on both sides after a sync."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tests.helpers.db import rows

from desk_crm.sync.adapters.django_crm import DjangoCrmAdapter
from desk_crm.sync.credentials import DJANGO_CRM_ENTITIES as ENTITIES  # as the app builds it
from sync.django_crm_server import DjangoCrmServer


class Server:
    """Another user of the same organisation, writing through the REST API directly."""

    def __init__(self, server: DjangoCrmServer, token: str) -> None:
        self.server, self.token, self.url = server, token, server.base_url

    def __call__(self, method: str, path: str, body: object = None) -> Any:
        return self.server.request(method, path, body, token=self.token)

    def adapter(self, transport: Any = None) -> DjangoCrmAdapter:
        return DjangoCrmAdapter(self.url, self.token, timeout=30, entities=ENTITIES,
                                transport=transport)

    def all(self, entity: str) -> dict[str, Mapping[str, Any]]:
        """Every record the server holds: remote id -> local-vocabulary fields."""
        adapter, out, cursor = self.adapter(), {}, None
        while True:
            page = adapter.list_changes(entity, cursor, 100)
            out.update((r.remote_id, r.fields) for r in page.records if not r.deleted)
            if not page.has_more:
                return out
            cursor = page.cursor


def local_view(database) -> dict[str, set[tuple[Any, ...]]]:
    """What must be equal on both sides, in the server's terms (primary e-mail only)."""
    accounts = {(r["name"], r["city"], r["email"]) for r in rows(
        database, "SELECT name, city, email FROM account WHERE deleted_at IS NULL")}
    contacts = {(r["family_name"], r["given_name"], r["title"], r["primary_email"] or "")
                for r in rows(database, "SELECT family_name, given_name, title, primary_email "
                                        "FROM contact WHERE deleted_at IS NULL")}
    deals = {(r["name"], Decimal(r["amount_minor"]) / 100) for r in rows(
        database, "SELECT name, amount_minor FROM opportunity WHERE deleted_at IS NULL")}
    return {"account": accounts, "contact": contacts, "opportunity": deals}


def server_view(server: Server) -> dict[str, set[tuple[Any, ...]]]:
    return {
        "account": {(f["name"], f["city"], f["email"]) for f in server.all("account").values()},
        "contact": {(f["family_name"], f["given_name"], f["title"],
                     (f["emails"] or [""])[0]) for f in server.all("contact").values()},
        "opportunity": {(f["name"], Decimal(f["amount"]))
                        for f in server.all("opportunity").values()},
    }


def assert_same(database, server: Server) -> None:
    assert local_view(database) == server_view(server)
