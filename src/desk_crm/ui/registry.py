"""The areas of the main window and the editors of each entity, declared once.

A new area (leads, opportunities, My day …) is one ``AreaSpec``; a new editable entity is
one ``EditorSpec``. The main window builds its navigation, New/Open/Delete actions and undo
from these lists and knows no entity by name.

An area page is a QWidget implementing ``page_protocol.AreaPage`` (``EntityPage`` when New
creates something there; optional parts in the same module); the service of an editor
implements ``services.protocols.RecordService``. ``ListPage`` is the usual page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QStyle, QWidget

from desk_crm.services.bundle import Services
from desk_crm.services.protocols import RecordService
from desk_crm.ui.board_page import BoardPage
from desk_crm.ui.columns import account_columns
from desk_crm.ui.contact_grid import ContactListPage
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.activity_editor import ActivityEditor
from desk_crm.ui.editors.article_editor import ArticleEditor
from desk_crm.ui.editors.base import RecordEditor
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.editors.lead_editor import LeadEditor
from desk_crm.ui.editors.opportunity_editor import OpportunityEditor
from desk_crm.ui.editors.ticket_editor import TicketEditor
from desk_crm.ui.entity_titles import entity_plural
from desk_crm.ui.forecast_page import ForecastPage
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.my_day import MyDayPage
from desk_crm.ui.quote_lists import ProductListPage, QuoteListPage
from desk_crm.ui.renewals_page import RenewalsPage
from desk_crm.ui.sales_lists import LeadListPage, OpportunityListPage
from desk_crm.ui.service_report_page import ServiceReportPage
from desk_crm.ui.ticket_columns import article_columns
from desk_crm.ui.ticket_list import TicketListPage

translate = QCoreApplication.translate


@dataclass(frozen=True)
class EditorSpec:
    entity: str
    # (services, record id or None for a new record, parent, preset values) -> editor
    create: Callable[[Services, str | None, QWidget, dict[str, Any]], RecordEditor]
    # the service with get/delete/restore for this entity
    service: Callable[[Services], RecordService]
    # a record's name for "Deleted “…”" and undo texts
    label: Callable[[Services, str], str]


@dataclass(frozen=True)
class AreaSpec:
    key: str
    title: Callable[[], str]
    icon: QStyle.StandardPixmap
    build: Callable[[Services, QWidget], QWidget]  # a QWidget that is an AreaPage
    extra: dict[str, Any] = field(default_factory=dict)


def area_shortcuts(areas: list[AreaSpec]) -> dict[str, str]:
    """Each area's key: its own (``extra["shortcut"]``), else by position among the others:
    Ctrl+1 … Ctrl+9, Ctrl+0, then Ctrl+Shift+1 … Ctrl+Shift+9."""
    keys: dict[str, str] = {}
    number = 0
    for area in areas:
        own = area.extra.get("shortcut")
        if own:
            keys[area.key] = str(own)
            continue
        number += 1
        keys[area.key] = (f"Ctrl+{number % 10}" if number <= 10
                          else f"Ctrl+Shift+{number - 10}" if number <= 19 else "")
    return keys


def _contact_editor(services: Services, record_id: str | None, parent: QWidget,
                    preset: dict[str, Any]) -> RecordEditor:
    return ContactEditor(services, record_id, account=preset.get("account"), parent=parent)


def _account_editor(services: Services, record_id: str | None, parent: QWidget,
                    _preset: dict[str, Any]) -> RecordEditor:
    return AccountEditor(services, record_id, parent=parent)


def _lead_editor(services: Services, record_id: str | None, parent: QWidget,
                 _preset: dict[str, Any]) -> RecordEditor:
    return LeadEditor(services, record_id, parent=parent)


def _opportunity_editor(services: Services, record_id: str | None, parent: QWidget,
                        preset: dict[str, Any]) -> RecordEditor:
    return OpportunityEditor(services, record_id, account=preset.get("account"),
                             parent=parent)
def _activity_editor(services: Services, record_id: str | None, parent: QWidget,
                     preset: dict[str, Any]) -> RecordEditor:
    return ActivityEditor(services, record_id, preset=preset, parent=parent)


def _product_editor(services: Services, record_id: str | None, parent: QWidget,
                    _preset: dict[str, Any]) -> RecordEditor:
    from desk_crm.ui.editors.product_editor import ProductEditor

    return ProductEditor(services, record_id, parent=parent)


def _quote_editor(services: Services, record_id: str | None, parent: QWidget,
                  preset: dict[str, Any]) -> RecordEditor:
    from desk_crm.ui.editors.quote_editor import QuoteEditor

    return QuoteEditor(services, record_id, opportunity_id=preset.get("opportunity"),
                       parent=parent)


def _contract_editor(services: Services, record_id: str | None, parent: QWidget,
                     preset: dict[str, Any]) -> RecordEditor:
    from desk_crm.ui.editors.contract_editor import ContractEditor

    return ContractEditor(services, record_id, quote_id=preset.get("quote"), parent=parent)
def _campaign_editor(services: Services, record_id: str | None, parent: QWidget,
                     _preset: dict[str, Any]) -> RecordEditor:
    from desk_crm.ui.editors.campaign_editor import CampaignEditor

    return CampaignEditor(services, record_id, parent=parent)


def _campaign_page(services: Services, parent: QWidget) -> QWidget:
    from desk_crm.ui.campaign_page import CampaignListPage

    return CampaignListPage(services, entity_plural("campaign"), parent)


def _with_add_to_campaign(page: Any, services: Services, entity: str) -> Any:
    from desk_crm.ui.campaign_page import install_add_to_campaign

    install_add_to_campaign(page, services, entity)
    return page


def _ticket_editor(services: Services, record_id: str | None, parent: QWidget,
                   _preset: dict[str, Any]) -> RecordEditor:
    return TicketEditor(services, record_id, parent=parent)


def _article_editor(services: Services, record_id: str | None, parent: QWidget,
                    _preset: dict[str, Any]) -> RecordEditor:
    return ArticleEditor(services, record_id, parent=parent)


def _dashboard(services: Services, parent: QWidget) -> QWidget:
    from desk_crm.ui.dashboard_page import DashboardPage

    return DashboardPage(services, translate("Areas", "Dashboard"), parent)


def _at_risk(services: Services, parent: QWidget) -> QWidget:
    from desk_crm.ui.at_risk_page import AtRiskPage

    return AtRiskPage(services, translate("Areas", "Customers at risk"), parent)


def _reports(services: Services, parent: QWidget) -> QWidget:
    from desk_crm.ui.reports_page import ReportsPage

    return ReportsPage(services, translate("Areas", "Performance reports"), parent)


def _segments(services: Services, parent: QWidget) -> QWidget:
    from desk_crm.ui.segments_page import SegmentsPage

    return SegmentsPage(services, translate("Areas", "Segments"), parent)


EDITORS: list[EditorSpec] = [
    EditorSpec("account", _account_editor, lambda s: s.accounts,
               lambda s, record_id: s.accounts.get(record_id).draft.name),
    EditorSpec("contact", _contact_editor, lambda s: s.contacts,
               lambda s, record_id: s.contacts.get(record_id).display_name),
    EditorSpec("lead", _lead_editor, lambda s: s.leads,
               lambda s, record_id: s.leads.get(record_id).display_name),
    EditorSpec("opportunity", _opportunity_editor, lambda s: s.opportunities,
               lambda s, record_id: s.opportunities.get(record_id).draft.name),
    EditorSpec("activity", _activity_editor, lambda s: s.activities,
               lambda s, record_id: s.activities.get(record_id).subject),
    EditorSpec("product", _product_editor, lambda s: s.products,
               lambda s, record_id: s.products.get(record_id).draft.name),
    EditorSpec("quote", _quote_editor, lambda s: s.quotes,
               lambda s, record_id: s.quotes.get(record_id).label),
    EditorSpec("contract", _contract_editor, lambda s: s.contracts,
               lambda s, record_id: s.contracts.get(record_id).number),
    EditorSpec("ticket", _ticket_editor, lambda s: s.tickets,
               lambda s, record_id: s.tickets.get(record_id).number),
    EditorSpec("kb_article", _article_editor, lambda s: s.knowledge,
               lambda s, record_id: s.knowledge.get(record_id).draft.title),
    EditorSpec("campaign", _campaign_editor, lambda s: s.campaigns,
               lambda s, record_id: s.campaigns.get(record_id).draft.name),
]

AREAS: list[AreaSpec] = [
    # First in the sidebar, with its own key so Ctrl+1 … Ctrl+0 keep their areas.
    AreaSpec("dashboard", lambda: translate("Areas", "Dashboard"),
             QStyle.StandardPixmap.SP_ComputerIcon,
             lambda s, parent: _dashboard(s, parent), extra={"shortcut": "Ctrl+Shift+O"}),
    AreaSpec("accounts", lambda: entity_plural("account"),
             QStyle.StandardPixmap.SP_DirHomeIcon,
             lambda s, parent: ListPage("account", entity_plural("account"), s.lists,
                                        account_columns(s.default_region), parent)),
    AreaSpec("contacts", lambda: entity_plural("contact"),
             QStyle.StandardPixmap.SP_FileDialogContentsView,
             lambda s, parent: _with_add_to_campaign(
                 ContactListPage(s, entity_plural("contact"), parent), s, "contact")),
    AreaSpec("leads", lambda: entity_plural("lead"),
             QStyle.StandardPixmap.SP_FileDialogNewFolder,
             lambda s, parent: _with_add_to_campaign(LeadListPage(
                 s, entity_plural("lead"), parent), s, "lead")),
    AreaSpec("opportunities", lambda: entity_plural("opportunity"),
             QStyle.StandardPixmap.SP_FileDialogDetailedView,
             lambda s, parent: OpportunityListPage(
                 s, entity_plural("opportunity"), parent)),
    AreaSpec("pipeline", lambda: translate("Areas", "Pipeline"),
             QStyle.StandardPixmap.SP_FileDialogListView,
             lambda s, parent: BoardPage(s, translate("Areas", "Pipeline"), parent)),
    AreaSpec("forecast", lambda: translate("Areas", "Forecast"),
             QStyle.StandardPixmap.SP_FileDialogInfoView,
             lambda s, parent: ForecastPage(s, translate("Areas", "Forecast"), parent)),
    AreaSpec("my_day", lambda: QCoreApplication.translate("Areas", "My day"),
             QStyle.StandardPixmap.SP_FileDialogListView,
             lambda s, parent: MyDayPage(s, QCoreApplication.translate("Areas", "My day"),
                                         parent)),
    AreaSpec("quotes", lambda: entity_plural("quote"),
             QStyle.StandardPixmap.SP_FileIcon,
             lambda s, parent: QuoteListPage(s, entity_plural("quote"), parent),
             extra={"shortcut": "Ctrl+Shift+Q"}),
    AreaSpec("products", lambda: entity_plural("product"),
             QStyle.StandardPixmap.SP_DriveHDIcon,
             lambda s, parent: ProductListPage(s, entity_plural("product"), parent),
             extra={"shortcut": "Ctrl+Shift+P"}),
    AreaSpec("renewals", lambda: translate("Areas", "Renewals"),
             QStyle.StandardPixmap.SP_BrowserReload,
             lambda s, parent: RenewalsPage(s, translate("Areas", "Renewals"), parent),
             extra={"shortcut": "Ctrl+Shift+R"}),
    AreaSpec("tickets", lambda: entity_plural("ticket"),
             QStyle.StandardPixmap.SP_MessageBoxWarning,
             lambda s, parent: TicketListPage(s, entity_plural("ticket"), parent),
             extra={"eager": True}),  # its sidebar entry shows the open-ticket count
    AreaSpec("knowledge", lambda: entity_plural("kb_article"),
             QStyle.StandardPixmap.SP_DialogHelpButton,
             lambda s, parent: ListPage("kb_article", entity_plural("kb_article"),
                                        s.lists, article_columns(), parent)),
    AreaSpec("service_report", lambda: translate("Areas", "Service quality"),
             QStyle.StandardPixmap.SP_FileDialogInfoView,
             lambda s, parent: ServiceReportPage(s, translate("Areas", "Service quality"),
                                                 parent)),
    AreaSpec("campaigns", lambda: entity_plural("campaign"),
             QStyle.StandardPixmap.SP_MediaVolume, _campaign_page,
             # eager: built at start-up, so its outbox scheduler sends queued mail
             extra={"shortcut": "Ctrl+Shift+G", "eager": True}),
    # Insight (the dashboard is first, above)
    AreaSpec("at_risk", lambda: translate("Areas", "Customers at risk"),
             QStyle.StandardPixmap.SP_MessageBoxCritical,
             lambda s, parent: _at_risk(s, parent), extra={"shortcut": "Ctrl+Shift+K"}),
    AreaSpec("reports", lambda: translate("Areas", "Performance reports"),
             QStyle.StandardPixmap.SP_FileDialogInfoView,
             lambda s, parent: _reports(s, parent), extra={"shortcut": "Ctrl+Shift+T"}),
    AreaSpec("segments", lambda: translate("Areas", "Segments"),
             QStyle.StandardPixmap.SP_DirLinkIcon,
             lambda s, parent: _segments(s, parent), extra={"shortcut": "Ctrl+Shift+J"}),
]


@dataclass(frozen=True)
class SettingsSpec:
    """A dialog in the Settings menu; after it is accepted the main window announces
    ``records_changed(entity, "")`` so every list reloads."""

    key: str
    title: Callable[[], str]
    shortcut: str
    create: Callable[[Services, QWidget], QDialog]
    entity: str


def _stage_settings(services: Services, parent: QWidget) -> QDialog:
    from desk_crm.ui.stage_settings import StageSettingsDialog

    return StageSettingsDialog(services, parent)


def _scoring_settings(services: Services, parent: QWidget) -> QDialog:
    from desk_crm.ui.scoring_dialog import ScoringRulesDialog

    return ScoringRulesDialog(services, parent)


def _price_books(services: Services, parent: QWidget) -> QDialog:
    from desk_crm.ui.price_book_dialog import PriceBookDialog

    return PriceBookDialog(services, parent)


def _quote_settings(services: Services, parent: QWidget) -> QDialog:
    from desk_crm.ui.quote_settings_dialog import QuoteSettingsDialog

    return QuoteSettingsDialog(services, parent)
def _sla_settings(services: Services, parent: QWidget) -> QDialog:
    from desk_crm.ui.sla_settings import SlaPolicyDialog

    return SlaPolicyDialog(services, parent)


def _smtp_settings(services: Services, parent: QWidget) -> QDialog:
    from desk_crm.ui.smtp_settings_dialog import SmtpSettingsDialog

    return SmtpSettingsDialog(services, parent)


def _loyalty_settings(services: Services, parent: QWidget) -> QDialog:
    from desk_crm.ui.loyalty_settings import LoyaltySettingsDialog

    return LoyaltySettingsDialog(services, parent)


def _custom_fields(services: Services, parent: QWidget) -> QDialog:
    from desk_crm.ui.custom_fields_settings import CustomFieldsDialog

    return CustomFieldsDialog(services, parent)


SETTINGS: list[SettingsSpec] = [
    SettingsSpec("pipeline_stages",
                 lambda: QCoreApplication.translate("Areas", "&Pipeline stages…"), "Ctrl+Alt+P",
                 _stage_settings, "pipeline_stage"),
    SettingsSpec("lead_scoring",
                 lambda: QCoreApplication.translate("Areas", "&Lead scoring rules…"), "Ctrl+Alt+L",
                 _scoring_settings, "lead"),
    SettingsSpec("price_books",
                 lambda: QCoreApplication.translate("Areas", "P&rice books…"), "Ctrl+Alt+R",
                 _price_books, "price_book"),
    SettingsSpec("quotes",
                 lambda: QCoreApplication.translate("Areas", "&Quotes…"), "Ctrl+Alt+Q",
                 _quote_settings, "quote"),
    SettingsSpec("sla_policies",
                 lambda: QCoreApplication.translate("Areas", "&SLA policies…"), "Ctrl+Alt+S",
                 _sla_settings, "ticket"),
    SettingsSpec("mail_server",
                 lambda: QCoreApplication.translate("Areas", "&Mail server…"), "Ctrl+Alt+M",
                 _smtp_settings, "campaign"),
    SettingsSpec("loyalty",
                 lambda: QCoreApplication.translate("Areas", "L&oyalty programme…"),
                 "Ctrl+Alt+Y", _loyalty_settings, "account"),
    # Every list reloads on any records_changed, and reads its fields afresh then.
    SettingsSpec("custom_fields",
                 lambda: QCoreApplication.translate("Areas", "C&ustom fields…"),
                 "Ctrl+Alt+U", _custom_fields, "custom_field"),
]


AREA_KEYS = area_shortcuts(AREAS)


def editor_spec(entity: str) -> EditorSpec:
    for spec in EDITORS:
        if spec.entity == entity:
            return spec
    raise KeyError(entity)
