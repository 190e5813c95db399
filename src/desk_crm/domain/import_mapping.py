"""What an imported column can become, guesses from header names (English and Chinese),
per-column transforms, and turning one mapped row into an entity draft.

``IMPORT_ENTITIES`` is a registry: a new importable entity (products …) is one more
``ImportEntity`` with its fields and a ``build`` that overlays a row on a draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.entities import ENTITIES
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.leads import LeadDraft
from desk_crm.domain.money import parse_amount
from desk_crm.domain.names import split_full_name
from desk_crm.domain.products import ProductDraft
from desk_crm.domain.tags import normalize_tags
from desk_crm.domain.text import clean_multiline, clean_text

IGNORE = ""
_MULTI = re.compile(r"[;；,，\n]")


@dataclass(frozen=True)
class TargetField:
    key: str
    title: str  # QT_TRANSLATE_NOOP("Import", …): the UI translates it
    aliases: tuple[str, ...] = ()


def _f(key: str, title: str, *aliases: str) -> TargetField:
    return TargetField(key, title, aliases)


_NAME_FIELDS = (
    _f("full_name", QT_TRANSLATE_NOOP("Import", "Full name"),
       "name", "full name", "fullname", "contact", "contact name", "fn", "姓名", "名字",
       "联系人", "客户姓名"),
    _f("family_name", QT_TRANSLATE_NOOP("Import", "Family name"),
       "family name", "last name", "lastname", "surname", "姓", "姓氏"),
    _f("given_name", QT_TRANSLATE_NOOP("Import", "Given name"),
       "given name", "first name", "firstname", "forename", "名"),
)
_ADDRESS_FIELDS = (
    _f("street", QT_TRANSLATE_NOOP("Import", "Street"),
       "street", "address", "street address", "地址", "街道", "详细地址"),
    _f("city", QT_TRANSLATE_NOOP("Import", "City"), "city", "town", "城市", "市"),
    _f("region", QT_TRANSLATE_NOOP("Import", "Province / state"),
       "region", "state", "province", "county", "省份", "省", "地区"),
    _f("postal_code", QT_TRANSLATE_NOOP("Import", "Postal code"),
       "postal code", "zip", "zip code", "postcode", "邮编", "邮政编码"),
    _f("country", QT_TRANSLATE_NOOP("Import", "Country"), "country", "国家"),
)
_EXTERNAL = _f("external_id", QT_TRANSLATE_NOOP("Import", "External id"),
               "external id", "id", "uid", "record id", "编号", "外部编号")
_TAGS = _f("tags", QT_TRANSLATE_NOOP("Import", "Tags"), "tags", "tag", "labels", "标签")
_NOTES = _f("notes", QT_TRANSLATE_NOOP("Import", "Notes"),
            "notes", "note", "comments", "description", "备注", "说明")
_TITLE = _f("title", QT_TRANSLATE_NOOP("Import", "Job title"),
            "title", "job title", "position", "role", "职务", "职位", "头衔")
_COMPANY = _f("company", QT_TRANSLATE_NOOP("Import", "Company"),
              "company", "organization", "organisation", "org", "account", "company name",
              "公司", "单位", "公司名称", "企业")
_EMAIL = _f("email", QT_TRANSLATE_NOOP("Import", "Email"),
            "email", "e-mail", "email address", "mail", "邮箱", "电子邮件", "电子邮箱")
_PHONE = _f("phone", QT_TRANSLATE_NOOP("Import", "Phone"),
            "phone", "telephone", "tel", "work phone", "电话", "座机", "联系电话")
_MOBILE = _f("mobile", QT_TRANSLATE_NOOP("Import", "Mobile"),
             "mobile", "cell", "mobile phone", "cell phone", "手机", "手机号", "移动电话")


@dataclass(frozen=True)
class ImportEntity:
    key: str
    title: str  # the entity's declared plural ("Entities" context)
    fields: tuple[TargetField, ...]
    new_draft: Callable[[], Any]
    # natural keys this entity can be matched on, in the order they are tried
    match_keys: tuple[str, ...]

    def field(self, key: str) -> TargetField:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)


CONTACT = ImportEntity(
    "contact", ENTITIES["contact"].plural,
    (*_NAME_FIELDS, _COMPANY,
     _f("department", QT_TRANSLATE_NOOP("Import", "Department"), "department", "dept", "部门"),
     _TITLE, _EMAIL, _PHONE, _MOBILE, *_ADDRESS_FIELDS, _TAGS, _NOTES, _EXTERNAL),
    ContactDraft, ("external_id", "email", "phone"),
)
ACCOUNT = ImportEntity(
    "account", ENTITIES["account"].plural,
    (_f("name", QT_TRANSLATE_NOOP("Import", "Account name"),
        "name", "company", "company name", "account", "account name", "organization",
        "公司", "公司名称", "客户名称", "单位", "企业名称"),
     _f("industry", QT_TRANSLATE_NOOP("Import", "Industry"), "industry", "sector", "行业"),
     _f("website", QT_TRANSLATE_NOOP("Import", "Website"),
        "website", "web", "url", "homepage", "网站", "网址", "官网"),
     _EMAIL, _PHONE, *_ADDRESS_FIELDS, _TAGS, _NOTES, _EXTERNAL),
    AccountDraft, ("external_id", "name"),
)
LEAD = ImportEntity(
    "lead", ENTITIES["lead"].plural,
    (*_NAME_FIELDS, _COMPANY, _TITLE, _EMAIL, _PHONE, _MOBILE,
     _f("source", QT_TRANSLATE_NOOP("Import", "Source"), "source", "lead source", "来源"),
     _f("status", QT_TRANSLATE_NOOP("Import", "Status"), "status", "lead status", "状态"),
     _f("company_size", QT_TRANSLATE_NOOP("Import", "Company size"),
        "company size", "employees", "size", "员工数", "规模"),
     *_ADDRESS_FIELDS, _NOTES, _EXTERNAL),
    LeadDraft, ("external_id", "email", "phone"),
)

PRODUCT = ImportEntity(
    "product", ENTITIES["product"].plural,
    (_f("code", QT_TRANSLATE_NOOP("Import", "Product code"),
        "code", "product code", "sku", "item code", "part number", "编码", "产品编码",
        "货号", "物料编码"),
     _f("name", QT_TRANSLATE_NOOP("Import", "Product name"),
        "name", "product", "product name", "item", "名称", "产品名称", "品名"),
     _f("description", QT_TRANSLATE_NOOP("Import", "Description"),
        "description", "details", "描述", "产品描述", "说明"),
     _f("unit", QT_TRANSLATE_NOOP("Import", "Unit"), "unit", "uom", "单位", "计量单位"),
     _f("default_price", QT_TRANSLATE_NOOP("Import", "Default price"),
        "price", "unit price", "default price", "list price", "单价", "价格", "售价"),
     _f("currency", QT_TRANSLATE_NOOP("Import", "Currency"), "currency", "币种", "货币"),
     _f("tax_rate", QT_TRANSLATE_NOOP("Import", "Tax rate"),
        "tax rate", "tax", "vat", "tax %", "税率"),
     _f("active", QT_TRANSLATE_NOOP("Import", "Active"),
        "active", "enabled", "启用", "是否启用", "有效")),
    ProductDraft, ("code",),
)

IMPORT_ENTITIES: dict[str, ImportEntity] = {
    e.key: e for e in (CONTACT, ACCOUNT, LEAD, PRODUCT)}


def _header_key(header: str) -> str:
    return re.sub(r"[\s_\-.:：()（）*]+", " ", clean_text(header).casefold()).strip()


def guess_mapping(entity: ImportEntity, headers: tuple[str, ...] | list[str]) -> list[str]:
    """The target field of each column ("" to ignore); each target is used once."""
    used: set[str] = set()
    result: list[str] = []
    for header in headers:
        key = _header_key(header)
        target = IGNORE
        for candidate in entity.fields:
            names = {_header_key(a) for a in (*candidate.aliases, candidate.key,
                                              candidate.title)}
            if key in names and candidate.key not in used:
                target = candidate.key
                break
        if target:
            used.add(target)
        result.append(target)
    return result


# -- transforms -----------------------------------------------------------------------------

TRANSFORMS = ("", "upper", "lower", "title", "date")


def apply_transform(value: str, transform: str, date_format: str = "") -> str:
    """Trim always (a cell of several lines keeps its line breaks, for long text and
    notes; each field's own normalisation flattens what must be one line); then change
    case, or read a date in *date_format* as ISO (2026-11-23)."""
    lines = clean_multiline(value)
    value = lines if "\n" in lines else clean_text(value)
    if not value or not transform:
        return value
    if transform == "upper":
        return value.upper()
    if transform == "lower":
        return value.lower()
    if transform == "title":
        return value.title()
    if transform == "date":
        try:
            return datetime.strptime(value, date_format or "%Y-%m-%d").date().isoformat()
        except ValueError as exc:
            raise ValidationError("date", QT_TRANSLATE_NOOP(
                "Import", "“{value}” is not a date in the format {format}"),
                value=value, format=date_format) from exc
    raise KeyError(transform)


@dataclass(frozen=True)
class ColumnRule:
    target: str = IGNORE
    transform: str = ""
    date_format: str = ""


def mapped_values(rules: list[ColumnRule] | tuple[ColumnRule, ...],
                  cells: list[str]) -> dict[str, str]:
    """target -> transformed text; a full name is split into family and given names.
    A transform error is raised as ValidationError on the column's target."""
    values: dict[str, str] = {}
    for index, rule in enumerate(rules):
        if not rule.target or index >= len(cells):
            continue
        try:
            text = apply_transform(cells[index], rule.transform, rule.date_format)
        except ValidationError as exc:
            raise ValidationError(rule.target, exc.template, **exc.params) from None
        if text:
            values[rule.target] = text
    full = values.pop("full_name", "")
    if full and not values.get("family_name") and not values.get("given_name"):
        values["family_name"], values["given_name"] = split_full_name(full)
    return values


def _multi(text: str) -> list[str]:
    return [clean_text(p) for p in _MULTI.split(text) if clean_text(p)]


def _points(existing: tuple[ContactPoint, ...], new: list[str],
            label: str = "") -> tuple[ContactPoint, ...]:
    seen = {p.value.casefold() for p in existing}
    added = tuple(ContactPoint(v, label) for v in new if v.casefold() not in seen)
    return existing + added


_TRUE = {"1", "y", "yes", "true", "on", "active", "是", "启用", "有效", "√", "✓"}
_FALSE = {"0", "n", "no", "false", "off", "inactive", "否", "停用", "禁用", "无效", "×", "✗"}


def _product_value(key: str, text: str) -> Any:
    """A product column's text as the draft's type (price, tax rate, active flag)."""
    if key == "default_price":
        try:
            return parse_amount(text)
        except ValidationError as exc:  # parse_amount names its field "amount"
            raise ValidationError(key, exc.template, **exc.params) from None
    if key == "tax_rate":
        try:
            return Decimal(text.replace("％", "%").rstrip("%").strip())
        except InvalidOperation:
            raise ValidationError(key, QT_TRANSLATE_NOOP(
                "Import", "“{value}” is not a percentage"), value=text) from None
    if key == "active":
        flag = text.strip().casefold()
        if flag in _TRUE or flag in _FALSE:
            return flag in _TRUE
        raise ValidationError(key, QT_TRANSLATE_NOOP(
            "Import", "“{value}” is not yes or no"), value=text)
    if key == "currency":
        return text.strip().upper()
    return text


def overlay(entity_key: str, draft: Any, values: dict[str, str]) -> Any:
    """*draft* with every mapped, non-empty value laid over it: an update keeps the fields
    the file leaves blank. Emails and phones are added to a contact's list."""
    if entity_key == "product":
        changes: dict[str, Any] = {
            key: _product_value(key, text) for key, text in values.items()
            if hasattr(draft, key)}
        return replace(draft, **changes)
    changes = {}
    for key, text in values.items():
        if key in ("external_id", "company") and entity_key == "contact":
            continue  # matched / linked by the service, not draft fields
        if key in ("email", "phone", "mobile") and entity_key == "contact":
            continue
        if key == "mobile":
            if "phone" not in values:
                changes["phone"] = text
            continue
        if key == "tags":
            changes["tags"] = normalize_tags((*getattr(draft, "tags", ()), text))
        elif key == "company_size":
            try:
                changes[key] = int(text.replace(",", ""))
            except ValueError:
                raise ValidationError(key, QT_TRANSLATE_NOOP(
                    "Import", "“{value}” is not a whole number"), value=text) from None
        elif key == "status":
            changes[key] = text.lower()
        elif key == "email" and entity_key != "contact":
            changes[key] = (_multi(text) or [""])[0]
        elif key == "phone" and entity_key != "contact":
            changes[key] = (_multi(text) or [""])[0]
        elif key != "external_id" and hasattr(draft, key):
            changes[key] = text
    if entity_key == "contact":
        emails = _points(draft.emails, _multi(values.get("email", "")))
        phones = _points(draft.phones, _multi(values.get("phone", "")))
        phones = _points(phones, _multi(values.get("mobile", "")), "mobile")
        changes.update(emails=emails, phones=phones)
    return replace(draft, **changes)


def error_target(field: str) -> str:
    """The import target a draft's validation field belongs to ("emails[1]" -> "email")."""
    base = field.split("[", 1)[0]
    return {"emails": "email", "phones": "phone"}.get(base, base)
