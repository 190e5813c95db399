"""Migrations you can trust: file names in chain order, one head, no live application code
inside a migration, the schema of every revision pinned by a snapshot, and a file left at
any earlier revision with data in it upgraded to head, its rows read and written by the
services."""

from __future__ import annotations

import ast
import dataclasses
import io
import itertools
import json
import re
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from desk_crm.services.bundle import Services, build_services
from desk_crm.store import migrate
from desk_crm.store.database import Database, open_database
from desk_crm.store.engine import create_sqlite_engine
from desk_crm.store.repositories import ListQuery
from helpers.db import change_log

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import schema_snapshot  # noqa: E402  (tools/ is not a package)

VERSIONS = migrate.MIGRATIONS_DIR / "versions"
FILE_NAME = re.compile(r"(?P<position>\d{3})_(?P<revision>[0-9a-z]+)_(?P<slug>[a-z0-9_]+)\.py")
# What a migration may import: it must build the same schema whatever the app becomes.
ALLOWED_IMPORTS = {"__future__", "typing", "json", "alembic", "sqlalchemy"}
CHAIN = schema_snapshot.revision_chain()


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def _migration_files() -> list[Path]:
    return sorted(p for p in VERSIONS.glob("*.py") if p.name != "__init__.py")


def test_alembic_heads_prints_a_single_head() -> None:
    out = io.StringIO()
    config = Config(stdout=out)
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    command.heads(config)
    heads = [line.split()[0] for line in out.getvalue().splitlines() if line.strip()]
    assert heads == [migrate.head_revision()]
    assert _scripts().get_heads() == [migrate.head_revision()]


def test_file_names_list_the_migrations_in_the_order_they_run() -> None:
    """NNN_<revision>_<slug>.py, NNN its 1-based place in the chain (versions/README.md)."""
    files = _migration_files()
    assert len(files) == len(CHAIN)
    for position, (path, revision) in enumerate(zip(files, CHAIN, strict=True), start=1):
        match = FILE_NAME.fullmatch(path.name)
        assert match, f"{path.name} does not follow NNN_<revision>_<slug>.py"
        assert int(match["position"]) == position, path.name
        assert match["revision"] == revision, f"{path.name} holds revision {revision}"
        script = _scripts().get_revision(revision)
        assert script is not None and Path(script.path).name == path.name


