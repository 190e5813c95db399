"""Sample service-desk data for the demo database: the default SLA policy (Mon–Fri
09:00–18:00 Asia/Shanghai with the 2026 public holidays), ~20 knowledge-base articles in
Chinese and English, and tickets over the demo accounts/contacts in every status, with
conversations, feedback and some breached targets. Everything goes through the services,
with times in the past passed as ``now`` so the SLA history is real."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from desk_crm.domain.knowledge import ArticleDraft
from desk_crm.domain.sla import BusinessCalendar, add_business_seconds
from desk_crm.domain.tickets import SlaPolicyDraft, TicketDraft
from desk_crm.services.bundle import Services
from desk_crm.store.types import utc_now

HOLIDAYS_2026 = (date(2026, 1, 1), *(date(2026, 2, day) for day in range(16, 21)),
                 date(2026, 4, 6), date(2026, 5, 1), date(2026, 6, 19),
                 *(date(2026, 10, day) for day in range(1, 8)))
CATEGORIES = (("安装", "Installation"), ("账单", "Billing"), ("网络", "Network"),
              ("硬件", "Hardware"), ("软件", "Software"), ("账号", "Account access"))
PRODUCTS = ("Desk CRM Pro", "智能路由器 X2", "POS 终端 T5", "Cloud Backup", "打印机 P300", "")
SUBJECTS_CN = ("打印机卡纸无法打印", "路由器频繁断线", "发票抬头需要修改", "无法登录系统",
               "软件升级后报错", "新设备安装预约", "备份任务失败", "账号被锁定",
               "POS 终端无法联网", "申请退款", "数据导出乱码", "客户门户打不开")
SUBJECTS_EN = ("Printer jams on every job", "Router drops the connection",
               "Invoice address is wrong", "Cannot log in", "Error after the update",
               "Book an installation visit",
               "Backup job failed", "Account locked", "POS terminal offline", "Refund request",
               "Export shows garbled characters", "Customer portal does not load")
REPLIES_CN = ("您好，我们已收到您的问题，正在处理。", "请提供一下错误截图，谢谢。",
              "工程师将于明天上午上门。", "问题已解决，请您确认。")
REPLIES_EN = ("Thanks, we are looking into it.", "Could you send us a screenshot of the error?",
              "An engineer will visit tomorrow morning.", "This should be fixed now, please check.")
NOTES = ("Checked the logs: timeout on the gateway.", "已联系供应商确认备件。",
         "Known issue, see KB.", "客户很着急，优先处理。")
CUSTOMER = ("Still not working.", "截图已发送。", "Thanks, that helped!", "好的，谢谢！")
ARTICLES = (
    ("打印机卡纸怎么办", "硬件", ("打印机",),
     "# 打印机卡纸\n\n1. 关闭电源\n2. 打开后盖，**轻轻**取出纸张\n3. 重新开机并打印测试页\n"),
    ("How to reset a forgotten password", "Account access", ("password", "login"),
     "# Reset a password\n\n* Open **Settings → Security**\n* Click *Reset password*\n"
     "* Follow the link in the email within 30 minutes\n"),
    ("路由器频繁断线排查", "网络", ("路由器", "网络"),
     "## 步骤\n\n- 检查网线是否松动\n- 升级固件到最新版本\n- 更换信道\n"),
    ("Router keeps disconnecting", "Network", ("router", "wifi"),
     "## Checklist\n\n1. Check the cables\n2. Update the firmware\n3. Change the Wi-Fi channel\n"),
    ("发票信息修改流程", "账单", ("发票",),
     "发票开具后 **30 天内** 可申请修改抬头。请提供：\n\n- 公司全称\n- 税号\n"),
    ("Changing the invoice address", "Billing", ("invoice",),
     "Invoices can be corrected within **30 days**. Send the full company name and tax id.\n"),
    ("账号被锁定如何解锁", "账号", ("账号", "密码"),
     "连续输错密码 5 次后账号会被锁定 15 分钟。管理员也可以在后台手动解锁。\n"),
    ("Unlocking a locked account", "Account access", ("account",),
     "After five wrong passwords an account is locked for 15 minutes; an admin can unlock it.\n"),
    ("软件升级后报错的处理", "软件", ("升级",),
     "1. 清除缓存\n2. 重新安装最新版本\n3. 若仍报错，请导出日志发给我们\n"),
    ("Errors after an update", "Software", ("update",),
     "Clear the cache, reinstall the latest version, and send us the log if it persists.\n"),
    ("备份任务失败", "软件", ("备份",),
     "检查磁盘空间是否充足，并确认备份账号的权限。\n"),
    ("Backup job failed", "Software", ("backup",),
     "Check the free disk space and the permissions of the backup account.\n"),
    ("POS 终端联网设置", "网络", ("POS",), "在 **设置 → 网络** 中选择 Wi-Fi 并输入密码。\n"),
    ("Connecting a POS terminal", "Network", ("POS",),
     "Open **Settings → Network**, pick the Wi-Fi and enter its password.\n"),
    ("上门安装预约说明", "安装", ("安装",),
     "安装需提前 **2 个工作日** 预约，周末不提供上门服务。\n"),
    ("Booking an installation visit", "Installation", ("installation",),
     "Book at least **two working days** ahead; no visits at weekends.\n"),
    ("退款政策", "账单", ("退款",), "购买 7 天内可无理由退款，退款 3–5 个工作日到账。\n"),
    ("Refund policy", "Billing", ("refund",),
     "Refunds within 7 days of purchase; the money arrives in 3–5 working days.\n"),
    ("数据导出乱码", "软件", ("导出", "编码"), "导出 CSV 时请选择 **UTF-8 (BOM)** 编码。\n"),
    ("Garbled characters in exports", "Software", ("export",),
     "Choose **UTF-8 with BOM** when exporting CSV files for Excel.\n"),
)
SUBJECT_CATEGORY = (3, 2, 1, 5, 4, 0, 4, 5, 2, 1, 4, 4)  # index into CATEGORIES
STATUS_WEIGHTS = (("new", 8), ("open", 22), ("waiting", 10), ("resolved", 25), ("closed", 35))
PRIORITY_WEIGHTS = (("low", 20), ("normal", 50), ("high", 22), ("urgent", 8))
CSAT_WEIGHTS = ((5, 40), (4, 30), (3, 15), (2, 10), (1, 5))


def _pick(rng: random.Random, weights: tuple[tuple[object, int], ...]) -> object:
    return rng.choices([value for value, _w in weights], [w for _v, w in weights])[0]


class DemoService:
    def __init__(self, services: Services, rng: random.Random, reps: list[str],
                 now: datetime | None = None) -> None:
        self.services = services
        self.rng = rng
        self.reps = reps
        self.now = now or utc_now()
        self.calendar = BusinessCalendar("Asia/Shanghai", holidays=frozenset(HOLIDAYS_2026))

    def build(self, accounts: list[tuple[str, bool]], contacts_by_account: dict[str, list[str]],
              tickets: int) -> None:
        self.services.sla_policies.save(SlaPolicyDraft(
            name="标准服务 Standard", is_default=True, timezone="Asia/Shanghai",
            holidays=HOLIDAYS_2026))
        for title, category, tags, body in ARTICLES:
            self.services.knowledge.save(ArticleDraft(
                title=title, body=body, category=category, tags=tags,
                status="published" if self.rng.random() < 0.9 else "draft"))
        # The app's own user (made at start-up) gets some tickets for "My tickets".
        me = next((user.id for user in self.services.users.list_active()
                   if user.name == self.services.context.actor), None)
        for _ in range(tickets):
            self._ticket(self.rng.choice(accounts) if accounts else None,
                         contacts_by_account, me)
        self.services.tickets.refresh_sla(self.now, everything=True)

    def _ticket(self, account: tuple[str, bool] | None,
                contacts_by_account: dict[str, list[str]], me: str | None) -> None:
        rng = self.rng
        chinese = account[1] if account else rng.random() < 0.5
        status = str(_pick(rng, STATUS_WEIGHTS))
        age = timedelta(hours=rng.uniform(1, 24 * 56))
        if status == "new":  # a queue mostly on track, a few tickets overdue
            age = timedelta(hours=rng.uniform(0.1, 8))
        elif status in ("open", "waiting"):
            age = timedelta(hours=rng.uniform(1, 24 * 3))
        created = self.now - age
        index = rng.randrange(len(SUBJECTS_CN))
        category = CATEGORIES[SUBJECT_CATEGORY[index]]
        contacts = contacts_by_account.get(account[0], []) if account else []
        roll = rng.random()
        assignee = (None if roll < 0.15 else me if roll < 0.3 and me
                    else rng.choice(self.reps))
        draft = TicketDraft(
            subject=SUBJECTS_CN[index] if chinese else SUBJECTS_EN[index],
            description=(SUBJECTS_CN[index] + "，请尽快处理。") if chinese
            else SUBJECTS_EN[index] + ". Please help.",
            account_id=account[0] if account else None,
            contact_id=rng.choice(contacts) if contacts else None,
            channel=rng.choice(("phone", "email", "email", "web", "visit")),
            category=category[0] if chinese else category[1],
            priority=str(_pick(rng, PRIORITY_WEIGHTS)), status="new", assignee_id=assignee,
            product=rng.choice(PRODUCTS),
            contract_ref=f"C-2026-{rng.randint(1, 400):04d}" if rng.random() < 0.4 else "")
        tickets = self.services.tickets
        ticket_id = tickets.save(draft, now=created).id
        if status == "new":
            return
        moment = self._later(created, hours=(0.1, 5))
        replies = REPLIES_CN if chinese else REPLIES_EN
        if rng.random() < 0.4:
            tickets.add_entry(ticket_id, "note", rng.choice(NOTES), now=moment)
        tickets.add_entry(ticket_id, "reply", replies[0], now=moment, status="open")
        if status == "open":
            return
        moment = self._later(moment, hours=(0.5, 20))
        tickets.add_entry(ticket_id, "reply", replies[1], now=moment, status="waiting")
        if status == "waiting":
            return
        moment = self._later(moment, hours=(1, 30))
        tickets.add_entry(ticket_id, "customer", rng.choice(CUSTOMER), now=moment)
        moment = self._later(moment, hours=(0.5, 25))
        tickets.add_entry(ticket_id, "reply", replies[3], now=moment, status="resolved")
        if rng.random() < 0.6:
            score = rng.choices([5, 4, 3, 2, 1], [w for _s, w in CSAT_WEIGHTS])[0]
            tickets.record_feedback(ticket_id, score,
                                    "" if rng.random() < 0.5 else rng.choice(CUSTOMER),
                                    now=moment)
        if status == "closed":
            tickets.change_status(ticket_id, "closed", now=self._later(moment, hours=(4, 72)))

    def _later(self, moment: datetime, hours: tuple[float, float]) -> datetime:
        """Some business hours after *moment* (staff answer during office hours), never in
        the future."""
        later = add_business_seconds(self.calendar, moment,
                                     int(self.rng.uniform(*hours) * 3600))
        return min(later, self.now - timedelta(minutes=1))
