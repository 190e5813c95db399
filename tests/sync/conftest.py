"""A real Tryton server for the whole session, and per-test adapters scoped to their own
party category so tests sharing the server never see each other's records."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from tests.sync.tryton_server import DATABASE, PASSWORD, Admin, TrytonServer, start_server

from desk_crm.sync.adapters.tryton import TrytonAdapter


@pytest.fixture(scope="session")
def tryton(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TrytonServer]:
    server = start_server(tmp_path_factory.mktemp("tryton"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def scope() -> str:
    return "desk-test-" + uuid.uuid4().hex[:8]


@pytest.fixture
def make_adapter(tryton: TrytonServer, scope: str) -> Callable[..., TrytonAdapter]:
    def make(url: str | None = None, **kw: object) -> TrytonAdapter:
        kw.setdefault("with_opportunities", False)  # fewer calls; opportunity tests ask
        kw.setdefault("with_quotes", False)
        return TrytonAdapter(url or tryton.url, DATABASE, "admin", PASSWORD,
                             scope_category=scope, **kw)  # type: ignore[arg-type]
    return make


@pytest.fixture
def admin(tryton: TrytonServer) -> Admin:
    return tryton.admin()
