"""Every service the UI and the command line use, built once from an open database."""

from __future__ import annotations

from dataclasses import dataclass

from desk_crm.services.accounts import AccountService
from desk_crm.services.activities import ActivityService
from desk_crm.services.analytics import AnalyticsService
from desk_crm.services.backups import BackupService
from desk_crm.services.bulk import BulkEditService
from desk_crm.services.campaigns import CampaignService
from desk_crm.services.changes import ChangeService
from desk_crm.services.contacts import ContactService
from desk_crm.services.context import ServiceContext
from desk_crm.services.contracts import ContractService
from desk_crm.services.custom_fields import CustomFieldService
from desk_crm.services.customer_insight import CustomerInsightService
from desk_crm.services.data_language import DataLanguageService
from desk_crm.services.duplicates import DuplicateService
from desk_crm.services.exporter import ExportService
from desk_crm.services.forecast import ForecastService
from desk_crm.services.grid_cells import GridCellService
from desk_crm.services.history import HistoryService
from desk_crm.services.importer import ImportService
from desk_crm.services.insight import InsightService
from desk_crm.services.knowledge import KnowledgeService
from desk_crm.services.leads import LeadService
from desk_crm.services.loyalty import LoyaltyService
from desk_crm.services.mail_outbox import MailOutboxService
from desk_crm.services.merge import MergeService
from desk_crm.services.opportunities import OpportunityService
from desk_crm.services.performance import PerformanceService
from desk_crm.services.pipeline import PipelineService
from desk_crm.services.products import PriceBookService, ProductService
from desk_crm.services.quote_settings import QuoteSettingsService
from desk_crm.services.quotes import QuoteService
from desk_crm.services.segments import SegmentService
from desk_crm.services.service_report import ServiceReportService
from desk_crm.services.sla_policies import SlaPolicyService
from desk_crm.services.smtp_settings import SmtpSettingsService
from desk_crm.services.tickets import TicketService
from desk_crm.services.users import UserService
from desk_crm.store.board_queries import BoardQueries
from desk_crm.store.database import Database
from desk_crm.store.global_search import GlobalSearch
from desk_crm.store.repositories import ListRepository


@dataclass(frozen=True)
class Services:
    context: ServiceContext
    accounts: AccountService
    activities: ActivityService
    contacts: ContactService
    history: HistoryService
    users: UserService
    lists: ListRepository
    pipeline: PipelineService
    opportunities: OpportunityService
    leads: LeadService
    board: BoardQueries
    forecast: ForecastService
    changes: ChangeService
    imports: ImportService
    exports: ExportService
    merges: MergeService
    duplicates: DuplicateService
    bulk: BulkEditService
    grid_cells: GridCellService
    products: ProductService
    price_books: PriceBookService
    quotes: QuoteService
    quote_settings: QuoteSettingsService
    contracts: ContractService
    backups: BackupService
    search: GlobalSearch  # the Ctrl+K search over every entity
    # service desk
    tickets: TicketService
    sla_policies: SlaPolicyService
    knowledge: KnowledgeService
    service_report: ServiceReportService
    # marketing
    campaigns: CampaignService
    mail: MailOutboxService  # templates, previews, the outbox queue
    smtp: SmtpSettingsService
    loyalty: LoyaltyService
    # insight
    insight: InsightService
    customers: CustomerInsightService
    performance: PerformanceService
    segments: SegmentService
    fields: CustomFieldService  # entity declarations + the user's custom fields
    data_language: DataLanguageService  # the database's own language and its defaults
    analytics: AnalyticsService  # fitted CLV, churn and purchase models

    @property
    def default_region(self) -> str:
        return self.context.default_region


def build_services(database: Database, actor: str, default_region: str = "CN") -> Services:
    context = ServiceContext(database.session_factory, actor, default_region)
    activities = ActivityService(context)
    contacts = ContactService(context)
    backups = BackupService(database)
    pipeline = PipelineService(context)
    quote_settings = QuoteSettingsService(context)
    customers = CustomerInsightService(context, activities)
    return Services(
        context=context,
        accounts=AccountService(context),
        activities=activities,
        contacts=contacts,
        history=HistoryService(context),
        users=UserService(context),
        lists=ListRepository(database.session_factory),
        pipeline=pipeline,
        opportunities=OpportunityService(context),
        leads=LeadService(context),
        board=BoardQueries(database.session_factory),
        forecast=ForecastService(context),
        changes=ChangeService(context),
        imports=ImportService(context),
        exports=ExportService(ListRepository(database.session_factory)),
        merges=MergeService(context),
        duplicates=DuplicateService(context),
        bulk=BulkEditService(context),
        grid_cells=GridCellService(context, contacts),
        products=ProductService(context),
        price_books=PriceBookService(context),
        quotes=QuoteService(context),
        quote_settings=quote_settings,
        # the data dir is the database's folder (paths.AppPaths.database)
        contracts=ContractService(context, activities, database.path.parent),
        backups=backups,
        search=GlobalSearch(database.session_factory),
        tickets=TicketService(context, database.path.parent / "attachments"),
        sla_policies=SlaPolicyService(context),
        knowledge=KnowledgeService(context),
        service_report=ServiceReportService(context),
        campaigns=CampaignService(context),
        mail=MailOutboxService(context),
        smtp=SmtpSettingsService(context),
        loyalty=LoyaltyService(context),
        insight=InsightService(context),
        customers=customers,
        performance=PerformanceService(context),
        segments=SegmentService(context),
        fields=CustomFieldService(context, backups.backup_before),
        data_language=DataLanguageService(context, pipeline, quote_settings),
        analytics=AnalyticsService(context, customers,
                                   CustomFieldService(context, backups.backup_before)),
    )
