"""One declaration per entity: its table, titles, and everything the layers used to keep in
registries of their own (search index, row counter, merge links, sync fields and servers,
segment conditions), plus the fields the generic machinery (generated editor section, list
columns, import, export, bulk edit, segments, search, merge, history) reads. Custom fields
defined by the user join these at run time (:func:`with_custom`).

The rest of the code derives its tables from here: ``store.derived.SEARCH_INDEXES``,
``store.scale_models.COUNTED_TABLES``, ``services.merge.LINKED``, ``sync.local.FIELDS``,
``sync.credentials.DJANGO_CRM_ENTITIES``, ``domain.segments.FIELDS``, and every entity
title shown (translated once, in the "Entities" context). docs/ARCHITECTURE.md, "Add a
field" and "Add an entity", lists the files a change touches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.domain.fields import Choice, FieldDef, FieldType


class NameKind(StrEnum):
    """How a record's name is kept, and so which derived columns follow it."""

    PERSON = "person"  # display_name and sort_name from family_name + given_name
    COMPANY = "company"  # name_sort (legal form and pinyin aware) from name
    PLAIN = "plain"  # a name column as typed, nothing derived


@dataclass(frozen=True)
class SearchDef:
    """The entity's full-text index (``<table>_fts``)."""

    columns: tuple[str, ...]  # the columns its index text is built from
    rank: int  # where its hits come in the Ctrl+K results (people first)
    title: str = "id"  # SQL over the bare table: what a hit shows
    detail: str = "''"


# Sync servers (adapter kinds of sync.credentials.Connection).
DJANGO_CRM, TRYTON = "django-crm", "tryton"


@dataclass(frozen=True)
class MergeDef:
    """How duplicates of the entity merge (services/merge.py and the one merge dialog):
    the draft fields taken from the record the user picks per row, and the lists kept
    from every record. Declared fields (custom, demographic) join as rows by themselves."""

    fields: tuple[str, ...]
    union: tuple[str, ...] = ("tags",)


@dataclass(frozen=True)
class SyncDef:
    """What of an entity syncs. ``fields`` are built-in fields; the entity's custom fields
    (``custom_fields=True``) travel on top of them as ``custom.<key>`` with a server that
    holds user-defined fields (django-crm: sync/custom_sync.py) and stay local otherwise."""

    fields: tuple[str, ...]  # what the local side reads and writes (an adapter maps a subset)
    servers: tuple[str, ...]  # the kinds of server that carry it
    required: bool = False  # a connection cannot leave it out: the others refer to it
    # Offered later than the others: a connection saved before it chose anything does not
    # start syncing it on upgrade (sync.credentials.OPT_IN_ENTITIES).
    opt_in: bool = False


@dataclass(frozen=True)
class EntityDef:
    key: str  # change log / sync / history name ("contact")
    table: str
    title: str  # singular, QT_TRANSLATE_NOOP("Entities", …)
    plural: str
    list_alias: str  # the alias its list SQL gives the table ("c"); "" without a list
    fields: tuple[FieldDef, ...] = ()  # built-in fields the generic machinery handles
    custom_fields: bool = False  # users may add fields (a ``custom`` JSON column)
    name_column: str = "name"  # the column a record is called by (links, merge, search)
    name_kind: NameKind = NameKind.PLAIN
    contact_points: bool = False  # emails/phones lists indexed in ``contact_point``
    counted: bool = False  # a live-row counter (row_count) for the unfiltered list count
    # The records it points at through ``<entity>_id`` columns: merging those moves it.
    links: tuple[str, ...] = ()
    search: SearchDef | None = None
    sync: SyncDef | None = None
    # Segment conditions: (field, kind of domain.segments); empty: no segments of it.
    segment_fields: tuple[tuple[str, str], ...] = ()
    merge: MergeDef | None = None  # duplicates of it can be merged

    @property
    def synced(self) -> bool:
        return self.sync is not None

    def field(self, key: str) -> FieldDef:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(f"{self.key}.{key}")

    @property
    def live_fields(self) -> tuple[FieldDef, ...]:
        return tuple(f for f in self.fields if not f.archived)

    @property
    def generated_fields(self) -> tuple[FieldDef, ...]:
        """The fields of the editor's generated section, in their order."""
        return tuple(sorted((f for f in self.live_fields if f.in_generated_section),
                            key=lambda f: (f.custom, f.position)))


