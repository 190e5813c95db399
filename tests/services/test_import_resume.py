"""Resuming a cancelled import from the history: settings and file read back from the batch."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk_crm.domain.import_files import ImportFileError
from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import Services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.import_models import ImportBatch
from desk_crm.store.quote_models import Product


def _cancelled_import(services: Services, tmp_path: Path,
                      monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setattr("desk_crm.services.importer.CHUNK_ROWS", 10)
    lines = "".join(f"P-{i};产品{i};{i}.5\n" for i in range(25))
    path = tmp_path / "产品.csv"
    path.write_bytes(("编码;名称;单价\n" + lines).encode("gbk"))
    source = open_source(path)
    rules = tuple(ColumnRule(t) for t in guess_mapping(IMPORT_ENTITIES["product"],
                                                       source.headers))
    calls = {"n": 0}

    def cancel_in_second_chunk() -> bool:
        calls["n"] += 1
        return calls["n"] > 14

    report = services.imports.run(
        source, ImportSettings("product", rules, "upsert", "code", default_currency="EUR"),
        cancelled=cancel_in_second_chunk)
    assert report.status == "cancelled"
    return path, report.batch_id


def _products(services: Services) -> int:
    with services.context.read() as session:
        return session.scalar(select(func.count()).select_from(Product))


def test_resume_goes_on_after_the_last_chunk_with_the_stored_settings(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _path, batch_id = _cancelled_import(services, tmp_path, monkeypatch)
    assert _products(services) == 10
    assert services.imports.batches()[0]["resumable"] is True
    seen: list[int] = []
    report = services.imports.resume(batch_id, report=lambda done, _t, _x: seen.append(done))
    assert (report.status, report.created) == ("completed", 15)
    assert seen and seen[-1] == 25
    assert _products(services) == 25
    with services.context.read() as session:
        batch = session.scalars(select(ImportBatch)).one()
        assert (batch.status, batch.rows_done, batch.created) == ("completed", 25, 25)
        currencies = set(session.scalars(select(Product.currency)))
    assert currencies == {"EUR"}  # the default currency came back from the batch settings
    assert services.imports.batches()[0]["resumable"] is False


def test_a_batch_whose_file_is_gone_is_not_resumable(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, batch_id = _cancelled_import(services, tmp_path, monkeypatch)
    path.unlink()
    assert services.imports.batches()[0]["resumable"] is False
    with pytest.raises(ImportFileError):
        services.imports.resume(batch_id)
    assert _products(services) == 10
