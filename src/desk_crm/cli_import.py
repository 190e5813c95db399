"""``desk-crm import``: the import wizard's service for scripted jobs, without a window.

    desk-crm import --entity contacts --match email --mode upsert FILE [--data-dir DIR]

Columns are mapped from the file's headers exactly as the wizard guesses them (English or
Chinese headers). Progress goes to stderr, the created/updated/skipped counts to stdout.
Exit 0 on success; 1 when the file cannot be read; 2 with --strict when rows were skipped.
A backup of the database is taken first, like the wizard does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_crm.paths import AppPaths

ENTITY_NAMES = {"contacts": "contact", "accounts": "account", "leads": "lead",
                "products": "product"}


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser("import", help="import a CSV, .xlsx or .vcf file (no "
                                 "window); columns are mapped from the headers")
    parser.add_argument("file", help="the file to import")
    parser.add_argument("--entity", required=True,
                        choices=sorted({*ENTITY_NAMES, *ENTITY_NAMES.values()}))
    parser.add_argument("--mode", choices=("create", "update", "upsert"), default="create")
    parser.add_argument("--match", default=None,
                        help="natural key: email, phone, external_id, name, code "
                        "(default: the entity's first)")
    parser.add_argument("--encoding", default=None, help="e.g. gbk, utf-16 (default: "
                        "detected)")
    parser.add_argument("--delimiter", default=None, help="CSV delimiter (default: detected)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 2 when any row was skipped")
    parser.add_argument("--report", default=None, help="write the per-row report to this CSV")
    # Also accepted after the command, as the usage line in the issue writes it.
    parser.add_argument("--data-dir", dest="data_dir", default=argparse.SUPPRESS,
                        help="as the top-level --data-dir")


def run_import(args: argparse.Namespace, paths: AppPaths) -> int:
    from desk_crm import settings as opts
    from desk_crm.domain.errors import ValidationError, ValidationErrors
    from desk_crm.domain.import_files import ImportFileError
    from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
    from desk_crm.services.bundle import build_services
    from desk_crm.services.importer import ImportSettings, open_source
    from desk_crm.settings import Settings
    from desk_crm.store.database import open_database

    entity = IMPORT_ENTITIES[ENTITY_NAMES.get(args.entity, args.entity)]
    path = Path(args.file).expanduser().resolve()
    try:
        source = open_source(path, args.encoding, args.delimiter)
    except (ImportFileError, OSError) as error:
        print(f"desk-crm import: {path}: {error}", file=sys.stderr)
        return 1
    targets = guess_mapping(entity, list(source.headers))
    if not any(targets):
        print(f"desk-crm import: no column of {path.name} matches a {entity.key} field "
              f"(headers: {', '.join(source.headers)})", file=sys.stderr)
        return 1
    match_key = args.match or entity.match_keys[0]
    if match_key not in entity.match_keys:
        print(f"desk-crm import: --match must be one of {', '.join(entity.match_keys)}",
              file=sys.stderr)
        return 1
    settings_file = Settings(paths.settings_file)
    database = open_database(paths.database, paths.backups_dir)
    try:
        services = build_services(database, settings_file.get(opts.CURRENT_USER),
                                  settings_file.get(opts.PHONE_REGION))
        services.backups.backup_before("import")
        settings = ImportSettings(entity.key, tuple(ColumnRule(t) for t in targets),
                                  match_mode=args.mode, match_key=match_key)

        def progress(done: int, total: int, _text: str) -> None:
            print(f"\r{done:,} / {total:,} rows", end="", file=sys.stderr, flush=True)

        try:
            report = services.imports.run(source, settings, report=progress)
        except (ImportFileError, ValidationError, ValidationErrors) as error:
            print(f"\ndesk-crm import: {error}", file=sys.stderr)
            return 1
        print(file=sys.stderr)
        if args.report:
            report.save_csv(Path(args.report))
        print(f"{report.status}: created {report.created}, updated {report.updated}, "
              f"skipped {report.skipped} ({report.rows_per_second:,.0f} rows/s); "
              f"batch {report.batch_id}")
        return 2 if args.strict and report.skipped else 0
    finally:
        database.close()
