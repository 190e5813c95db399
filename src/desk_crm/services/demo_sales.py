"""Sample leads and opportunities for the demo database (called by ``DemoBuilder.build``).

Written through the services like the rest of the demo; afterwards each opportunity's stage
history is moved back in time (the services stamp "now") so the time-in-stage figures and
close dates look like a pipeline that has been worked for months.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from pypinyin import lazy_pinyin
from sqlalchemy import select

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.leads import LeadDraft
from desk_crm.domain.opportunities import OpportunityDraft
from desk_crm.domain.phones import normalize_phone
from desk_crm.services import demo_data as words
from desk_crm.services.bundle import Services
from desk_crm.services.sales_records import StageRecord
from desk_crm.store.sales_models import Opportunity, StageChange

CN_DEALS = ("ERP 升级项目", "年度采购框架协议", "仓储系统改造", "CRM 实施", "设备维保合同",
            "生产线自动化", "数据中心扩容", "培训服务", "质量检测系统", "物流外包")
EN_DEALS = ("ERP upgrade", "Annual supply agreement", "Warehouse automation",
            "Support renewal", "Pilot project", "Analytics platform", "Fleet tracking",
            "Security audit")
LOST_REASONS = ("价格太高", "选择了竞争对手", "预算取消", "Went with a competitor",
                "No budget this year", "Project postponed")
WON_REASONS = ("价格和服务都有优势", "老客户推荐", "Best support offer", "Fastest delivery",
               "Existing relationship")
SOURCES = ("website", "referral", "event", "partner", "cold_call", "advertisement", "social",
           "other")
SIZES = (None, 5, 12, 30, 80, 150, 260, 600, 1500, 5000)


def _phone(raw: str, region: str) -> str:
    try:
        return normalize_phone(raw, region)
    except ValidationError:
        return ""


class SalesDemo:
    def __init__(self, services: Services, rng: random.Random, reps: list[str]) -> None:
        self.services = services
        self.rng = rng
        self.reps = reps
        self.today = date.today()

    # -- leads ----------------------------------------------------------------------------

    def leads(self, count: int) -> list[str]:
        self.services.pipeline.ensure_defaults()
        made: list[tuple[str, str]] = []
        for number in range(count):
            made.append(self._lead(number))
        # A few are converted, some with an opportunity, to show the read-only lead; those
        # with a phone, so every demo contact has one.
        with_phone = [lead_id for lead_id, phone in made if phone]
        for lead_id in with_phone[: max(1, count // 15) if count else 0]:
            self.services.leads.convert(
                lead_id, create_opportunity=self.rng.random() < 0.5,
                opportunity_name=self.rng.choice(CN_DEALS),
                amount=Decimal(self.rng.randint(50, 900) * 1000), currency="CNY",
                close_date=self.today + timedelta(days=self.rng.randint(20, 150)))
        return [lead_id for lead_id, _phone in made]

    def _lead(self, number: int) -> tuple[str, str]:
        rng = self.rng
        chinese = rng.random() < 0.6
        if chinese:
            family, given = rng.choice(words.CN_SURNAMES), rng.choice(words.CN_GIVEN)
            city = rng.choice(words.CN_CITIES)[0]
            company = (f"{city}{rng.choice(words.CN_COMPANY_HEADS)}"
                       f"{rng.choice(words.CN_COMPANY_TRADES)[0]}有限公司")
            title = rng.choice(words.CN_TITLES)
            email = f"{''.join(lazy_pinyin(given))}.{''.join(lazy_pinyin(family))}{number}" \
                    f"@{rng.choice(('qq.com', '163.com', 'sina.com'))}"
            phone = _phone(f"1{rng.choice('3589')}{rng.randint(0, 9)}"
                           f"{rng.randint(0, 99999999):08d}", "CN")
            country = "中国"
        else:
            family, given = rng.choice(words.WESTERN_FAMILY), rng.choice(words.WESTERN_GIVEN)
            city = rng.choice(words.WESTERN_CITIES)[0]
            company = (f"{rng.choice(words.WESTERN_COMPANY_HEADS)} "
                       f"{rng.choice(words.WESTERN_COMPANY_TAILS)[0]} "
                       f"{rng.choice(words.LEGAL_FORMS)}")
            title = rng.choice(words.WESTERN_TITLES)
            email = f"{given.lower()}.{family.lower()}{number}@example.com"
            phone = _phone(f"+1 415 {rng.randint(200, 899)} {rng.randint(1000, 9999)}", "US")
            country = ""
        draft = LeadDraft(
            family_name=family, given_name=given,
            company=company if rng.random() < 0.85 else "",
            title=title if rng.random() < 0.7 else "",
            email=email if rng.random() < 0.8 else "",
            phone=phone if rng.random() < 0.6 else "",
            source=rng.choice(SOURCES), status=rng.choice(
                ("new", "new", "new", "contacted", "contacted", "qualified", "unqualified")),
            company_size=rng.choice(SIZES), city=city, country=country,
            owner_id=rng.choice(self.reps),
            notes="展会上交换了名片。" if chinese and rng.random() < 0.15 else "")
        record = self.services.leads.save(draft)
        return record.id, record.draft.phone

    # -- opportunities --------------------------------------------------------------------

    def opportunities(self, count: int, accounts: list[tuple[str, bool]],
                      contacts: dict[str, list[str]]) -> int:
        self.services.pipeline.ensure_defaults()
        stages = self.services.pipeline.stages()
        open_stages = [s for s in stages if s.kind == "open"]
        won = next(s for s in stages if s.kind == "won")
        lost = next(s for s in stages if s.kind == "lost")
        for _number in range(count):
            account_id, chinese = self.rng.choice(accounts)
            self._opportunity(account_id, chinese, contacts.get(account_id, []),
                              open_stages, won, lost)
        return count

    def _opportunity(self, account_id: str, chinese: bool, contacts: list[str],
                     open_stages: list[StageRecord], won: StageRecord,
                     lost: StageRecord) -> None:
        rng = self.rng
        outcome = rng.random()
        if outcome < 0.2:
            path = [*open_stages[: rng.randint(3, len(open_stages))], won]
        elif outcome < 0.35:
            path = [*open_stages[: rng.randint(1, len(open_stages))], lost]
        else:
            path = open_stages[: rng.randint(1, len(open_stages))]
        closed = path[-1].kind != "open"
        usd = not chinese and rng.random() < 0.7
        currency = "USD" if usd else "CNY"
        amount = Decimal(rng.randint(20, 2000) * (100 if usd else 1000))
        close = self.today + timedelta(days=rng.randint(-180, -5) if closed
                                       else rng.randint(-20, 180))
        draft = OpportunityDraft(
            name=rng.choice(CN_DEALS if chinese else EN_DEALS), account_id=account_id,
            contact_id=rng.choice(contacts) if contacts else None, amount=amount,
            currency=currency, close_date=close, stage_id=path[0].id,
            owner_id=rng.choice(self.reps),
            probability=Decimal(rng.choice((35, 55, 70))) if rng.random() < 0.1 else None,
            next_step=rng.choice(("", "发送报价", "安排演示", "Send proposal",
                                  "Call the CFO")))
        record = self.services.opportunities.save(draft)
        for stage in path[1:]:
            reason = ""
            if stage.kind == "won":
                reason = rng.choice(WON_REASONS)
            elif stage.kind == "lost":
                reason = rng.choice(LOST_REASONS)
            self.services.opportunities.move_stage(record.id, stage.id, reason=reason)
        self._backdate(record.id, close if closed else None)

    def _backdate(self, opportunity_id: str, closed_on: date | None) -> None:
        """Spread the stage history over the weeks before the close (or before today)."""
        rng = self.rng
        end = (datetime(closed_on.year, closed_on.month, closed_on.day, 9, tzinfo=UTC)
               if closed_on else datetime.now(UTC))
        with self.services.context.write() as session:
            changes = session.scalars(select(StageChange)
                                      .where(StageChange.opportunity_id == opportunity_id)
                                      .order_by(StageChange.entered_at, StageChange.pk)).all()
            current = changes[-1]
            current.entered_at = end if closed_on else end - timedelta(
                days=rng.randint(1, 30), hours=rng.randint(0, 23))
            moment = current.entered_at
            for change in reversed(changes[:-1]):
                change.left_at = moment
                moment -= timedelta(days=rng.randint(3, 40), hours=rng.randint(0, 23))
                change.entered_at = moment
            opportunity = session.scalars(select(Opportunity).where(
                Opportunity.id == opportunity_id)).one()
            if closed_on is not None:
                opportunity.closed_at = end
            session.flush()