@pytest.mark.parametrize("path", _migration_files(), ids=lambda p: p.name)
def test_a_migration_imports_no_application_code(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= ALLOWED_IMPORTS, f"{path.name} imports {imported - ALLOWED_IMPORTS}"


def test_every_revision_builds_the_schema_recorded_for_it(tmp_path: Path) -> None:
    """A fresh file upgraded revision by revision matches tests/data/schema_snapshot.json
    after every step: an edit that changes an old migration's result fails here. A new
    migration records its schema with ``tools/schema_snapshot.py``."""
    recorded = json.loads(schema_snapshot.SNAPSHOT.read_text("utf-8"))
    missing = [rev for rev in CHAIN if rev not in recorded]
    assert not missing, f"run tools/schema_snapshot.py to record {missing}"
    built = schema_snapshot.schemas_by_revision(tmp_path)
    for revision in CHAIN:
        assert built[revision] == recorded[revision], f"revision {revision} changed"


def test_no_migration_loses_an_index_or_trigger_it_does_not_name(tmp_path: Path) -> None:
    """Alembic's batch mode rebuilds a SQLite table and keeps only what SQLAlchemy can
    reflect: expression indexes and triggers (sort indexes, counters, search) vanish
    silently. 0014 once did that to ``ticket``; a migration that means to drop one names it."""
    built = schema_snapshot.schemas_by_revision(tmp_path)
    sources = {FILE_NAME.fullmatch(path.name)["revision"]: path.read_text("utf-8")  # type: ignore[index]
               for path in _migration_files()}
    for before, after in itertools.pairwise(CHAIN):
        kept = {(t, n) for t, n, _table, _sql in built[after]}
        tables = {n for t, n, _table, _sql in built[after] if t == "table"}
        for type_, name, table, _sql in built[before]:
            if type_ in ("index", "trigger") and table in tables and \
                    (type_, name) not in kept:
                assert name in sources[after], f"{after} loses {type_} {name} on {table}"


# -- a file left at any earlier revision, with data, upgraded to head ---------------------

NOW = "2025-03-04T05:06:07.000000Z"


@dataclass(frozen=True)
class Seed:
    """One row written with plain SQL, in the columns of the revision that made its table,
    then read and edited at head through its service."""

    entity: str
    table: str
    since: str  # the revision that created the table
    values: dict[str, Any]
    service: Callable[[Services], Any]
    shown: tuple[str, str]  # a draft field and the value it must have after the upgrade
    search: str  # a word that must find the row in its list after the upgrade
    edit: tuple[str, str]  # a draft field set to a new value and saved at head
    id: str = ""


USER_ID = str(uuid.uuid4())
ACCOUNT_ID, CONTACT_ID, STAGE_ID = (str(uuid.uuid4()) for _ in range(3))
LEAD_ID, OPPORTUNITY_ID, ACTIVITY_ID = (str(uuid.uuid4()) for _ in range(3))
PRODUCT_ID, TICKET_ID, ARTICLE_ID, CAMPAIGN_ID = (str(uuid.uuid4()) for _ in range(4))

SEEDS = (
    Seed("account", "account", "0001", {
        "id": ACCOUNT_ID, "name": "上海贸易有限公司", "name_sort": "shang hai mao yi",
        "industry": "贸易", "website": "", "phone": "+862188886666", "email": "",
        "street": "", "city": "上海", "region": "", "postal_code": "", "country": "中国",
        "tags": json.dumps(["VIP"]), "owner_id": USER_ID, "notes": ""},
        lambda s: s.accounts, ("city", "上海"), "贸易", ("industry", "物流")),
    Seed("contact", "contact", "0001", {
        "id": CONTACT_ID, "family_name": "张", "given_name": "三", "display_name": "张三",
        "sort_name": "zhang san", "title": "经理", "department": "", "account_id": ACCOUNT_ID,
        "emails": json.dumps([{"value": "zhang.san@example.com", "label": "work",
                               "primary": True}]),
        "phones": "[]", "primary_email": "zhang.san@example.com", "primary_phone": "",
        "street": "", "city": "", "region": "", "postal_code": "", "country": "",
        "tags": "[]", "owner_id": USER_ID, "notes": ""},
        lambda s: s.contacts, ("title", "经理"), "张三", ("title", "总经理")),
    Seed("lead", "lead", "0003", {
        "id": LEAD_ID, "family_name": "Wang", "given_name": "Fang", "display_name": "Fang Wang",
        "sort_name": "wang fang", "company": "Northwind", "title": "", "email": "",
        "phone": "", "source": "website", "status": "new", "company_size": None, "street": "",
        "city": "", "region": "", "postal_code": "", "country": "", "owner_id": USER_ID,
        "notes": "", "score": 10},
        lambda s: s.leads, ("company", "Northwind"), "Northwind", ("title", "Buyer")),
    Seed("opportunity", "opportunity", "0003", {
        "id": OPPORTUNITY_ID, "name": "Fleet renewal", "name_sort": "fleet renewal",
        "account_id": ACCOUNT_ID, "amount_minor": 1250050, "currency": "EUR",
        "close_date": "2025-06-30", "stage_id": STAGE_ID, "probability": "0.25",
        "owner_id": USER_ID, "next_step": "", "outcome_reason": "", "notes": ""},
        lambda s: s.opportunities, ("name", "Fleet renewal"), "Fleet",
        ("next_step", "Send the quote")),
    Seed("activity", "activity", "0003", {
        "id": ACTIVITY_ID, "kind": "task", "subject": "Call back about the fleet",
        "notes": "", "due_at": "2025-03-10T09:00:00.000000Z", "duration_minutes": 30,
        "recurrence": "", "owner_id": USER_ID, "opportunity_id": OPPORTUNITY_ID},
        lambda s: s.activities, ("subject", "Call back about the fleet"), "fleet",
        ("notes", "asked for a discount")),
    Seed("product", "product", "0005", {
        "id": PRODUCT_ID, "code": "P-100", "name": "Service plan", "name_sort": "service plan",
        "description": "", "unit": "month", "default_price_minor": 9900, "currency": "EUR",
        "tax_category": "standard", "tax_rate": "0.19", "active": 1},
        lambda s: s.products, ("code", "P-100"), "plan", ("description", "Monthly plan")),
    Seed("ticket", "ticket", "0004", {
        "id": TICKET_ID, "number": "T-2025-00001", "subject": "Printer jams",
        "description": "", "account_id": ACCOUNT_ID, "contact_id": CONTACT_ID,
        "channel": "email", "category": "", "priority": "normal", "status": "open",
        "assignee_id": USER_ID, "product": "", "contract_ref": "", "sla_target": "",
        "csat_comment": ""},
        lambda s: s.tickets, ("subject", "Printer jams"), "Printer",
        ("category", "hardware")),
    Seed("kb_article", "kb_article", "0004", {
        "id": ARTICLE_ID, "title": "Clearing a paper jam", "body": "Open the tray.",
        "category": "", "tags": "[]", "status": "published"},
        lambda s: s.knowledge, ("title", "Clearing a paper jam"), "paper",
        ("category", "printers")),
    Seed("campaign", "campaign", "0011", {
        "id": CAMPAIGN_ID, "name": "Spring fair", "name_sort": "spring fair", "kind": "event",
        "status": "planned", "start_date": "2025-04-01", "end_date": None, "currency": "EUR",
        "budget_minor": 500000, "actual_cost_minor": 0, "expected_revenue_minor": 0,
        "owner_id": USER_ID, "notes": ""},
        lambda s: s.campaigns, ("name", "Spring fair"), "Spring", ("notes", "Hall 4")),
)


def _insert(connection: Connection, table: str, values: dict[str, Any]) -> None:
    row = {"created_at": NOW, "updated_at": NOW, "version": 1, "deleted_at": None, **values}
    columns = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    connection.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({marks})"), row)


def _seeds_at(revision: str) -> list[Seed]:
    reached = CHAIN[:CHAIN.index(revision) + 1]
    return [seed for seed in SEEDS if seed.since in reached]


def _write_rows_at(path: Path, revision: str) -> None:
    """A file as the app at *revision* left it: the tables of that revision, rows in them."""
    engine = create_sqlite_engine(path)
    try:
        migrate.upgrade(engine, path, path.parent / "backups", target=revision)
        with engine.begin() as connection:
            _insert(connection, "app_user", {"id": USER_ID, "name": "李娜",
                                             "email": "li.na@example.com", "active": 1})
            if "0003" in CHAIN[:CHAIN.index(revision) + 1]:
                _insert(connection, "pipeline_stage", {
                    "id": STAGE_ID, "name": "Proposal", "position": 50,
                    "probability": "0.5", "kind": "open", "active": 1})
            for seed in _seeds_at(revision):
                _insert(connection, seed.table, seed.values)
    finally:
        engine.dispose()


@pytest.fixture(params=CHAIN[:-1])
def upgraded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Database]]:
    revision: str = request.param
    path = tmp_path / f"at-{revision}.sqlite3"
    _write_rows_at(path, revision)
    opened = open_database(path, tmp_path / "backups")
    yield revision, opened
    opened.close()


