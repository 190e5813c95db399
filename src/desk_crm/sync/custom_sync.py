"""Agree custom-field definitions with a server that has user-defined fields of its own
(``protocol.HoldsCustomFields``: django-crm), before each run's push and pull.

Per synced entity that may have custom fields, by key (the same key on both sides):

* ours, of a type the server can hold and not there yet: created on the server; linked
  records that already hold a value are flagged ``force_push`` so the run's push sends it;
* theirs, not here: created here (``CustomFieldService.create``) with the type it maps to;
* on both sides: the title and each picklist choice's title are merged against the copy
  both last agreed on (kept in ``app_setting`` ``sync_custom_fields``): a rename on one
  side travels to the other; renamed on both sides, ours wins and is sent. A choice only
  one side has is added to the other (a renamed choice keeps its key, so no value changes).

What both sides then hold travels per record as ``custom.<key>`` fields (the adapter's
``use_custom_fields``), merged three-way and queued as conflicts like built-in fields, and
written here through ``services.custom_fields`` (validation, change log, history, undo).
Fields that stay local are listed in the report (``SyncReport.local_fields``): types the
server cannot hold (money, date and time, multi-select picklists, links), fields archived
here or deactivated there, and a key whose type differs on the two sides.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from desk_crm.domain.entities import CUSTOMIZABLE
from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.fields import Choice, FieldDef, check_key
from desk_crm.services.context import ServiceContext
from desk_crm.services.custom_fields import CustomFieldService, NewField
from desk_crm.store.all_models import model_for
from desk_crm.store.sales_models import AppSetting
from desk_crm.store.sync_models import SyncLink
from desk_crm.sync.adapters.django_crm_custom import (
    TYPE_IN,
    TYPE_OUT,
    RemoteFieldDef,
    field_name,
    fits,
)
from desk_crm.sync.protocol import AuthError, HoldsCustomFields, RejectedError

log = logging.getLogger("desk_crm.sync")
BASE_KEY = "sync_custom_fields"

Agreed = dict[str, dict[str, Any]]  # key -> {"title": …, "choices": {choice key: title}}


def agree_definitions(context: ServiceContext, adapter: HoldsCustomFields,
                      entities: tuple[str, ...]) -> list[str]:
    """Agree the definitions of *entities* and tell the adapter what travels; returns the
    fields that stay local ("contact.key (money)")."""
    service = CustomFieldService(context)
    base = _load_base(context)
    local_only: list[str] = []
    for entity in adapter.custom_field_entities():
        if entity not in entities or entity not in CUSTOMIZABLE:
            continue
        agreed: Agreed = dict(base.get(entity, {}))
        mapped, fresh, skipped = _agree_entity(service, adapter, entity, agreed)
        local_only.extend(f"{entity}.{key} ({reason})" for key, reason in skipped)
        adapter.use_custom_fields(entity, mapped)
        base[entity] = {f.key: _snapshot(f) for f in mapped}
        if fresh:
            _flag_values(context, entity, fresh)
    _save_base(context, base)
    if local_only:
        log.info("custom fields kept local: %s", ", ".join(local_only))
    return local_only


def _agree_entity(service: CustomFieldService, adapter: HoldsCustomFields, entity: str,
                  agreed: Agreed) -> tuple[tuple[FieldDef, ...], list[str],
                                           list[tuple[str, str]]]:
    ours = {f.key: f for f in service.definitions(entity, include_archived=True)}
    theirs: dict[str, RemoteFieldDef] = {
        d.key: d for d in adapter.custom_field_definitions(entity)}
    mapped: list[FieldDef] = []
    fresh: list[str] = []        # created on the server now: its values still to push
    skipped: list[tuple[str, str]] = []
    for key, field in ours.items():
        remote = theirs.get(key)
        if field.archived:
            skipped.append((key, "archived"))
            continue
        if field.type not in TYPE_OUT:
            skipped.append((key, field.type.value))
            continue
        if remote is None:
            try:
                adapter.create_custom_field(entity, field)
            except RejectedError as error:
                skipped.append((key, f"refused: {error.message}"))
                continue
            except AuthError:  # only the organisation's admins may add fields there
                skipped.append((key, "only an admin of the server may add it"))
                continue
            fresh.append(key)
        elif not remote.active:
            skipped.append((key, "deactivated on the server"))
            continue
        elif not fits(field.type, remote.field_type):
            skipped.append((key, f"{field.type.value} here, {remote.field_type} there"))
            continue
        else:
            field = _merge_definition(service, adapter, entity, field, remote,
                                      agreed.get(key, {}))
        mapped.append(field)
    for key, remote in theirs.items():
        if key in ours or not remote.active:
            continue
        made = _create_local(service, entity, remote)
        if made is None:
            skipped.append((key, f"{remote.field_type} on the server only"))
        else:
            mapped.append(made)
    return tuple(mapped), fresh, skipped


def _merge_definition(service: CustomFieldService, adapter: HoldsCustomFields, entity: str,
                      field: FieldDef, remote: RemoteFieldDef,
                      base: Mapping[str, Any]) -> FieldDef:
    """Titles and choice titles, three-way against the agreed copy; ours wins a tie."""
    push_label: str | None = None
    title = field.title
    if remote.label and remote.label != field.title:
        if base.get("title") == field.title:         # only the server renamed it
            title = remote.label
            service.rename(entity, field.key, title, field.title_zh)
        else:
            push_label = field.title
    choices = field.choices
    push_options = None
    if field.choices or remote.options:
        agreed = base.get("choices") or {}
        server = dict(remote.options)
        merged: list[Choice] = []
        for choice in field.choices:
            their_title = server.get(choice.key)
            if (their_title and their_title != choice.title
                    and agreed.get(choice.key) == choice.title):
                choice = Choice(choice.key, their_title, choice.title_zh)  # renamed there
            merged.append(choice)
        known = {c.key for c in merged}
        merged.extend(Choice(value, label) for value, label in remote.options
                      if value not in known)                              # added there
        if tuple(merged) != field.choices:
            service.set_choices(entity, field.key, merged)
            choices = tuple(merged)
        if [(c.key, c.title) for c in merged] != list(remote.options):
            push_options = [{"value": c.key, "label": c.title} for c in merged]
    if push_label is not None or push_options is not None:
        try:
            adapter.update_custom_field(remote, label=push_label, options=push_options)
        except (AuthError, RejectedError) as error:  # an admin's right there
            log.warning("custom field %s.%s: the server kept its title/choices: %s",
                        entity, field.key, error)
    return replace(field, title=title, choices=choices)


def _create_local(service: CustomFieldService, entity: str,
                  remote: RemoteFieldDef) -> FieldDef | None:
    kind = TYPE_IN.get(remote.field_type)
    if kind is None:
        return None
    try:
        check_key(remote.key)
        return service.create(NewField(
            entity, remote.label or remote.key, kind, key=remote.key,
            choices=tuple(Choice(value, label) for value, label in remote.options)))
    except (ValidationError, ValidationErrors) as error:
        log.warning("custom field %s.%s from the server not made here: %s", entity,
                    remote.key, error)
        return None


def _snapshot(field: FieldDef) -> dict[str, Any]:
    return {"title": field.title, "choices": {c.key: c.title for c in field.choices}}


def _flag_values(context: ServiceContext, entity: str, keys: list[str]) -> None:
    """Linked records holding a value of a field just made on the server: the next push
    sends them (their base copy has no such field, so the value counts as our change)."""
    model = model_for(entity)
    with context.session_factory() as session, session.begin():
        links = {link.record_id: link for link in session.scalars(
            select(SyncLink).where(SyncLink.entity == entity))}
        for start in range(0, len(links), 500):
            chunk = list(links)[start:start + 500]
            for row_id, custom in session.execute(
                    select(model.id, model.custom).where(  # type: ignore[attr-defined]
                        model.id.in_(chunk))):
                if custom and any(custom.get(k) not in (None, "", []) for k in keys):
                    link = links[row_id]
                    link.force_push = True
                    # An agreed blank: the server has no value yet, so ours is the change.
                    link.base = {**link.base, **{field_name(k): None for k in keys}}


def _load_base(context: ServiceContext) -> dict[str, Agreed]:
    with context.session_factory() as session:
        row = session.get(AppSetting, BASE_KEY)
        return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def _save_base(context: ServiceContext, base: Mapping[str, Agreed]) -> None:
    with context.session_factory() as session, session.begin():
        row = session.get(AppSetting, BASE_KEY)
        if row is None:
            session.add(AppSetting(key=BASE_KEY, value=dict(base)))
        else:
            row.value = dict(base)
