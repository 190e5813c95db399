"""``desk-crm export --entity contacts --format xlsx --output FILE``: a list as CSV
(UTF-8 with BOM) or .xlsx, every live record or those a search finds, with the list's
columns. The file appears only once complete."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from desk_crm.cli.common import CliError, ProgressLine, open_store, services_for
from desk_crm.paths import AppPaths

NAME = "export"


def _entities() -> dict[str, str]:
    """Every declared entity with a list, by its English plural ("contacts",
    "knowledge_base"): a new entity with a list source is exportable without an edit."""
    from desk_crm.domain.entities import ENTITIES as DECLARED
    from desk_crm.store.repositories import SOURCES

    return {DECLARED[key].plural.casefold().replace(" ", "_"): key
            for key in SOURCES if key in DECLARED}


ENTITIES = _entities()


def add_parser(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
               common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(NAME, parents=[common], help="export a list to CSV or "
                                 ".xlsx (no window)")
    parser.add_argument("--entity", required=True,
                        choices=sorted({*ENTITIES, *ENTITIES.values()}))
    parser.add_argument("--format", choices=("csv", "xlsx"), default=None,
                        help="default: from the output file's extension, else csv")
    parser.add_argument("--output", "-o", required=True, help="the file to write")
    parser.add_argument("--search", default="", help="only the records this search finds")
    parser.set_defaults(handler=run)


def _format(kind: str) -> Any:
    def text(value: Any) -> str:
        if value is None:
            return ""
        if kind == "json_list":
            items = json.loads(value) if isinstance(value, str) else value
            return "; ".join(str(item) for item in items or [])
        if kind == "datetime" and isinstance(value, str):
            from desk_crm.store.types import parse_utc

            value = parse_utc(value)
        if isinstance(value, datetime):
            return value.astimezone().strftime("%Y-%m-%d %H:%M")
        return str(value)

    return text


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from desk_crm.services.exporter import ExportColumn, field_columns
    from desk_crm.store.field_columns import column_key
    from desk_crm.store.repositories import SOURCES, ListQuery

    entity = ENTITIES.get(args.entity, args.entity)
    output = Path(args.output).expanduser().resolve()
    kind = args.format or ("xlsx" if output.suffix.lower() == ".xlsx" else "csv")
    if output.suffix.lower() != f".{kind}":
        output = output.with_name(output.name + f".{kind}")
    if not output.parent.is_dir():
        raise CliError(f"no such folder: {output.parent}")
    source = SOURCES[entity]
    columns = [ExportColumn(c.key, c.key.replace("_", " ").capitalize(), _format(c.kind))
               for c in source.columns]
    database = open_store(paths)
    try:
        services = services_for(database, paths)
        # Declared fields not in the list SQL (custom fields) travel too, titled as the
        # user named them.
        have = {c.key for c in source.columns}
        fields = tuple(f for f in services.fields.entity(entity).live_fields
                       if column_key(f) not in have)
        columns += field_columns(fields)
        progress = ProgressLine()
        try:
            written = services.exports.export(
                ListQuery(entity, search=args.search, fields=fields), columns, output,
                report=progress)
        finally:
            progress.end()
    finally:
        database.close()
    print(f"exported {written:,} {args.entity} to {output}")
    return 0
