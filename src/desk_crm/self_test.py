"""``desk-crm --self-test``: proves an install works without a person watching.

Opens (creates, migrates) the real store, checks it, exercises the write path on a scratch
copy, builds the main window offscreen and checks its lists. Prints each check; exit 0 when
all pass, 1 with the failing check's message otherwise.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from desk_crm.paths import AppPaths

Check = Callable[[], str]


def run_self_test(paths: AppPaths) -> int:
    from desk_crm.store.database import open_database

    failures = 0
    database = None

    def check(name: str, fn: Check) -> None:
        nonlocal failures
        try:
            detail = fn()
        except Exception as error:  # report every failing check, then exit non-zero
            failures += 1
            print(f"FAIL {name}: {error}", flush=True)
            traceback.print_exc(file=sys.stderr)
        else:
            print(f"ok   {name}: {detail}", flush=True)

    def open_store() -> str:
        nonlocal database
        from desk_crm.cli.common import backups_folder, passphrase

        # The chosen backup folder and the passphrase (DESK_CRM_PASSPHRASE, keychain or a
        # terminal), as the window would open it: never a plain backup in the default folder.
        folder = backups_folder(paths)
        database = open_database(paths.database, folder, passphrase(paths.database, folder))
        return f"{paths.database} at schema {database.migration.to_revision}"

    check("store", open_store)
    if database is None:
        return 1

    def integrity() -> str:
        assert database is not None
        with database.engine.connect() as connection:
            result = connection.execute(text("PRAGMA quick_check")).scalar_one()
            mode = connection.execute(text("PRAGMA journal_mode")).scalar_one()
            fk = connection.execute(text("PRAGMA foreign_keys")).scalar_one()
        if result != "ok":
            raise RuntimeError(f"quick_check: {result}")
        if mode != "wal" or fk != 1:
            raise RuntimeError(f"journal_mode={mode}, foreign_keys={fk}")
        return "quick_check ok, WAL, foreign keys on"

    check("integrity", integrity)
    check("write path and search (scratch database)", _check_write_path)
    check("main window", lambda: _check_main_window(paths, database))
    check("PDF renderer", _check_pdf_renderer)
    check("translations", _check_translations)
    check("fitted models (scipy, numpy)", _check_models)
    database.close()
    print("self-test passed" if failures == 0 else f"self-test FAILED ({failures})",
          flush=True)
    return 0 if failures == 0 else 1


def _check_write_path() -> str:
    from desk_crm.domain.contact_points import ContactPoint
    from desk_crm.domain.drafts import AccountDraft, ContactDraft
    from desk_crm.domain.opportunities import OpportunityDraft
    from desk_crm.services.bundle import build_services
    from desk_crm.store.database import open_database
    from desk_crm.store.repositories import ListQuery

    with tempfile.TemporaryDirectory(prefix="desk-crm-self-test-") as folder:
        scratch = open_database(Path(folder) / "scratch.sqlite3", Path(folder) / "backups")
        try:
            services = build_services(scratch, "self-test")
            account = services.accounts.save(AccountDraft(name="上海瑞丰贸易有限公司"))
            contact = services.contacts.save(ContactDraft(
                family_name="张", given_name="三", account_id=account.id,
                emails=(ContactPoint("zhang.san@example.com"),),
                phones=(ContactPoint("13800138000"),)))
            history = services.history.for_record("contact", contact.id)
            if not history or history[0].operation != "insert":
                raise RuntimeError("the change log has no entry for the new contact")
            found = services.lists.count(ListQuery("contact", search="三"))
            if found != 1:
                raise RuntimeError(f"searching 三 found {found} contacts, expected 1")
            services.pipeline.ensure_defaults()
            stage = services.pipeline.stages()[0]
            opportunity = services.opportunities.save(OpportunityDraft(
                name="ERP 升级", account_id=account.id, amount=Decimal("1234.50"),
                stage_id=stage.id))
            if services.opportunities.get(opportunity.id).draft.amount != Decimal("1234.50"):
                raise RuntimeError("the opportunity amount did not read back exactly")
            # The duplicate matcher loads numpy, rapidfuzz and jellyfish (compiled
            # extensions a bundle can miss): a scan must pair the pinyin spelling.
            twin = services.contacts.save(ContactDraft(
                family_name="Zhang", given_name="San", phones=(ContactPoint("13800138000"),)))
            groups = services.duplicates.scan().groups()
            if not any({contact.id, twin.id} <= set(g.members) for g in groups):
                raise RuntimeError("the duplicate scan did not pair 张三 with Zhang San")
        finally:
            scratch.close()
    return ("saved account + contact + opportunity, change log written, "
            "1-character Chinese search works, duplicate scan pairs 张三 / Zhang San")


def _check_main_window(paths: AppPaths, database: object) -> str:
    from PySide6.QtWidgets import QApplication

    from desk_crm import settings as opts
    from desk_crm.services.bundle import build_services
    from desk_crm.settings import Settings
    from desk_crm.store.database import Database
    from desk_crm.store.repositories import ListQuery
    from desk_crm.ui.events import AppEvents
    from desk_crm.ui.list_page import ListPage
    from desk_crm.ui.main_window import MainWindow
    from desk_crm.ui.translations import install_translations

    assert isinstance(database, Database)
    app = QApplication.instance() or QApplication(["desk-crm"])
    assert isinstance(app, QApplication)
    settings = Settings(paths.settings_file)
    install_translations(app, settings.get(opts.LANGUAGE))
    services = build_services(database, settings.get(opts.CURRENT_USER),
                              settings.get(opts.PHONE_REGION))
    window = MainWindow(services, settings, AppEvents(), paths.database)
    window.show()
    app.processEvents()
    shown = []
    for name, page in window.pages.items():
        window.show_area(name)
        app.processEvents()
        if not page.isVisible():
            raise RuntimeError(f"the {name} page is not visible")
        if isinstance(page, ListPage):
            expected = services.lists.count(ListQuery(page.entity))
            if page.count() != expected:
                raise RuntimeError(f"{name} list shows {page.count()} rows, "
                                   f"the store has {expected}")
            if page.model.columnCount() == 0 or not page.table.isVisible():
                raise RuntimeError(f"{name} list is not visible or has no columns")
        shown.append(f"{name} ({page.count()} rows)")
    window.close()
    return "lists shown: " + ", ".join(shown) + f" on the {app.platformName()} platform"


def _check_models() -> str:
    """BG/NBD by scipy's optimiser and a logistic regression: the bundle carries scipy's
    compiled parts (optimize, special) and they load."""
    import numpy as np

    from desk_crm.domain.clv_models import expected_purchases, fit_bgnbd
    from desk_crm.domain.propensity import fit_logistic

    x = np.array([0.0, 1, 2, 0, 5, 3, 1, 0, 2, 4] * 10)
    t_x = np.array([0.0, 10, 20, 0, 30, 25, 5, 0, 15, 35] * 10)
    T = np.full(len(x), 40.0)
    model = fit_bgnbd(x, t_x, T)
    value = float(expected_purchases(model, 10.0, x[:1] + 2, t_x[:1] + 30, T[:1])[0])
    logistic = fit_logistic(np.column_stack([x, t_x]), (x > 1).astype(float))
    if not (0 < value < 10 and np.all(np.isfinite(logistic.coef))):
        raise RuntimeError(f"expected purchases {value}, coefficients {logistic.coef}")
    return f"BG/NBD r={model.r:.3f}, E[Y(10)]={value:.2f}"


def _check_pdf_renderer() -> str:
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    with tempfile.TemporaryDirectory(prefix="desk-crm-self-test-") as folder:
        target = Path(folder) / "check.pdf"
        writer = QPdfWriter(str(target))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer)
        painter.drawText(200, 200, "Desk CRM 报价单 Quote 1,234.50")
        painter.end()
        data = target.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 500:
        raise RuntimeError(f"the PDF writer produced {len(data)} bytes without a PDF header")
    return f"QPdfWriter wrote a {len(data):,}-byte PDF with Chinese text"


def _check_translations() -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from desk_crm.paths import resources_dir

    folder = resources_dir() / "translations"
    own = QTranslator()
    if not own.load(QLocale("zh_CN"), "desk_crm", "_", str(folder)):
        raise RuntimeError(f"desk_crm_zh_CN.qm not found or unreadable in {folder}")
    sample = own.translate("Areas", "Contacts")
    if not sample or sample == "Contacts":
        raise RuntimeError("the zh_CN translation has no text for “Contacts”")
    qt = QTranslator()
    qt_loaded = qt.load(QLocale("zh_CN"), "qtbase", "_",
                        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    QCoreApplication.processEvents()
    return f"zh_CN loads (“Contacts” → “{sample}”), Qt's own zh_CN " + (
        "loads" if qt_loaded else "MISSING")
