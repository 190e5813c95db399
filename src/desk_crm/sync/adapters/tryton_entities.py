"""How each local entity lives on Tryton 8.2: one declaration per entity, which the adapter
(tryton.py) reads instead of asking which entity it has."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desk_crm.sync.adapters.tryton_mapping import ADDRESS, OPPORTUNITY_FIELDS, PARTY_FIELDS
from desk_crm.sync.adapters.tryton_products import FIELDS as PRODUCT_LOCAL_FIELDS
from desk_crm.sync.adapters.tryton_products import PRODUCT_FIELDS
from desk_crm.sync.adapters.tryton_sales import QUOTE_FIELDS

# Which Tryton records and calls an entity uses.
PARTY, OPPORTUNITY, QUOTE, PRODUCT = "party", "opportunity", "quote", "product"


@dataclass(frozen=True)
class TrytonEntity:
    kind: str  # PARTY, OPPORTUNITY, QUOTE or PRODUCT
    model: str
    read: list[str]  # the Tryton fields read per record
    fields: tuple[str, ...]  # the local fields a round trip keeps
    # A document with a state: deleting cancels it, its idempotency key is its
    # ``reference``. Else a party or product: deleting archives it.
    stateful: bool = False
    company: bool = False  # a party in the account category: one name, single mechanisms
    natural_key: str = ""  # a local list field whose first value finds the record again
    own_only: bool = False  # only the records Desk CRM made (their reference is its key)
    batched: bool = True  # first pushes go out as one create call (create_many)
    references: Mapping[str, str] = field(default_factory=dict)

    @property
    def scope_field(self) -> str:
        """Where the optional scope category is looked for."""
        return "party.categories" if self.stateful else "categories"


_ACCOUNT_REF = {"account_id": "account"}
REMOTE: dict[str, TrytonEntity] = {
    "account": TrytonEntity(PARTY, "party.party", PARTY_FIELDS,
                            ("name", "email", "phone", "website", *ADDRESS), company=True),
    "contact": TrytonEntity(PARTY, "party.party", PARTY_FIELDS,
                            ("family_name", "given_name", "emails", "phones", *ADDRESS),
                            natural_key="emails"),
    "product": TrytonEntity(PRODUCT, "product.template", PRODUCT_FIELDS,
                            PRODUCT_LOCAL_FIELDS),
    "opportunity": TrytonEntity(OPPORTUNITY, "sale.opportunity", OPPORTUNITY_FIELDS,
                                ("name", "account_id", "amount", "currency", "close_date",
                                 "probability"), stateful=True, references=_ACCOUNT_REF),
    # Lines and a workflow per quotation: created one at a time.
    "quote": TrytonEntity(QUOTE, "sale.sale", QUOTE_FIELDS,
                          ("number", "account_id", "currency", "issue_date", "terms", "lines"),
                          stateful=True, own_only=True, batched=False,
                          references=_ACCOUNT_REF),
}
