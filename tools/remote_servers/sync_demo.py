"""Sample data for sync screenshots: a Tryton server on loopback (left running; its PID is
printed), a local store synced with it, then edits on both sides that conflict.

    PYTHONPATH=src:.:tools/remote_servers PYTHON_KEYRING_BACKEND=demo_keyring.DemoFileKeyring \
    DESK_CRM_DEMO_KEYRING=/tmp/demo/keyring.json python tools/remote_servers/sync_demo.py /tmp/demo
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from tests.sync.tryton_server import DATABASE, PASSWORD, start_server

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.sync.adapters.tryton import TrytonAdapter
from desk_crm.sync.credentials import Connection, CredentialStore
from desk_crm.sync.engine import SyncEngine


def main() -> None:
    folder = Path(sys.argv[1])
    server = start_server(folder / "tryton")
    database = open_database(folder / "crm.sqlite3", folder / "backups")
    services = build_services(database, actor="me")
    star = services.accounts.save(AccountDraft(name="北京星河科技有限公司", city="北京",
                                               phone="+86 10 6552 8800"))
    services.accounts.save(AccountDraft(name="Harbour Logistics Ltd", city="Shanghai"))
    wang = services.contacts.save(ContactDraft(
        family_name="王", given_name="芳", emails=(ContactPoint("wang.fang@xinghe.example"),),
        phones=(ContactPoint("+86 138 0013 8000"),)))
    services.contacts.save(ContactDraft(family_name="Chen", given_name="Li",
                                        emails=(ContactPoint("li.chen@harbour.example"),)))
    connection = Connection("tryton", server.url, DATABASE, "admin", PASSWORD)
    CredentialStore().save(connection)

    def sync() -> None:
        adapter = TrytonAdapter(server.url, DATABASE, "admin", PASSWORD)
        SyncEngine(database.session_factory, adapter, server=connection.label).run()

    sync()
    admin = server.admin()
    links = dict(database.engine.connect().exec_driver_sql(
        "SELECT record_id, remote_id FROM sync_link").fetchall())
    # The server's side: a rename and a new phone.
    star_party = admin("model.party.party.read", [int(links[star.id])], ["addresses"])[0]
    admin("model.party.party.write", [int(links[star.id])], {
        "name": "星河科技（北京）",
        "addresses": [["write", star_party["addresses"][:1], {"city": "天津"}]]})
    admin("model.party.party.write", [int(links[wang.id])], {"contact_mechanisms": [
        ["create", [{"type": "email", "value": "fang.wang@xinghe.example", "sequence": 0}]]]})
    # Our side, offline: the same fields, differently.
    services.accounts.save(replace(services.accounts.get(star.id).draft,
                                   name="北京星河科技集团", phone="+86 10 6552 9900",
                                   city="北京市"), star.id)
    services.contacts.save(replace(services.contacts.get(wang.id).draft,
                                   emails=(ContactPoint("fang@xinghe.example"),)), wang.id)
    sync()
    services.contacts.save(ContactDraft(family_name="赵", given_name="磊",
                                        emails=(ContactPoint("zhao.lei@example.cn"),)))
    database.close()
    print(server.process.pid if server.process else "")


if __name__ == "__main__":
    main()