GENDERS = (
    Choice("female", QT_TRANSLATE_NOOP("Fields", "Female"), "女"),
    Choice("male", QT_TRANSLATE_NOOP("Fields", "Male"), "男"),
    Choice("other", QT_TRANSLATE_NOOP("Fields", "Other"), "其他"),
    Choice("undisclosed", QT_TRANSLATE_NOOP("Fields", "Prefers not to say"), "不愿透露"),
)
INCOME_BANDS = (
    Choice("under_50k", QT_TRANSLATE_NOOP("Fields", "Under 50k / year"), "年收入5万以下"),
    Choice("50k_150k", QT_TRANSLATE_NOOP("Fields", "50k–150k / year"), "年收入5万–15万"),
    Choice("150k_500k", QT_TRANSLATE_NOOP("Fields", "150k–500k / year"), "年收入15万–50万"),
    Choice("over_500k", QT_TRANSLATE_NOOP("Fields", "Over 500k / year"), "年收入50万以上"),
)
EDUCATION_LEVELS = (
    Choice("secondary", QT_TRANSLATE_NOOP("Fields", "Secondary school"), "中学"),
    Choice("vocational", QT_TRANSLATE_NOOP("Fields", "Vocational college"), "大专"),
    Choice("bachelor", QT_TRANSLATE_NOOP("Fields", "Bachelor's degree"), "本科"),
    Choice("master", QT_TRANSLATE_NOOP("Fields", "Master's degree"), "硕士"),
    Choice("doctorate", QT_TRANSLATE_NOOP("Fields", "Doctorate"), "博士"),
)

# Demographic fields (issue 17 item 5): real columns, declared here only. Titles are
# translated through the "Fields" context (resources/translations); title_zh is what the
# import header guesses and the custom-field machinery also read.
CONTACT_FIELDS = (
    FieldDef("street2", FieldType.TEXT, QT_TRANSLATE_NOOP("Fields", "Address line 2"),
             "地址2", position=1,
             aliases=("address 2", "address2", "address line 2", "street 2", "street2",
                      "suite", "apartment", "地址2", "地址 2", "详细地址2", "地址二")),
    FieldDef("birth_date", FieldType.DATE, QT_TRANSLATE_NOOP("Fields", "Birth date"),
             "出生日期", position=2, indexed=True,
             aliases=("birth date", "birthdate", "birthday", "date of birth", "dob",
                      "出生日期", "生日", "出生年月日")),
    FieldDef("gender", FieldType.PICKLIST, QT_TRANSLATE_NOOP("Fields", "Gender"), "性别",
             position=3, choices=GENDERS, indexed=True, aliases=("gender", "sex", "性别")),
    FieldDef("income_band", FieldType.PICKLIST, QT_TRANSLATE_NOOP("Fields", "Income band"),
             "收入水平", position=4, choices=INCOME_BANDS,
             aliases=("income", "income band", "annual income", "收入", "年收入", "收入水平")),
    FieldDef("education", FieldType.PICKLIST, QT_TRANSLATE_NOOP("Fields", "Education"),
             "学历", position=5, choices=EDUCATION_LEVELS,
             aliases=("education", "education level", "degree", "学历", "教育程度", "文化程度")),
)

_ADDRESS = ("street", "city", "region", "country")
_TEXT, _TAGS, _REF, _DATE, _COUNT, _TIER = "text", "tags", "ref", "date", "count", "tier"
_SEGMENT_COMMON = (("tags", _TAGS), ("owner_id", _REF))
_SEGMENT_DATES = (("created_at", _DATE), ("updated_at", _DATE))
_SEGMENT_LOYALTY = (("loyalty_tier", _TIER), ("loyalty_points", _COUNT))

