"""Credentials live in the keychain only; no keychain -> session only."""

from __future__ import annotations

import keyring
import pytest
from tests.helpers.keyrings import MemoryKeyring, NoKeyring

from desk_crm.sync.credentials import Connection, CredentialStore, NoKeychain

CONNECTION = Connection("tryton", "http://127.0.0.1:8000/", "crm", "admin", "s3cret-pw")


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    yield
    keyring.set_keyring(previous)


def test_saved_in_the_keychain_and_loaded_back(memory_keyring):
    store = CredentialStore()
    store.save(CONNECTION)
    assert CredentialStore().load() == CONNECTION
    assert any("s3cret-pw" in value for value in memory_keyring.store.values())
    store.forget()
    assert CredentialStore().load() is None


def test_repr_never_shows_the_password():
    assert "s3cret-pw" not in repr(CONNECTION) and "s3cret-pw" not in str(CONNECTION)


def test_without_a_keychain_save_says_so_and_session_keeps_it(no_keyring):
    store = CredentialStore()
    with pytest.raises(NoKeychain):
        store.save(CONNECTION)
    assert store.load() is None
    store.keep_for_session(CONNECTION)
    assert store.load() == CONNECTION and store.session_only
    assert CredentialStore().load() is None  # a new session starts without it


def test_django_crm_connection_builds_its_adapter_and_hides_the_token():
    from desk_crm.sync.adapters.django_crm import DjangoCrmAdapter
    from desk_crm.sync.credentials import DJANGO_CRM_ENTITIES, make_adapter
    connection = Connection("django-crm", "http://127.0.0.1:8001/", "", "", "bcrm_pat_secret")
    adapter = make_adapter(connection)
    assert isinstance(adapter, DjangoCrmAdapter)
    assert adapter.entities() == DJANGO_CRM_ENTITIES == (
        "account", "contact", "lead", "opportunity")
    assert connection.label == "http://127.0.0.1:8001"
    assert "bcrm_pat_secret" not in repr(connection) + str(connection)


def test_django_crm_token_is_stored_in_the_keychain(memory_keyring):
    connection = Connection("django-crm", "http://127.0.0.1:8001/", "", "", "bcrm_pat_x")
    CredentialStore().save(connection)
    assert CredentialStore().load() == connection


def test_a_connection_that_never_chose_does_not_start_syncing_products():
    from desk_crm.sync.credentials import Connection

    old = Connection("tryton", "http://127.0.0.1:8000/", "crm", "admin", "pw")
    assert "product" not in old.chosen_entities()
    assert old.chosen_entities() == ("account", "contact", "opportunity", "quote")
    chose = Connection("tryton", "http://127.0.0.1:8000/", "crm", "admin", "pw",
                       ("contact", "product"))
    assert chose.chosen_entities() == ("account", "contact", "product")


def test_the_keychain_is_read_once_per_store_not_at_every_status_refresh(memory_keyring):
    reads: list[str] = []
    original = memory_keyring.get_password
    memory_keyring.get_password = lambda service, user: reads.append(user) or original(
        service, user)
    store = CredentialStore()
    assert store.load() is None and store.load() is None
    assert len(reads) == 1
    store.save(CONNECTION)
    assert store.load() == CONNECTION and len(reads) == 1
    store.forget()
    assert store.load() is None and len(reads) == 2