def test_a_file_at_any_earlier_revision_upgrades_with_its_data(
        upgraded: tuple[str, Database]) -> None:
    revision, database = upgraded
    assert database.migration.from_revision == revision
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    backup = database.migration.backup
    assert backup is not None and revision in backup.name
    services = build_services(database, actor="tester")
    seeds = _seeds_at(revision)
    assert seeds, "every revision has data to carry"
    for seed in seeds:
        record_id = seed.values["id"]
        service = seed.service(services)
        record = service.get(record_id)
        field, expected = seed.shown
        assert getattr(record.draft, field) == expected, (seed.entity, field)
        assert record.version == 1
        # The list finds it: its row counter was seeded and its search index filled.
        assert services.lists.count(ListQuery(seed.entity)) == 1, seed.entity
        found = services.lists.page(ListQuery(seed.entity, search=seed.search))
        assert [row.id for row in found] == [record_id], (seed.entity, seed.search)
        # And the services write it, with a change log entry.
        name, value = seed.edit
        draft = dataclasses.replace(record.draft, **{name: value})
        saved = service.save(draft, record_id, expected_version=1)
        assert saved.version == 2
        assert getattr(service.get(record_id).draft, name) == value
        [entry] = change_log(database, record_id)
        assert entry["operation"] == "update"
        assert entry["changes"][name][1] == value, (seed.entity, entry["changes"])
