"""Sample catalogue, quotes and contracts for the demo database, made through the ordinary
services: ~40 products (Chinese and English names), two price books, quotes for about a
third of the opportunities (accepted for won ones, rejected for lost ones), contracts
from some accepted quotes — a few ending soon, so the Renewals view has rows."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from desk_crm.domain.products import ProductDraft
from desk_crm.domain.quotes import QuoteDraft
from desk_crm.services.bundle import Services
from desk_crm.services.quote_records import ContractDraft, QuoteRecord
from desk_crm.services.quote_settings import APPROVER, QuoteSettings
from desk_crm.store.repositories import ListQuery

# (code, name, unit, list price CNY, tax rate %)
PRODUCTS = [
    ("SW-CRM-STD", "CRM 标准版 年度许可", "用户/年", "1200", "6"),
    ("SW-CRM-PRO", "CRM 专业版 年度许可", "用户/年", "2400", "6"),
    ("SW-CRM-ENT", "CRM Enterprise licence", "user/year", "4800", "6"),
    ("SW-ERP-FIN", "ERP 财务模块", "套", "38000", "13"),
    ("SW-ERP-SCM", "ERP 供应链模块", "套", "45000", "13"),
    ("SW-BI", "BI dashboard licence", "seat", "3600", "6"),
    ("SW-API", "API 接口包", "套", "8800", "6"),
    ("SW-MOBILE", "Mobile app add-on", "user/year", "600", "6"),
    ("SRV-IMPL", "实施服务", "人天", "1800", "6"),
    ("SRV-CONS", "Consulting day", "day", "2200", "6"),
    ("SRV-TRAIN", "培训服务", "人天", "1500", "6"),
    ("SRV-TRAIN-ON", "Online training session", "session", "900", "6"),
    ("SRV-MIGR", "数据迁移服务", "项", "12000", "6"),
    ("SRV-CUSTOM", "定制开发", "人天", "2000", "6"),
    ("SRV-PM", "Project management", "day", "2000", "6"),
    ("SUP-STD", "标准技术支持", "年", "9600", "6"),
    ("SUP-PREM", "Premium support 24×7", "year", "19800", "6"),
    ("SUP-ONSITE", "现场支持", "次", "3000", "6"),
    ("HW-SRV-1U", "机架服务器 1U", "台", "26800", "13"),
    ("HW-SRV-2U", "Rack server 2U", "unit", "42800", "13"),
    ("HW-NAS", "网络存储 NAS 16TB", "台", "15800", "13"),
    ("HW-SW24", "交换机 24 口", "台", "3200", "13"),
    ("HW-SW48", "Switch 48-port PoE", "unit", "6800", "13"),
    ("HW-FW", "防火墙设备", "台", "12800", "13"),
    ("HW-AP", "Wi-Fi access point", "unit", "1100", "13"),
    ("HW-UPS", "UPS 不间断电源 3kVA", "台", "4600", "13"),
    ("HW-LAPTOP", "商务笔记本电脑", "台", "6999", "13"),
    ("HW-DESKTOP", "Desktop workstation", "unit", "7999", "13"),
    ("HW-MON27", "27 英寸显示器", "台", "1699", "13"),
    ("HW-PRINTER", "Laser printer A3", "unit", "5200", "13"),
    ("HW-SCANNER", "条码扫描枪", "把", "480", "13"),
    ("HW-POS", "收银终端", "台", "3800", "13"),
    ("CL-VM", "云主机 4核8G", "台/月", "420", "6"),
    ("CL-STORAGE", "Cloud storage 1 TB", "TB/month", "120", "6"),
    ("CL-BACKUP", "云备份服务", "TB/月", "200", "6"),
    ("CL-CDN", "CDN traffic 1 TB", "TB", "150", "6"),
    ("CL-SMS", "短信服务包 1万条", "包", "450", "6"),
    ("MISC-SHIP", "Delivery and installation", "lot", "800", "9"),
    ("MISC-CABLE", "网线及辅材", "批", "650", "13"),
    ("MISC-DOC", "Documentation pack", "set", "0", "0"),
]
TERMS_CN = "报价有效期内价格有效。合同签订后 30 日内付款。含税价，增值税按适用税率开具。"
TERMS_EN = "Prices valid until the expiry date. Payment within 30 days of invoice. VAT extra."


class QuotesDemo:
    def __init__(self, services: Services, rng: random.Random, reps: list[str]) -> None:
        self.services = services
        self.rng = rng
        self.reps = reps
        self.products: list[str] = []
        self._chinese_terms = services.data_language.is_chinese()
        self.books: list[str] = []

    def catalogue(self) -> None:
        services = self.services
        list_book = services.price_books.save("标准价目表 List", "CNY", is_default=True).id
        export = services.price_books.save("Export list (USD)", "USD").id
        list_prices, export_prices = {}, {}
        for code, name, unit, price, tax in PRODUCTS:
            product = services.products.save(ProductDraft(
                code=code, name=name, unit=unit, default_price=Decimal(price),
                tax_rate=Decimal(tax), tax_category="standard" if tax != "0" else "exempt",
                description=f"{name} ({code})"))
            self.products.append(product.id)
            list_prices[product.id] = Decimal(price)
            # about 7 CNY to the dollar, rounded to whole dollars for a list price
            export_prices[product.id] = (Decimal(price) / 7).quantize(Decimal(1))
        services.price_books.set_prices(list_book, list_prices)
        services.price_books.set_prices(export, export_prices)
        self.books = [list_book, export]
        if self.reps:  # the first rep is the sales manager who approves discounts
            services.quote_settings.set_roles(self.reps[0], [APPROVER])
        services.quote_settings.save(QuoteSettings(
            company_name="Desk CRM 示例科技有限公司",
            company_address="上海市浦东新区世纪大道 100 号 · +86 21 5000 0000"))

    def quotes(self, count: int | None) -> int:
        """Quotes for *count* opportunities (None: a third of them); returns how many."""
        by_kind = {kind: self.services.lists.page(
            ListQuery("opportunity", filters=(("stage_kind", kind),)), limit=10000)
            for kind in ("open", "won", "lost")}
        rows = [(kind, row) for kind, found in by_kind.items() for row in found]
        self.rng.shuffle(rows)
        count = len(rows) // 3 if count is None else min(count, len(rows))
        accepted = []
        for kind, row in rows[:count]:
            quote = self._quote(row.id, row.values.get("name") or "", kind)
            if quote.status == "accepted":
                accepted.append(quote.id)
        self._contracts(accepted)
        return count

    def _quote(self, opportunity_id: str, name: str, kind: str) -> QuoteRecord:
        services = self.services
        today = date.today()
        issued = today - timedelta(days=self.rng.randint(2, 200) if kind != "open"
                                   else self.rng.randint(0, 20))
        draft: QuoteDraft = services.quotes.new_draft(opportunity_id, issued)
        # Terms are the company's, in the database's language, not the customer's.
        draft.terms = TERMS_CN if self._chinese_terms else TERMS_EN
        # new_draft picked the book in the opportunity's currency
        for product_id in self.rng.sample(self.products, self.rng.randint(1, 5)):
            line = services.quotes.line_for_product(product_id, draft.price_book_id,
                                                    self.rng.randint(1, 20), draft.currency)
            if self.rng.random() < 0.3:
                line.discount_percent = Decimal(self.rng.choice((5, 8, 10, 12)))
            draft.lines.append(line)
        big_discount = self.rng.random() < 0.1
        if big_discount:
            draft.document_discount_percent = Decimal(self.rng.choice((18, 20, 25)))
        if self.rng.random() < 0.3:
            draft.shipping = Decimal(self.rng.choice((200, 500, 800)))
        quote = services.quotes.create(draft, owner_id=None)
        if quote.needs_approval:
            if self.reps and (kind != "open" or self.rng.random() < 0.5):
                quote = services.quotes.approve(quote.id, self.reps[0])
            else:
                return quote  # waits for approval: visible in the list
        if kind == "open" and self.rng.random() < 0.4:
            return quote  # still a draft
        quote = services.quotes.mark_sent(quote.id)
        if kind == "open" and self.rng.random() < 0.3:
            draft = quote.draft
            draft.lines[0].quantity += 1
            quote = services.quotes.save(quote.id, draft)  # revision 2
        elif kind == "won":
            quote = services.quotes.accept(quote.id)
        elif kind == "lost":
            quote = services.quotes.reject(quote.id)
        return quote

    def _contracts(self, accepted: list[str]) -> None:
        today = date.today()
        for index, quote_id in enumerate(accepted):
            if self.rng.random() < 0.4:
                continue
            term = self.rng.choice((12, 12, 24, 36))
            if index % 3 == 0:  # ends within the next 90 days: a renewal coming up
                end_in = self.rng.randint(5, 85)
                start = today + timedelta(days=end_in) - timedelta(days=term * 365 // 12)
            else:
                start = today - timedelta(days=self.rng.randint(0, 200))
            contract = self.services.contracts.from_quote(quote_id, ContractDraft(
                start, term_months=term,
                billing_frequency=self.rng.choice(("monthly", "quarterly", "annually")),
                auto_renew=self.rng.random() < 0.5, notice_days=self.rng.choice((30, 60, 90)),
                status="active"))
            # A reminder only where there is still time to act: one whose notice deadline
            # has passed would ring at once on the demo's first start.
            deadline = contract.end_date - timedelta(days=contract.draft.notice_days)
            if deadline - timedelta(days=30) > today:
                self.services.contracts.schedule_reminder(contract.id)
