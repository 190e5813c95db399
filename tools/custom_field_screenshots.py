"""Screenshots of custom fields (offscreen): Settings → Custom fields, a contact editor's
generated "Custom fields" tab and the segment builder on custom fields, in English and in
Chinese.

    .venv/bin/python tools/custom_field_screenshots.py --out resources/screenshots

Builds its own small database in a temporary folder (a few custom fields of different
types, one contact with values), so it needs no demo data.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--language", default="en")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication, QTabWidget

    from desk_crm.domain.drafts import AccountDraft, ContactDraft
    from desk_crm.domain.fields import Choice, FieldType
    from desk_crm.paths import resolve_paths
    from desk_crm.services.bundle import build_services
    from desk_crm.services.custom_fields import NewField
    from desk_crm.store.database import open_database
    from desk_crm.ui.custom_fields_settings import CustomFieldsDialog
    from desk_crm.ui.editors.contact_editor import ContactEditor
    from desk_crm.ui.translations import install_translations

    app = QApplication(sys.argv[:1])
    keep = install_translations(app, args.language)
    paths = resolve_paths(tempfile.mkdtemp(prefix="custom-field-shots-"))
    database = open_database(paths.database, paths.backups_dir)
    services = build_services(database, "screenshots")
    fields = services.fields
    fields.create(NewField("contact", "Loyalty level", FieldType.PICKLIST, title_zh="会员等级",
                           choices=(Choice("gold", "Gold", "金卡"),
                                    Choice("silver", "Silver", "银卡"),
                                    Choice("bronze", "Bronze", "铜卡")), indexed=True))
    fields.create(NewField("contact", "Interests", FieldType.MULTI_PICKLIST, title_zh="兴趣",
                           choices=(Choice("golf", "Golf", "高尔夫"), Choice("tea", "Tea", "茶道"),
                                    Choice("travel", "Travel", "旅行"))))
    fields.create(NewField("contact", "Annual budget", FieldType.MONEY, title_zh="年度预算"))
    fields.create(NewField("contact", "First met", FieldType.DATE, title_zh="初次见面"))
    fields.create(NewField("contact", "VIP", FieldType.CHECKBOX, title_zh="贵宾"))
    fields.create(NewField("contact", "WeChat ID", FieldType.TEXT, title_zh="微信号"))
    fields.create(NewField("contact", "Referred by", FieldType.LINK, title_zh="推荐客户",
                           link_entity="account"))
    account = services.accounts.save(AccountDraft(name="北京星辰科技有限公司")).id
    contact = services.contacts.save(ContactDraft(family_name="王", given_name="芳",
                                                  title="采购经理", account_id=account)).id
    fields.save_values("contact", contact, {
        "street2": "3号楼 1201室", "birth_date": "1988-05-17", "gender": "female",
        "income_band": "150k_500k", "loyalty_level": "gold", "interests": ["tea", "travel"],
        "annual_budget": "250000 CNY", "first_met": "2024-03-05", "vip": True,
        "wechat_id": "wangfang_88", "referred_by": account})
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "en" else f"-{args.language}"

    dialog = CustomFieldsDialog(services, entity="contact")
    dialog.resize(900, 560)
    dialog.show()
    dialog.field_list.setCurrentRow(0)
    for _ in range(20):
        app.processEvents()
    target = args.out / f"custom-fields-settings{suffix}.png"
    dialog.grab().save(str(target))
    print(target)

    editor = ContactEditor(services, contact)
    editor.resize(900, 640)
    editor.show()
    section = editor.custom_section
    tabs = section.parentWidget()
    while not isinstance(tabs, QTabWidget):
        tabs = tabs.parentWidget()
    tabs.setCurrentWidget(section)
    for _ in range(20):
        app.processEvents()
    target = args.out / f"custom-fields-editor{suffix}.png"
    editor.grab().save(str(target))
    print(target)
    editor.discard_and_close()

    # The segment builder with custom-field conditions (its own operators per type).
    from desk_crm.domain.segments import Condition, SegmentDraft
    from desk_crm.ui.segments_page import SegmentsPage

    title = "Gold tea lovers" if args.language == "en" else "爱喝茶的金卡会员"
    services.segments.save(SegmentDraft(title, "contact", "all", (
        Condition("custom.loyalty_level", "is", "gold"),
        Condition("custom.interests", "includes", "tea"),
        Condition("custom.annual_budget", "at_least", "100000"),
        Condition("custom.first_met", "years_at_least", "1"))))
    page = SegmentsPage(services, "Segments" if args.language == "en" else "客户分群")
    page.resize(1000, 420)
    page.show()
    page.list.setCurrentRow(0)
    for column, width in ((0, 220), (1, 260)):
        page.conditions.setColumnWidth(column, width)
    for _ in range(40):
        app.processEvents()
    target = args.out / f"custom-fields-segment{suffix}.png"
    page.grab().save(str(target))
    print(target)
    page.close()
    dialog.close()
    del keep
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