# In dependency order: an entity comes after those it refers to (sync pushes and pulls in
# this order; a merge of a record moves the entities after it).
ENTITIES: dict[str, EntityDef] = {e.key: e for e in (
    EntityDef(
        "account", "account", QT_TRANSLATE_NOOP("Entities", "Account"),
        QT_TRANSLATE_NOOP("Entities", "Accounts"), "a", custom_fields=True,
        name_kind=NameKind.COMPANY, counted=True,
        search=SearchDef(("name", "industry", "website", "email", "phone", *_ADDRESS,
                          "tags"), 2, "name", "city"),
        sync=SyncDef(("name", "email", "phone", "website", "street", "city", "postal_code"),
                     (DJANGO_CRM, TRYTON), required=True),
        segment_fields=(("name", _TEXT), ("industry", _TEXT), ("city", _TEXT),
                        ("region", _TEXT), ("country", _TEXT), *_SEGMENT_COMMON,
                        *_SEGMENT_DATES, ("contacts", _COUNT), ("recent_activities", _COUNT),
                        ("open_tickets", _COUNT), ("won_deals", _COUNT),
                        *_SEGMENT_LOYALTY),
        merge=MergeDef(("name", "industry", "website", "phone", "email", "street", "city",
                        "region", "postal_code", "country", "owner_id", "notes"))),
    EntityDef(
        "contact", "contact", QT_TRANSLATE_NOOP("Entities", "Contact"),
        QT_TRANSLATE_NOOP("Entities", "Contacts"), "c", CONTACT_FIELDS, custom_fields=True,
        name_column="display_name", name_kind=NameKind.PERSON, contact_points=True,
        counted=True, links=("account",),
        search=SearchDef(("display_name", "family_name", "given_name", "title", "department",
                          "city", "region", "country", "street", "tags", "emails", "phones"),
                         1, "display_name", "primary_email"),
        sync=SyncDef(("family_name", "given_name", "title", "account_id", "emails", "phones",
                      "street", "city", "postal_code"), (DJANGO_CRM, TRYTON)),
        segment_fields=(("display_name", _TEXT), ("title", _TEXT), ("department", _TEXT),
                        ("city", _TEXT), ("region", _TEXT), ("country", _TEXT),
                        ("primary_email", _TEXT), ("tags", _TAGS), ("owner_id", _REF),
                        ("account_id", _REF), *_SEGMENT_DATES, ("recent_activities", _COUNT),
                        *_SEGMENT_LOYALTY),
        # Emails, phones and tags of every record are kept.
        merge=MergeDef(("family_name", "given_name", "title", "department", "account_id",
                        "street", "city", "region", "postal_code", "country", "owner_id",
                        "notes"), ("emails", "phones", "tags"))),
    EntityDef(
        "lead", "lead", QT_TRANSLATE_NOOP("Entities", "Lead"),
        QT_TRANSLATE_NOOP("Entities", "Leads"), "l", custom_fields=True,
        name_column="display_name", name_kind=NameKind.PERSON, counted=True,
        links=("account", "contact"),
        search=SearchDef(("display_name", "family_name", "given_name", "company", "title",
                          "email", "phone", "city", "source"), 3, "display_name", "company"),
        sync=SyncDef(("given_name", "family_name", "company", "title", "email", "phone",
                      "street", "city", "region", "postal_code", "notes", "status"),
                     (DJANGO_CRM,))),
    # Before opportunities and quotes: quote lines refer to products.
    EntityDef(
        "product", "product", QT_TRANSLATE_NOOP("Entities", "Product"),
        QT_TRANSLATE_NOOP("Entities", "Products"), "p", custom_fields=True, counted=True,
        search=SearchDef(("code", "name", "description", "unit"), 6),
        sync=SyncDef(("code", "name", "default_price"), (TRYTON,), opt_in=True)),
    EntityDef(
        "opportunity", "opportunity", QT_TRANSLATE_NOOP("Entities", "Opportunity"),
        QT_TRANSLATE_NOOP("Entities", "Opportunities"), "o", custom_fields=True,
        name_kind=NameKind.COMPANY, counted=True, links=("account", "contact", "lead"),
        search=SearchDef(("name", "next_step"), 4, "name", "COALESCE(close_date, '')"),
        sync=SyncDef(("name", "account_id", "amount", "currency", "close_date",
                      "probability"), (DJANGO_CRM, TRYTON))),
    EntityDef(
        "activity", "activity", QT_TRANSLATE_NOOP("Entities", "Activity"),
        QT_TRANSLATE_NOOP("Entities", "Activities"), "t", name_column="subject",
        counted=True, links=("account", "contact", "lead", "opportunity"),
        search=SearchDef(("subject", "notes"), 5, "subject", "kind")),
    EntityDef(
        "ticket", "ticket", QT_TRANSLATE_NOOP("Entities", "Ticket"),
        QT_TRANSLATE_NOOP("Entities", "Tickets"), "k", custom_fields=True,
        name_column="subject", counted=True, links=("account", "contact"),
        search=SearchDef(("number", "subject", "description", "category", "product",
                          "contract_ref"), 9)),
    EntityDef(
        "quote", "quote", QT_TRANSLATE_NOOP("Entities", "Quote"),
        QT_TRANSLATE_NOOP("Entities", "Quotes"), "q", custom_fields=True,
        name_column="number", counted=True, links=("account", "contact", "opportunity"),
        search=SearchDef(("number",), 7),
        # A quote's lines travel with it as one list (merged as a whole).
        sync=SyncDef(("number", "account_id", "currency", "issue_date", "terms", "lines"),
                     (TRYTON,))),
    EntityDef(
        "contract", "contract", QT_TRANSLATE_NOOP("Entities", "Contract"),
        QT_TRANSLATE_NOOP("Entities", "Contracts"), "", name_column="number",
        links=("account", "contact", "opportunity"), search=SearchDef(("number",), 8)),
    EntityDef(
        "kb_article", "kb_article", QT_TRANSLATE_NOOP("Entities", "Knowledge article"),
        QT_TRANSLATE_NOOP("Entities", "Knowledge base"), "b", name_column="title",
        counted=True, search=SearchDef(("title", "body", "category", "tags"), 10)),
    EntityDef(
        "campaign", "campaign", QT_TRANSLATE_NOOP("Entities", "Campaign"),
        QT_TRANSLATE_NOOP("Entities", "Campaigns"), "m", counted=True,
        search=SearchDef(("name", "kind", "notes"), 11, "name", "status")),
)}
CUSTOMIZABLE = tuple(key for key, e in ENTITIES.items() if e.custom_fields)
# Entities with a full-text index, in the order their hits are shown.
SEARCHABLE = tuple(sorted((e for e in ENTITIES.values() if e.search is not None),
                          key=lambda e: e.search.rank if e.search else 0))
