"""List columns, sorts and filters generated from field declarations (``domain.fields``):
the demographic built-ins and the user's custom fields join an entity's ``ListSource``
without a hand-written ``ListColumn`` each.

Column and filter names: the field key for built-ins ("birth_date"), ``cf_<key>`` for
custom fields, so the two can never collide and both are valid SQL bind names.
"""

from __future__ import annotations

from dataclasses import replace

from desk_crm.domain.fields import FieldDef, FieldType
from desk_crm.store.repositories import SOURCES, ListColumn, ListSource

_KINDS = {FieldType.MULTI_PICKLIST: "json_list", FieldType.MONEY: "json"}


def column_key(field: FieldDef) -> str:
    return f"cf_{field.key}" if field.custom else field.key


def field_column(field: FieldDef, alias: str) -> ListColumn:
    expression = field.sql(alias)
    if field.type in (FieldType.MONEY, FieldType.MULTI_PICKLIST):
        # The whole value (amount + currency, the list of choices) for display.
        expression = f"json_extract({alias}.custom, '$.{field.key}')"
    return ListColumn(column_key(field), expression,
                      field.sort_sql(alias) if field.sortable else None,
                      kind=_KINDS.get(field.type, "text"))


def field_filter(field: FieldDef, alias: str) -> str:
    name = column_key(field)
    if field.type is FieldType.MULTI_PICKLIST:
        return (f"EXISTS (SELECT 1 FROM json_each({alias}.custom, '$.{field.key}') "
                f"WHERE json_each.value = :{name})")
    if field.type is FieldType.CHECKBOX:
        return f"COALESCE({field.sql(alias)}, 0) = CAST(:{name} AS INTEGER)"
    if field.type is FieldType.INTEGER:
        # Filter values travel as text (saved views); JSON integers compare as integers.
        return f"{field.sql(alias)} = CAST(:{name} AS INTEGER)"
    return f"{field.sql(alias)} = :{name}"


_CACHE: dict[tuple[str, tuple[FieldDef, ...]], ListSource] = {}


def extended_source(entity: str, fields: tuple[FieldDef, ...]) -> ListSource:
    """The entity's list source plus one column and one equality filter per live field not
    already in it (cached: a list asks for its source on every page)."""
    cached = _CACHE.get((entity, fields))
    if cached is None:
        cached = _CACHE[(entity, fields)] = _extend(SOURCES[entity], fields)
    return cached


def _extend(source: ListSource, fields: tuple[FieldDef, ...]) -> ListSource:
    have = {column.key for column in source.columns}
    extra = [f for f in fields if not f.archived and column_key(f) not in have]
    if not extra:
        return source
    columns = (*source.columns, *(field_column(f, source.alias) for f in extra))
    filters = {**source.filters, **{column_key(f): field_filter(f, source.alias)
                                    for f in extra}}
    return replace(source, columns=columns, filters=filters)
