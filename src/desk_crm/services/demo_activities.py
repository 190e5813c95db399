"""Sample activities for the demo database: logged calls and meetings in the past, a few
overdue tasks, several due today, upcoming ones, weekly recurring tasks and some reminders
that are already due (so the first start shows the reminder bar)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.text import has_cjk
from desk_crm.services.bundle import Services
from desk_crm.services.demo_bulk import write_activities
from desk_crm.services.records import ContactRecord
from desk_crm.store.types import utc_now

SUBJECTS_CN = {
    "call": ("电话跟进：{name}", "致电{name}确认报价", "回电{name}"),
    "meeting": ("拜访{name}", "与{name}开会讨论方案", "产品演示：{name}"),
    "email": ("发送报价给{name}", "邮件：合同条款（{name}）"),
    "task": ("准备{name}的报价单", "整理{name}的需求", "更新{name}的联系信息"),
}
SUBJECTS_EN = {
    "call": ("Call {name}", "Follow-up call with {name}", "Call {name} about the quote"),
    "meeting": ("Meet {name}", "Demo for {name}", "Quarterly review with {name}"),
    "email": ("Email proposal to {name}", "Send contract draft to {name}"),
    "task": ("Prepare quote for {name}", "Update notes on {name}", "Check in with {name}"),
}
KIND_WEIGHTS = (("call", 4), ("email", 3), ("meeting", 2), ("task", 3))
WEEKLY = ("Weekly pipeline review", "每周客户回访计划", "Weekly forecast update")


class DemoActivities:
    def __init__(self, services: Services, rng: random.Random, reps: list[str],
                 now: datetime | None = None) -> None:
        self.services = services
        self.rng = rng
        self.reps = reps
        self.now = now or utc_now()
        local = self.now.astimezone()
        self.today_9 = local.replace(hour=9, minute=0, second=0, microsecond=0)
        self._missed = 0

    def build(self, contacts: list[ContactRecord], account_ids: list[str], count: int) -> int:
        if not contacts or count <= 0:
            return 0
        made = 0
        drafts = []
        for number in range(count):
            contact = self.rng.choice(contacts)
            drafts.append(self._one(number, count, contact))
            made += 1
        write_activities(self.services.context, drafts)
        for number, subject in enumerate(WEEKLY):
            self._weekly(subject, self.reps[number % len(self.reps)] if self.reps else None,
                         account_ids[number] if number < len(account_ids) else None)
            made += 1
        return made

    def _one(self, number: int, count: int,
             contact: ContactRecord) -> tuple[ActivityDraft, datetime]:
        rng = self.rng
        kind = rng.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
        chinese = has_cjk(contact.display_name)
        subject = rng.choice((SUBJECTS_CN if chinese else SUBJECTS_EN)[kind]).format(
            name=contact.display_name)
        share = number / count
        done = False
        remind = None
        if share < 0.62:  # history: done in the last 120 days
            due = self.today_9 - timedelta(days=rng.randint(1, 120),
                                           minutes=-30 * rng.randint(0, 18))
            done = True
        elif share < 0.628:  # overdue; the first three rang while the app was closed
            due = self.today_9 - timedelta(days=rng.randint(1, 6), minutes=-rng.randint(0, 480))
            if self._missed < 3:
                self._missed += 1
                remind = due - timedelta(minutes=15)
        elif share < 0.64:  # today, spread over the working day
            due = self.today_9 + timedelta(minutes=30 * rng.randint(0, 18))
            if rng.random() < 0.5 and due - timedelta(minutes=15) > self.now:
                remind = due - timedelta(minutes=15)  # later today, not all at once now
        else:  # coming weeks
            due = self.today_9 + timedelta(days=rng.randint(1, 45),
                                           minutes=30 * rng.randint(0, 18))
            if rng.random() < 0.3:
                remind = due - rng.choice((timedelta(minutes=15), timedelta(hours=1),
                                           timedelta(days=1)))
        if kind == "email":
            duration = 0
        elif kind == "meeting":
            duration = rng.choice((30, 60, 90))
        else:
            duration = rng.choice((0, 15, 30))
        draft = ActivityDraft(
            kind=kind, subject=subject, due_at=due, duration_minutes=duration,
            remind_at=remind, done=done, owner_id=contact.draft.owner_id,
            contact_id=contact.id, account_id=contact.draft.account_id,
            notes=("客户希望下周给出最终报价。" if chinese and rng.random() < 0.1 else ""))
        return draft, due + timedelta(minutes=duration)

    def _weekly(self, subject: str, owner_id: str | None, account_id: str | None) -> None:
        # Due this week's Monday 09:00 or next; reminder 15 minutes before.
        monday = self.today_9 - timedelta(days=self.today_9.weekday())
        due = monday if monday > self.now else monday + timedelta(days=7)
        self.services.activities.save(ActivityDraft(
            kind="task", subject=subject, due_at=due, remind_at=due - timedelta(minutes=15),
            recurrence="weekly", owner_id=owner_id, account_id=account_id))
