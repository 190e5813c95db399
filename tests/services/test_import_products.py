"""Products as an import entity: Chinese headers, upsert by code, bad prices marked."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import Services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.models import ChangeLogEntry
from desk_crm.store.quote_models import Product

CSV = ("产品编码,产品名称,描述,单位,单价,币种,税率,启用\n"
       "a-100,服务器,机架式,台,\"¥12,800.00\",CNY,13%,是\n"
       "B-200,显示器,,台,1999.5,,13,否\n")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _settings(source, **kwargs) -> ImportSettings:
    targets = guess_mapping(IMPORT_ENTITIES["product"], source.headers)
    return ImportSettings("product", tuple(ColumnRule(t) for t in targets),
                          match_key="code", **kwargs)


def _products(services: Services) -> dict[str, Product]:
    with services.context.read() as session:
        rows = session.scalars(select(Product).where(Product.deleted_at.is_(None))).all()
        session.expunge_all()
        return {row.code: row for row in rows}


def test_chinese_headers_are_guessed_for_every_product_field() -> None:
    headers = ["编码", "名称", "描述", "单位", "价格", "币种", "税率", "启用"]
    assert guess_mapping(IMPORT_ENTITIES["product"], headers) == [
        "code", "name", "description", "unit", "default_price", "currency", "tax_rate",
        "active"]


def test_csv_with_chinese_headers_creates_products(services: Services, tmp_path: Path) -> None:
    source = open_source(_write(tmp_path / "p.csv", CSV))
    report = services.imports.run(source, _settings(source, default_currency="USD"))
    assert (report.created, report.updated, report.skipped) == (2, 0, 0)
    products = _products(services)
    assert set(products) == {"A-100", "B-200"}
    server = services.products.get(products["A-100"].id).draft
    assert (server.name, server.unit, server.description) == ("服务器", "台", "机架式")
    assert (server.default_price, server.currency, server.tax_rate, server.active) == (
        Decimal("12800.00"), "CNY", Decimal(13), True)
    screen = services.products.get(products["B-200"].id).draft
    # an empty currency cell falls back to the import's default currency
    assert (screen.default_price, screen.currency, screen.active) == (
        Decimal("1999.50"), "USD", False)
    with services.context.read() as session:
        logged = session.scalars(select(ChangeLogEntry.batch_id).where(
            ChangeLogEntry.entity == "product")).all()
    assert set(logged) == {report.batch_id}  # written in the batch's chunk transaction


def test_upsert_by_code_updates_the_price_and_keeps_other_fields(
        services: Services, tmp_path: Path) -> None:
    source = open_source(_write(tmp_path / "p.csv", CSV))
    services.imports.run(source, _settings(source))
    update = open_source(_write(tmp_path / "u.csv", "编码,单价\na-100,11500\nC-300,9\n"))
    report = services.imports.run(update, _settings(update, match_mode="upsert"))
    # C-300 has no name: refused, not created half-empty
    assert (report.created, report.updated, report.skipped) == (0, 1, 1)
    products = _products(services)
    server = services.products.get(products["A-100"].id)
    assert server.draft.default_price == Decimal("11500")
    assert (server.draft.name, server.draft.tax_rate) == ("服务器", Decimal(13))
    assert server.version == 2
    assert "C-300" not in products


def test_update_mode_skips_unknown_codes_and_create_mode_refuses_existing(
        services: Services, tmp_path: Path) -> None:
    source = open_source(_write(tmp_path / "p.csv", CSV))
    services.imports.run(source, _settings(source))
    again = services.imports.run(source, _settings(source, match_mode="create"))
    assert (again.created, again.skipped) == (0, 2)
    other = open_source(_write(tmp_path / "o.csv", "编码,名称\nZ-1,新品\n"))
    report = services.imports.run(other, _settings(other, match_mode="update"))
    assert (report.updated, report.skipped) == (0, 1)
    assert "Z-1" not in _products(services)


def test_bad_price_marks_the_cell_in_preview_and_skips_the_row(
        services: Services, tmp_path: Path) -> None:
    text = "编码,名称,单价,税率,启用\nX-1,好,12a,13,是\nX-2,坏,-5,200,也许\nX-3,正常,5,0,1\n"
    source = open_source(_write(tmp_path / "b.csv", text))
    rows = services.imports.preview(source, _settings(source))
    assert [r.action for r in rows] == ["skipped", "skipped", "created"]
    assert "12a" in rows[0].errors["default_price"]
    assert set(rows[1].errors) >= {"active"}
    assert rows[2].values["default_price"] == "5"
    report = services.imports.run(source, _settings(source))
    assert (report.created, report.skipped) == (1, 2)
    assert set(_products(services)) == {"X-3"}


def test_negative_price_and_out_of_range_tax_are_marked(
        services: Services, tmp_path: Path) -> None:
    source = open_source(_write(tmp_path / "n.csv", "编码,名称,单价,税率\nN-1,负,-5,200\n"))
    row = services.imports.preview(source, _settings(source))[0]
    assert set(row.errors) == {"default_price", "tax_rate"}


def test_a_product_import_is_undone_as_one_batch(services: Services, tmp_path: Path) -> None:
    source = open_source(_write(tmp_path / "p.csv", CSV))
    report = services.imports.run(source, _settings(source))
    assert len(_products(services)) == 2
    services.changes.undo_batch(report.batch_id)
    assert _products(services) == {}
