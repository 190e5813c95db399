"""Sample marketing data for the demo database: a loyalty programme (so won demo deals earn
points), e-mail templates in Chinese and English, and campaigns of every type with members,
responses, leads and opportunities from them — enough for the results chart to say something.
Everything goes through the services."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from desk_crm.domain.campaigns import CampaignDraft
from desk_crm.domain.leads import LeadDraft
from desk_crm.domain.loyalty import EarningRule, ProgrammeDraft, Tier
from desk_crm.services.bundle import Services
from desk_crm.services.mail_outbox import MailParts
from desk_crm.store.repositories import ListQuery

TEMPLATES = (
    ("春季展会邀请", MailParts(
        "{contact.family_name}{contact.given_name}，诚邀您参加{campaign.name}",
        "<p>尊敬的{contact.family_name}{contact.given_name}：</p>"
        "<p>我们诚挚邀请<b>{account.name}</b>参加<b>{campaign.name}</b>，"
        "现场将展示最新产品并提供专属优惠。</p><p>期待与您见面！<br>{sender.name}</p>",
        "尊敬的{contact.family_name}{contact.given_name}：\n\n我们诚挚邀请{account.name}"
        "参加{campaign.name}，现场将展示最新产品并提供专属优惠。\n\n期待与您见面！\n"
        "{sender.name}")),
    ("Webinar invitation", MailParts(
        "{contact.given_name}, join our webinar: {campaign.name}",
        "<p>Dear {contact.given_name},</p><p>we would like to invite you and your colleagues "
        "at <b>{account.name}</b> to <i>{campaign.name}</i>. Forty minutes, live questions "
        "welcome.</p><p>Best regards,<br>{sender.name}</p>",
        "Dear {contact.given_name},\n\nwe would like to invite you and your colleagues at "
        "{account.name} to {campaign.name}. Forty minutes, live questions welcome.\n\n"
        "Best regards,\n{sender.name}")),
)

# name, type, status, start (days from today), length in days, budget, cost, expected,
# members, response share, leads, opportunities (share of them won)
CAMPAIGNS = (
    ("2026 春季展会", "event", "completed", -200, 3, 120_000, 98_500, 600_000, 160, 0.35, 14,
     (6, 0.5)),
    ("Webinar: CRM best practice", "webinar", "completed", -90, 1, 8_000, 6_200, 150_000,
     90, 0.45, 9, (4, 0.5)),
    ("双十一促销", "promotion", "active", -20, 25, 50_000, 31_000, 300_000, 120, 0.2, 6,
     (3, 0.34)),
    ("Newsletter December", "email", "planned", 10, 1, 2_000, 0, 40_000, 60, 0.0, 0, (0, 0)),
)
FAMILY = ("陈", "林", "黄", "周", "吴", "Miller", "Garcia", "Schmidt", "Tanaka", "Novak")
GIVEN = ("静", "磊", "芳", "强", "敏", "Emma", "Lucas", "Sofia", "Noah", "Mia")


class MarketingDemo:
    def __init__(self, services: Services, rng: random.Random, reps: list[str]) -> None:
        self.services = services
        self.rng = rng
        self.reps = reps

    def loyalty(self) -> None:
        self.services.loyalty.save_programme(ProgrammeDraft(
            "会员积分 Club", EarningRule("CNY", Decimal("0.01")),
            (Tier("Member", 0), Tier("Silver", 2_000), Tier("Gold", 10_000))))

    def build(self) -> None:
        for name, parts in TEMPLATES:
            self.services.mail.save_template(name, parts)
        contacts = [row.id for row in self.services.lists.page(ListQuery("contact"),
                                                               limit=2000)]
        opportunities = [row.id for row in self.services.lists.page(
            ListQuery("opportunity", filters=(("stage_kind", "open"),)), limit=2000)]
        self.rng.shuffle(opportunities)
        stages = {stage.kind: stage.id for stage in self.services.pipeline.stages()
                  if stage.kind in ("won", "lost")}
        for spec in CAMPAIGNS:
            self._campaign(spec, contacts, opportunities, stages)

    def _campaign(self, spec: tuple[Any, ...], contacts: list[str], opportunities: list[str],
                  stages: dict[str, str]) -> None:
        (name, kind, status, start, days, budget, cost, expected, members, responded,
         leads, (deals, won_share)) = spec
        begin = date.today() + timedelta(days=start)
        campaign = self.services.campaigns.save(CampaignDraft(
            name=name, kind=kind, status=status, start_date=begin,
            end_date=begin + timedelta(days=days), budget=Decimal(budget),
            actual_cost=Decimal(cost), expected_revenue=Decimal(expected),
            owner_id=self.rng.choice(self.reps) if self.reps else None,
            notes="Demo campaign")).id
        chosen = self.rng.sample(contacts, min(members, len(contacts)))
        self.services.campaigns.add_members(campaign, contact_ids=chosen)
        member_rows = self.services.campaigns.members(campaign)
        if status != "planned":
            self.services.campaigns.set_member_status([m.id for m in member_rows], "sent")
        answered = [m.id for m in member_rows if self.rng.random() < responded]
        follow_up = "attended" if kind in ("event", "webinar") else "responded"
        self.services.campaigns.set_member_status(answered, follow_up)
        for number in range(leads):
            self.services.leads.save(LeadDraft(
                family_name=self.rng.choice(FAMILY), given_name=self.rng.choice(GIVEN),
                company=f"{name} lead {number + 1}", source="event"
                if kind == "event" else "website", campaign_id=campaign,
                owner_id=self.rng.choice(self.reps) if self.reps else None))
        for index in range(min(deals, len(opportunities))):
            deal_id = opportunities.pop()
            record = self.services.opportunities.get(deal_id)
            draft = replace(record.draft, campaign_id=campaign)
            if index < round(deals * won_share) and "won" in stages:
                draft = replace(draft, stage_id=stages["won"], outcome_reason="Campaign offer",
                                probability=None)
            self.services.opportunities.save(draft, deal_id, record.version)
