"""``desk-crm import``: the import wizard's service for scripted jobs, without a window.

    desk-crm import --entity contacts --match email --mode upsert FILE [--data-dir DIR]
    desk-crm import --resume BATCH     go on with an interrupted/cancelled/failed import
    desk-crm import --undo BATCH       undo a whole import

Columns are mapped from the file's headers exactly as the wizard guesses them (English or
Chinese headers). Progress goes to stderr, the created/updated/skipped counts to stdout.
Exit 0 on success; 1 when the file cannot be read; 2 with --strict when rows were skipped.
A backup of the database is taken first, like the wizard does.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk_crm.cli.common import CliError, ProgressLine, open_store, services_for
from desk_crm.paths import AppPaths

NAME = "import"
def _entity_names() -> dict[str, str]:
    """The importable entities by their declared English plural ("contacts")."""
    from desk_crm.domain.entities import ENTITIES
    from desk_crm.domain.import_mapping import IMPORT_ENTITIES

    return {ENTITIES[key].plural.casefold(): key for key in IMPORT_ENTITIES}


ENTITY_NAMES = _entity_names()


def add_parser(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
               common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(NAME, parents=[common], help="import a CSV, .xlsx or .vcf "
                                 "file (no window); columns are mapped from the headers")
    parser.add_argument("file", nargs="?", help="the file to import")
    parser.add_argument("--entity", choices=sorted({*ENTITY_NAMES, *ENTITY_NAMES.values()}))
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
    again = parser.add_mutually_exclusive_group()
    again.add_argument("--resume", metavar="BATCH", default=None,
                       help="go on with an interrupted, cancelled or failed import")
    again.add_argument("--undo", metavar="BATCH", default=None,
                       help="undo a whole import (created records deleted, updated ones "
                       "put back)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.undo is None and args.resume is None and (args.file is None or
                                                      args.entity is None):
        raise CliError("give FILE and --entity, or --resume BATCH, or --undo BATCH")
    if args.undo is None and args.resume is None:
        return _import(args, paths)
    database = open_store(paths)
    try:
        services = services_for(database, paths)
        batch = _find_batch(services, args.undo or args.resume)
        if args.undo is not None:
            services.backups.backup_before("undo-import")
            result = services.changes.undo_batch(batch["id"])
            print(f"undone: import {batch['id']} of {batch['file_name']}, "
                  f"{result.records:,} records; {result.conflicts} fields changed since "
                  "were left as they are")
            return 0
        if not batch["resumable"]:
            raise CliError(f"import {batch['id']} is {batch['status']} and cannot be "
                           "resumed (only interrupted, cancelled or failed imports whose "
                           "file is still there)")
        services.backups.backup_before("import")
        progress = ProgressLine()
        try:
            report = services.imports.resume(batch["id"], report=progress)
        finally:
            progress.end()
        return _finish(args, report)
    finally:
        database.close()


def _find_batch(services: Any, wanted: str) -> dict[str, Any]:
    found = [b for b in services.imports.batches(limit=100_000)
             if b["id"] == wanted or b["id"].startswith(wanted)]
    if len(found) != 1:
        raise CliError(f"no import batch {wanted}" if not found else
                       f"{wanted} is the start of {len(found)} batch ids; give more of it")
    return found[0]


def _import(args: argparse.Namespace, paths: AppPaths) -> int:
    from desk_crm.domain.errors import ValidationError, ValidationErrors
    from desk_crm.domain.import_files import ImportFileError
    from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
    from desk_crm.services.importer import ImportSettings, open_source

    entity = IMPORT_ENTITIES[ENTITY_NAMES.get(args.entity, args.entity)]
    path = Path(args.file).expanduser().resolve()
    try:
        source = open_source(path, args.encoding, args.delimiter)
    except (ImportFileError, OSError) as error:
        raise CliError(f"{path}: {error}") from error
    targets = guess_mapping(entity, list(source.headers))
    if not any(targets):
        raise CliError(f"no column of {path.name} matches a {entity.key} field "
                       f"(headers: {', '.join(source.headers)})")
    match_key = args.match or entity.match_keys[0]
    if match_key not in entity.match_keys:
        raise CliError(f"--match must be one of {', '.join(entity.match_keys)}")
    database = open_store(paths)
    try:
        services = services_for(database, paths)
        services.backups.backup_before("import")
        # With the database open, declared fields join the guess ("Address 2" -> street2,
        # a custom field by its English or Chinese title).
        targets = guess_mapping(services.imports.entity(entity.key), list(source.headers))
        settings = ImportSettings(entity.key, tuple(ColumnRule(t) for t in targets),
                                  match_mode=args.mode, match_key=match_key)
        # The wizard previews 50 rows before it imports; doing the same here loads what
        # the first rows need once (pinyin tables, phone metadata, compiled statements),
        # which a cold command line otherwise paid inside its import: the reason it showed
        # 395 rows/s against the window's 870 on a 2,000-row file (bench/RESULTS.md).
        services.imports.preview(source, settings, limit=50)
        progress = ProgressLine()
        try:
            report = services.imports.run(source, settings, report=progress)
        except (ImportFileError, ValidationError, ValidationErrors) as error:
            raise CliError(f"{path}: {error}") from error
        finally:
            progress.end()
        return _finish(args, report)
    finally:
        database.close()


def _finish(args: argparse.Namespace, report: Any) -> int:
    if args.report:
        report.save_csv(Path(args.report))
    print(f"{report.status}: created {report.created}, updated {report.updated}, "
          f"skipped {report.skipped} ({report.rows_per_second:,.0f} rows/s); "
          f"batch {report.batch_id}")
    return 2 if args.strict and report.skipped else 0
