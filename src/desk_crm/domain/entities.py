"""One declaration per entity: its table, titles, and the fields the generic machinery
(generated editor section, list columns, import, export, bulk edit, segments, search, merge,
history) reads. Custom fields defined by the user join these at run time
(:func:`with_custom`).

A new built-in field is one :class:`FieldDef` here + its column in ``store/models.py`` + a
migration: three files (docs/ARCHITECTURE.md, "Add a field").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.domain.fields import Choice, FieldDef, FieldType


@dataclass(frozen=True)
class EntityDef:
    key: str  # change log / sync / history name ("contact")
    table: str
    title: str  # singular, QT_TRANSLATE_NOOP("Entities", …)
    plural: str
    list_alias: str  # the alias its list SQL gives the table ("c")
    fields: tuple[FieldDef, ...] = ()  # built-in fields the generic machinery handles
    custom_fields: bool = False  # users may add fields (a ``custom`` JSON column)
    synced: bool = False

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

# Demographic fields (issue 17 item 5): real columns, declared here only.
CONTACT_FIELDS = (
    FieldDef("street2", FieldType.TEXT, QT_TRANSLATE_NOOP("Fields", "Address line 2"), "地址2",
             position=1,
             aliases=("address 2", "address2", "address line 2", "street 2", "street2",
                      "suite", "apartment", "地址2", "地址 2", "详细地址2", "地址二")),
    FieldDef("birth_date", FieldType.DATE, QT_TRANSLATE_NOOP("Fields", "Birth date"), "出生日期",
             position=2,
             indexed=True,
             aliases=("birth date", "birthdate", "birthday", "date of birth", "dob",
                      "出生日期", "生日", "出生年月日")),
    FieldDef("gender", FieldType.PICKLIST, QT_TRANSLATE_NOOP("Fields", "Gender"), "性别",
             position=3,
             choices=GENDERS, indexed=True, aliases=("gender", "sex", "性别")),
    FieldDef("income_band", FieldType.PICKLIST,
             QT_TRANSLATE_NOOP("Fields", "Income band"), "收入水平", position=4,
             choices=INCOME_BANDS, aliases=("income", "income band", "annual income",
                                            "收入", "年收入", "收入水平")),
)

ENTITIES: dict[str, EntityDef] = {e.key: e for e in (
    EntityDef("account", "account", QT_TRANSLATE_NOOP("Entities", "Account"),
              QT_TRANSLATE_NOOP("Entities", "Accounts"), "a", custom_fields=True, synced=True),
    EntityDef("contact", "contact", QT_TRANSLATE_NOOP("Entities", "Contact"),
              QT_TRANSLATE_NOOP("Entities", "Contacts"), "c", CONTACT_FIELDS,
              custom_fields=True, synced=True),
    EntityDef("lead", "lead", QT_TRANSLATE_NOOP("Entities", "Lead"),
              QT_TRANSLATE_NOOP("Entities", "Leads"), "l", custom_fields=True),
    EntityDef("opportunity", "opportunity", QT_TRANSLATE_NOOP("Entities", "Opportunity"),
              QT_TRANSLATE_NOOP("Entities", "Opportunities"), "o", custom_fields=True,
              synced=True),
    EntityDef("ticket", "ticket", QT_TRANSLATE_NOOP("Entities", "Ticket"),
              QT_TRANSLATE_NOOP("Entities", "Tickets"), "k", custom_fields=True),
    EntityDef("product", "product", QT_TRANSLATE_NOOP("Entities", "Product"),
              QT_TRANSLATE_NOOP("Entities", "Products"), "p", custom_fields=True),
    EntityDef("quote", "quote", QT_TRANSLATE_NOOP("Entities", "Quote"),
              QT_TRANSLATE_NOOP("Entities", "Quotes"), "q", custom_fields=True),
)}
CUSTOMIZABLE = tuple(key for key, e in ENTITIES.items() if e.custom_fields)


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
    latest = _years_before(today, low)
    earliest = _years_before(today, high)
    return earliest, latest


def _years_before(day: date, years: int) -> date:
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

