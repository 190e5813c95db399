"""A store of 400 accounts whose buying depends on a declared custom field ("Price
complaints", the planted signal); orders are won opportunities over five 180-day windows."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from desk_crm.domain.fields import FieldType
from desk_crm.services.bundle import Services
from desk_crm.services.custom_fields import NewField
from desk_crm.store.models import Account
from desk_crm.store.sales_models import Opportunity
from helpers.sales_rows import add_account, add_stages


def planted_history(services: Services, today: date, accounts: int = 400) -> dict[str, str]:
    stages = add_stages(services)
    field = services.fields.create(NewField("account", "Price complaints", FieldType.INTEGER,
                                           title_zh="价格投诉"))
    rng = np.random.default_rng(5)
    ids: dict[str, str] = {}
    with services.context.write() as session:
        for i in range(accounts):
            complaints = int(rng.integers(0, 5))
            account = Account(name=f"Customer {i:03}", name_sort=f"customer {i:03}",
                              custom={field.key: complaints})
            session.add(account)
            session.flush()
            ids[account.name] = account.id
            buys = 1 / (1 + np.exp(-(2.0 - 1.3 * complaints)))
            for window in range(5):
                if rng.random() < buys:
                    for _order in range(1 + int(rng.poisson(0.7))):
                        day = today - timedelta(days=180 * window + int(rng.integers(0, 180)))
                        session.add(Opportunity(
                            name=f"Deal {i}", name_sort=f"deal {i}", stage_id=stages["Won"],
                            amount_minor=int(rng.integers(100, 900)) * 100, currency="CNY",
                            close_date=day, account_id=account.id))
    ids["prospect"] = add_account(services, "No orders yet")
    return ids


