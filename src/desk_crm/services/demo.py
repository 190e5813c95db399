"""A realistic sample database for a first look (``desk-crm --demo``).

The sample has a change log and a history like data a user typed. The many plain records
(accounts, contacts, activities) are written set-based (demo_bulk: the same rows and
change-log rows the services write, a few statements per kind); the rest goes through the
ordinary services, batched into a few transactions (ServiceContext.batch).
Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from pypinyin import lazy_pinyin

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.errors import ValidationError
from desk_crm.domain.phones import normalize_phone
from desk_crm.domain.text import has_cjk
from desk_crm.services import demo_data as words
from desk_crm.services.bundle import Services
from desk_crm.services.demo_activities import DemoActivities
from desk_crm.services.demo_bulk import write_accounts, write_activities, write_contacts

if TYPE_CHECKING:  # imported late at run time (see _account_query)
    from desk_crm.store.repositories import ListQuery

NEXT_STEPS_CN = ("发送报价", "安排产品演示", "确认技术方案", "商务谈判", "拜访决策人")
NEXT_STEPS_EN = ("Send quote", "Product demo", "Confirm requirements", "Negotiate terms",
                 "Meet the decision maker")

ProgressCallback = Callable[[int, int, str], None]


def _pinyin(text: str) -> str:
    return "".join(lazy_pinyin(text)).lower()


def _valid_phone(candidate: str, region: str) -> str:
    try:
        return normalize_phone(candidate, region)
    except ValidationError:
        return ""


class DemoBuilder:
    def __init__(self, services: Services, seed: int = 20261123) -> None:
        self.services = services
        self.rng = random.Random(seed)
        self.seed = seed
        self.reps: list[str] = []
        self.contacts_by_account: dict[str, list[str]] = {}

    def is_needed(self) -> bool:
        return self.services.lists.count(_account_query()) == 0

    def build(self, accounts: int = 200, contacts: int = 1000,
              progress: ProgressCallback | None = None, leads: int | None = None,
              opportunities: int | None = None,
              activities: int | None = None, quotes: int | None = None,
              tickets: int | None = None, campaigns: bool | None = None,
              history: bool | None = None) -> tuple[int, int]:
        # Every write is an ordinary service call with its change log, but batched: a few
        # transactions of ~0.1 s instead of 13,800 commits with an fsync each.
        # Sample data: no fsync per commit (made again if a power cut loses it).
        with self.services.context.batch(durable=False):
            return self._build(accounts, contacts, progress, leads, opportunities,
                               activities, quotes, tickets, campaigns, history)

    def _build(self, accounts: int, contacts: int, progress: ProgressCallback | None,
               leads: int | None, opportunities: int | None, activities: int | None,
               quotes: int | None, tickets: int | None, campaigns: bool | None,
               history: bool | None) -> tuple[int, int]:
        # Two years of won/lost deals (insight): by default with the default sales demo.
        history = opportunities is None if history is None else history
        # Sales records scale with the accounts: 150 leads, 300 opportunities for 200.
        leads = accounts * 3 // 4 if leads is None else leads
        opportunities = accounts * 3 // 2 if opportunities is None else opportunities
        total = accounts + contacts + leads + opportunities
        self.reps = [self.services.users.ensure(name, email).id for name, email in words.REPS]
        if progress:
            progress(0, total, "accounts")
        # Set-based (demo_bulk): one mutation and a few statements per kind of record.
        drafts = [self._account(number) for number in range(accounts)]
        account_ids = write_accounts(self.services.context, [d[0] for d in drafts])
        account_refs = [(record_id, chinese, place)
                        for record_id, (_draft, chinese, place) in zip(account_ids, drafts,
                                                                       strict=True)]
        marketing = self._marketing_demo()
        if opportunities:
            marketing.loyalty()  # before the sales demo, so its won deals earn points
        if progress:
            progress(accounts, total, "contacts")
        contact_drafts = []
        for _number in range(contacts):
            # Most contacts belong to a company; a few are private persons.
            account = self.rng.choice(account_refs) if self.rng.random() < 0.93 else None
            contact_drafts.append(self._contact(account))
        contact_refs = write_contacts(self.services.context, contact_drafts)
        for contact in contact_refs:
            if contact.draft.account_id:
                self.contacts_by_account.setdefault(contact.draft.account_id, []).append(
                    contact.id)
        self._sales(account_refs, leads, opportunities, progress, accounts + contacts, total)
        # About 1.5 activities per contact: history, some overdue, today, coming up.
        DemoActivities(self.services, self.rng, self.reps).build(
            contact_refs, [ref[0] for ref in account_refs],
            round(contacts * 1.5) if activities is None else activities)
        if activities is None or activities > 0:
            self._next_steps()
        # The catalogue and quotes follow the sales demo: none without opportunities.
        self._quotes(0 if quotes is None and opportunities == 0 else quotes)
        # Service desk: ~300 tickets for 200 accounts (None: that share, 0: none).
        self._service_desk(account_refs, accounts * 3 // 2 if tickets is None else tickets)
        # Campaigns (members, leads and deals from them) need an audience: by default only
        # in a demo of some size (None), so small test demos keep their exact counts.
        if (accounts >= 50 if campaigns is None else campaigns) and contacts and opportunities:
            marketing.build()
        # Last, so everything above is what it was without it.
        if history and opportunities:
            self._order_history(account_refs)
        if campaigns is not False and accounts >= 50:
            self._segments()
        if progress:
            progress(total, total, "done")
        return accounts, contacts

    def _order_history(self, account_refs: list[tuple[str, bool, dict[str, str]]]) -> None:
        """Won and lost deals over the last two years (insight: RFM, churn, lifecycle)."""
        from desk_crm.services.demo_history import DemoHistory

        # Its own random stream: the rest of the demo stays what it was without it.
        DemoHistory(self.services, random.Random(self.seed + 1), self.reps).build(
            [(ref[0], ref[1]) for ref in account_refs])

    def _segments(self) -> None:
        """A few saved segments a manager would keep: by city, by loyalty tier, by activity."""
        from desk_crm.domain.segments import Condition, SegmentDraft

        tiers = [tier.name for tier in self.services.loyalty.programme().tiers]
        drafts = [
            SegmentDraft("上海联系人", "contact", "all", (Condition("city", "equals", "上海"),),
                         "Contacts in Shanghai, for the spring fair invitations"),
            SegmentDraft("Quiet accounts", "account", "all",
                         (Condition("recent_activities", "equals", "0"),
                          Condition("won_deals", "at_least", "1")),
                         "Customers nobody has talked to for 90 days"),
        ]
        if tiers:
            drafts.append(SegmentDraft(
                f"{tiers[-1]} members", "account", "all",
                (Condition("loyalty_tier", "is", tiers[-1]),),
                "The top loyalty tier, for the VIP evening"))
        for draft in drafts:
            self.services.segments.save(draft)

    def _quotes(self, quotes: int | None) -> None:
        """Products, price books, quotes (None: for a third of the opportunities, 0: no
        quotes and no catalogue) and contracts."""
        if quotes == 0:
            return
        from desk_crm.services.demo_quotes import QuotesDemo

        demo = QuotesDemo(self.services, self.rng, self.reps)
        demo.catalogue()
        demo.quotes(quotes)
    def _marketing_demo(self) -> Any:
        from desk_crm.services.demo_marketing import MarketingDemo

        return MarketingDemo(self.services, self.rng, self.reps)

    def _service_desk(self, account_refs: list[tuple[str, bool, dict[str, str]]],
                      tickets: int) -> None:
        if tickets <= 0:
            return
        from desk_crm.services.demo_service import DemoService

        DemoService(self.services, self.rng, self.reps).build(
            [(ref[0], ref[1]) for ref in account_refs], self.contacts_by_account, tickets)

    def _next_steps(self) -> None:
        """Most open opportunities have a planned next step; the rest show the board's
        "no next step" flag, as in a real pipeline."""
        from desk_crm.store.repositories import ListQuery

        query = ListQuery("opportunity", filters=(("stage_kind", "open"),))
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        drafts: list[tuple[ActivityDraft, datetime | None]] = []
        for row in self.services.lists.page(query, limit=5000):
            if self.rng.random() > 0.7:
                continue
            chinese = has_cjk(row.values["name"])
            kind = self.rng.choice(("call", "meeting", "task", "email"))
            subject = self.rng.choice(NEXT_STEPS_CN if chinese else NEXT_STEPS_EN)
            due = now + timedelta(days=self.rng.randint(0, 21), hours=self.rng.randint(1, 6))
            drafts.append((ActivityDraft(
                kind=kind, subject=f"{subject}：{row.values['name']}" if chinese
                else f"{subject}: {row.values['name']}", due_at=due,
                duration_minutes=30 if kind in ("call", "meeting") else 0,
                owner_id=self.rng.choice(self.reps), opportunity_id=row.id), None))
        write_activities(self.services.context, drafts)

    def _sales(self, account_refs: list[tuple[str, bool, dict[str, str]]], leads: int,
               opportunities: int, progress: ProgressCallback | None, done: int,
               total: int) -> None:
        from desk_crm.services.demo_sales import SalesDemo

        sales = SalesDemo(self.services, self.rng, self.reps)
        if progress:
            progress(done, total, "leads")
        sales.leads(leads)
        if progress:
            progress(done + leads, total, "opportunities")
        if account_refs:
            sales.opportunities(opportunities, [(ref[0], ref[1]) for ref in account_refs],
                                self.contacts_by_account)

    # -- accounts -------------------------------------------------------------------------

    def _account(self, number: int) -> tuple[AccountDraft, bool, dict[str, str]]:
        rng = self.rng
        chinese = rng.random() < 0.6
        if chinese:
            city, province, postcode, area = rng.choice(words.CN_CITIES)
            head = rng.choice(words.CN_COMPANY_HEADS)
            trade, industry = rng.choice(words.CN_COMPANY_TRADES)
            name = f"{city}{head}{trade}有限公司"
            domain = f"{words.CN_HEAD_PINYIN[head]}{_pinyin(trade)}{number}.com.cn"
            # Local numbers have 8 digits in most cities, 7 in a few (厦门 0592): try both.
            local = rng.randint(5000_0000, 8999_9999)
            phone = (_valid_phone(f"{area}{local}", "CN")
                     or _valid_phone(f"{area}{local // 10}", "CN"))
            street = f"{rng.choice(words.CN_STREETS)}{rng.randint(1, 999)}号"
            place = {"city": city, "region": province, "postal_code": postcode,
                     "country": "中国", "street": street, "domain": domain}
        else:
            city, state, postcode, country, prefix, street_name = rng.choice(
                words.WESTERN_CITIES)
            head = rng.choice(words.WESTERN_COMPANY_HEADS)
            tail, industry = rng.choice(words.WESTERN_COMPANY_TAILS)
            name = f"{head} {tail} {rng.choice(words.LEGAL_FORMS)}"
            domain = f"{head.lower().replace(' ', '')}-{tail.lower()}{number}.com"
            phone = self._western_phone(prefix, country)
            street = f"{rng.randint(1, 400)} {street_name}"
            place = {"city": city, "region": state, "postal_code": postcode,
                     "country": country, "street": street, "domain": domain}
        tags = tuple(rng.sample(words.TAGS, rng.choice((0, 0, 1, 2))))
        draft = AccountDraft(
            name=name, industry=industry, website=f"https://www.{domain}", phone=phone,
            email=f"info@{domain}", street=place["street"], city=place["city"],
            region=place["region"], postal_code=place["postal_code"],
            country=place["country"], tags=tags, owner_id=rng.choice(self.reps),
            notes=("重点客户，每季度回访一次。" if chinese and rng.random() < 0.2 else ""),
        )
        return draft, chinese, place

    def _western_phone(self, prefix: str, country: str) -> str:
        for _attempt in range(20):
            candidate = f"{prefix} {self.rng.randint(200, 899)} {self.rng.randint(1000, 9999)}"
            phone = _valid_phone(candidate, country)
            if phone:
                return phone
        return ""

    # -- contacts -------------------------------------------------------------------------

    def _contact(self, account: tuple[str, bool, dict[str, str]] | None) -> ContactDraft:
        rng = self.rng
        chinese = account[1] if account and rng.random() < 0.85 else rng.random() < 0.6
        if chinese:
            family = rng.choice(words.CN_SURNAMES)
            given = rng.choice(words.CN_GIVEN)
            local = f"{_pinyin(given)}.{_pinyin(family)}"
            title = rng.choice(words.CN_TITLES)
            department = rng.choice(words.DEPARTMENTS_CN)
        else:
            family = (rng.choice(words.WESTERN_PARTICLE_FAMILY) if rng.random() < 0.04
                      else rng.choice(words.WESTERN_FAMILY))
            given = rng.choice(words.WESTERN_GIVEN)
            local = f"{_ascii(given)}.{_ascii(family)}"
            title = rng.choice(words.WESTERN_TITLES)
            department = rng.choice(words.DEPARTMENTS_EN)
        local = f"{local}{rng.randint(1, 99)}" if rng.random() < 0.3 else local
        if account:
            domain = account[2]["domain"]
            place = account[2]
        else:
            domain = rng.choice(("qq.com", "163.com", "gmail.com", "outlook.com"))
            place = {"city": "", "region": "", "postal_code": "", "country": "",
                     "street": ""}
        emails = [ContactPoint(f"{local}@{domain}", "work", True)]
        if rng.random() < 0.25:
            emails.append(ContactPoint(f"{local}{rng.randint(1, 999)}@"
                                       f"{rng.choice(('qq.com', '163.com', 'gmail.com'))}",
                                       "home", False))
        phones = [ContactPoint(self._mobile(chinese), "mobile", True)]
        if rng.random() < 0.3:
            phones.append(ContactPoint(self._mobile(chinese), "work", False))
        draft = ContactDraft(
            family_name=family, given_name=given, title=title, department=department,
            account_id=account[0] if account else None, emails=tuple(emails),
            phones=tuple(p for p in phones if p.value), street=place["street"],
            city=place["city"], region=place["region"], postal_code=place["postal_code"],
            country=place["country"],
            tags=tuple(rng.sample(words.TAGS, rng.choice((0, 0, 0, 1, 2)))),
            owner_id=rng.choice(self.reps),
            notes=("喜欢在上午沟通。" if chinese and rng.random() < 0.1 else ""),
        )
        return draft

    def _mobile(self, chinese: bool) -> str:
        rng = self.rng
        for _attempt in range(20):
            if chinese:
                prefix = f"1{rng.choice('3589')}{rng.randint(0, 9)}"
                candidate = f"{prefix}{rng.randint(0, 99999999):08d}"
                region = "CN"
            else:
                candidate = f"+1 {rng.choice(('415', '212', '646', '617'))} " \
                            f"{rng.randint(200, 899)} {rng.randint(1000, 9999)}"
                region = "US"
            phone = _valid_phone(candidate, region)
            if phone:
                return phone
        return ""


_ASCII_SPELLING = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "Ae",
                                  "œ": "oe", "đ": "d", "ł": "l", "Ł": "L"})


def _ascii(text: str) -> str:
    import unicodedata

    # Letters NFKD does not take apart (ø, ß, æ …) get their usual ASCII spelling.
    text = text.translate(_ASCII_SPELLING)
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if c.isascii() and c.isalnum()).lower()


def _account_query() -> ListQuery:
    from desk_crm.store.repositories import ListQuery

    return ListQuery("account")