COUNTED = tuple(e.table for e in ENTITIES.values() if e.counted)
SYNCED = tuple(key for key, e in ENTITIES.items() if e.sync is not None)
SEGMENTABLE = tuple(key for key, e in ENTITIES.items() if e.segment_fields)


def synced_by(server: str) -> tuple[str, ...]:
    """What a server of this kind syncs, in dependency order."""
    return tuple(key for key, e in ENTITIES.items()
                 if e.sync is not None and server in e.sync.servers)


def linking(target: str) -> tuple[EntityDef, ...]:
    """The entities that point at records of *target* (they follow a merge of it)."""
    return tuple(e for e in ENTITIES.values() if target in e.links)


def with_custom(entity: EntityDef, custom: Iterable[FieldDef]) -> EntityDef:
    """The entity with the user's custom fields appended (archived ones included: lists and
    history still need their titles; ``live_fields`` leaves them out)."""
    extra = tuple(sorted((f for f in custom), key=lambda f: f.position))
    return replace(entity, fields=(*entity.fields, *extra))


# Age bands for segments and reports: [low, high) in whole years.
AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    (QT_TRANSLATE_NOOP("Fields", "Under 18"), 0, 18),
    ("18–24", 18, 25), ("25–34", 25, 35), ("35–44", 35, 45), ("45–54", 45, 55),
    ("55–64", 55, 65), (QT_TRANSLATE_NOOP("Fields", "65 and over"), 65, 200),
)


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def age_band(birth: date | None, today: date) -> str:
    if birth is None:
        return ""
    age = age_on(birth, today)
    for title, low, high in AGE_BANDS:
        if low <= age < high:
            return title
    return ""


def birth_dates_for_ages(low: int, high: int, today: date) -> tuple[date, date]:
    """Birth dates of ages in [low, high): born after the first and on or before the second
    (what a segment turns an age band into, so the birth_date index is used)."""
    latest = years_before(today, low)
    earliest = years_before(today, high)
    return earliest, latest


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class FieldIndex:
    """An index the store keeps for an indexed field (built-in or custom)."""

    name: str
    table: str
    expression: str


def index_for(entity: EntityDef, f: FieldDef) -> FieldIndex:
    expression = f.sort_sql(entity.table).replace(f"{entity.table}.", "")
    return FieldIndex(f"ix_{entity.table}_{'cf_' if f.custom else ''}{f.key}", entity.table,
                      expression)

