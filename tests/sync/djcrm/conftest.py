"""django-crm adapter tests: a real server (see sync/django_crm_server.py), marked ``djcrm``."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from desk_crm.sync.adapters.django_crm import DjangoCrmAdapter
from sync.django_crm_server import DjangoCrmServer, djcrm_server
from sync.djcrm.engine_helpers import Server

__all__ = ["adapter", "djcrm_server"]

@pytest.fixture
def adapter(djcrm_server: DjangoCrmServer) -> Iterator[DjangoCrmAdapter]:
    opened = DjangoCrmAdapter(djcrm_server.base_url, djcrm_server.token, timeout=30)
    yield opened
    opened.close()


@pytest.fixture
def server(djcrm_server: DjangoCrmServer) -> Server:
    """A fresh organisation on the shared server: whole-list comparisons see only this
    test's records."""
    return Server(djcrm_server, djcrm_server.new_org("engine " + uuid.uuid4().hex[:8]))
