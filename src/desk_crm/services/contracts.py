"""Contracts made from accepted quotes, their signed PDF, renewal reminders and the list
of renewals coming up."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.file_names import safe_file_name
from desk_crm.domain.money import format_amount, from_minor
from desk_crm.domain.quotes import (
    BILLING_FREQUENCIES,
    CONTRACT_STATUSES,
    contract_end,
    format_number,
    notice_deadline,
)
from desk_crm.services import _common
from desk_crm.services.activities import ActivityService
from desk_crm.services.context import ServiceContext
from desk_crm.services.quote_records import ContractDraft, ContractRecord, RenewalRow
from desk_crm.services.quote_settings import load_settings
from desk_crm.services.quote_store import allocate_number, live_lines
from desk_crm.store.models import Account, Contact, new_id
from desk_crm.store.quote_models import Contract, Quote


def validate_contract(draft: ContractDraft) -> ContractDraft:
    errors = []
    if not 1 <= draft.term_months <= 120:
        errors.append(ValidationError("term_months", QT_TRANSLATE_NOOP(
            "Validation", "A term is 1 to 120 months")))
    if not 0 <= draft.notice_days <= 365:
        errors.append(ValidationError("notice_days", QT_TRANSLATE_NOOP(
            "Validation", "Between 0 and 365 days")))
    if draft.billing_frequency not in BILLING_FREQUENCIES:
        errors.append(ValidationError("billing_frequency", QT_TRANSLATE_NOOP(
            "Validation", "Unknown billing frequency")))
    if draft.status not in CONTRACT_STATUSES:
        errors.append(ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "Unknown status")))
    if errors:
        raise ValidationErrors(errors)
    return draft


class ContractService:
    def __init__(self, context: ServiceContext, activities: ActivityService,
                 data_dir: Path) -> None:
        self._context = context
        self._activities = activities
        self._data_dir = data_dir

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @property
    def attachments_dir(self) -> Path:
        return self._data_dir / "attachments" / "contracts"

    def from_quote(self, quote_id: str, draft: ContractDraft) -> ContractRecord:
        """A contract with the accepted quote's parties, lines (a frozen copy) and value."""
        clean = validate_contract(draft)
        with self._context.write() as session:
            # Numbered by the year it is made in (a renewal may start years back).
            year = date.today().year
            seq = allocate_number(session, "contract", year)  # first: see allocate_number
            number = format_number(load_settings(session).contract_pattern, year, seq)
            quote = _common.load(session, Quote, quote_id)
            if quote.status != "accepted":
                raise ValidationErrors([ValidationError("quote_id", QT_TRANSLATE_NOOP(
                    "Validation", "Only an accepted quote becomes a contract"))])
            lines = [{"description": line.description, "quantity": str(line.quantity),
                      "unit_price": format_amount(from_minor(line.unit_price_minor,
                                                             quote.currency), quote.currency),
                      "total": format_amount(from_minor(line.line_total_minor,
                                                        quote.currency), quote.currency),
                      "product_id": line.product_id}
                     for line in live_lines(session, quote.id)]
            contract = Contract(
                id=new_id(), number=number, quote_id=quote.id,
                opportunity_id=quote.opportunity_id, account_id=quote.account_id,
                contact_id=quote.contact_id, owner_id=quote.owner_id,
                currency=quote.currency, value_minor=quote.total_minor, lines=lines)
            _apply(contract, clean)
            session.add(contract)
            session.flush()
            return _record(session, contract)

    def save(self, contract_id: str, draft: ContractDraft,
             expected_version: int | None = None) -> ContractRecord:
        clean = validate_contract(draft)
        with self._context.write() as session:
            contract = _common.load(session, Contract, contract_id)
            _common.check_version(contract, expected_version)
            _apply(contract, clean)
            session.flush()
            return _record(session, contract)

    def attach_signed(self, contract_id: str, source: Path) -> ContractRecord:
        """Copy the signed file into <data dir>/attachments/contracts/<id>/; the name is
        sanitised so no "../" can put it anywhere else."""
        with self._context.read() as session:
            _common.load(session, Contract, contract_id)
        folder = (self.attachments_dir / contract_id).resolve()
        target = (folder / safe_file_name(source.name, fallback="file")).resolve()
        if target.parent != folder:  # belt and braces after safe_file_name
            raise ValidationErrors([ValidationError("signed_file", QT_TRANSLATE_NOOP(
                "Validation", "That file name cannot be used"))])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        with self._context.write() as session:
            contract = _common.load(session, Contract, contract_id)
            contract.signed_file = target.relative_to(self._data_dir.resolve()).as_posix()
            session.flush()
            return _record(session, contract)

    def signed_path(self, record: ContractRecord) -> Path | None:
        return self._data_dir / record.signed_file if record.signed_file else None

    def schedule_reminder(self, contract_id: str) -> ContractRecord:
        """An activity for the owner, due on the notice deadline (09:00 local), reminding
        the configured number of days before it; rescheduled when called again."""
        with self._context.read() as session:
            contract = _common.load(session, Contract, contract_id)
            days = load_settings(session).renewal_reminder_days
            deadline = notice_deadline(contract.end_date, contract.notice_days)
            due = datetime.combine(deadline, time(9)).astimezone().astimezone(UTC)
            draft = ActivityDraft(
                kind="task", subject=f"Renewal: {contract.number} — notice by {deadline}",
                due_at=due, remind_at=due - timedelta(days=days), owner_id=contract.owner_id,
                account_id=contract.account_id, opportunity_id=contract.opportunity_id)
            existing = contract.reminder_activity_id
        activity = self._activities.save(draft, existing)
        with self._context.write() as session:
            contract = _common.load(session, Contract, contract_id)
            contract.reminder_activity_id = activity.id
            session.flush()
            return _record(session, contract)

    def renewals(self, today: date | None = None, days: int = 90,
                 search: str = "") -> list[RenewalRow]:
        """Live draft/active contracts ending within *days*, soonest first; with *search*,
        those whose number or account name contains it."""
        today = today or date.today()
        query = (select(Contract, Account.name)
                 .outerjoin(Account, Account.id == Contract.account_id)
                 .where(Contract.deleted_at.is_(None),
                        Contract.status.in_(("draft", "active")),
                        Contract.end_date >= today,
                        Contract.end_date <= today + timedelta(days=days)))
        words = search.split()
        for word in words:  # every word somewhere: "海岸 2026" finds 青岛海岸's C-2026-…
            query = query.where(or_(Contract.number.contains(word, autoescape=True),
                                    Account.name.contains(word, autoescape=True)))
        with self._context.read() as session:
            rows = session.execute(query.order_by(Contract.end_date, Contract.pk)).all()
            return [RenewalRow(c.id, c.number, name or "", c.end_date,
                               notice_deadline(c.end_date, c.notice_days),
                               from_minor(c.value_minor, c.currency), c.currency,
                               c.auto_renew, c.status) for c, name in rows]

    def for_quote(self, quote_id: str) -> list[ContractRecord]:
        with self._context.read() as session:
            rows = session.scalars(select(Contract).where(Contract.quote_id == quote_id,
                                                          Contract.deleted_at.is_(None)))
            return [_record(session, row) for row in rows]

    def get(self, contract_id: str) -> ContractRecord:
        with self._context.read() as session:
            return _record(session, _common.load(session, Contract, contract_id,
                                                 include_deleted=True))

    def delete(self, contract_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Contract, contract_id)

    def restore(self, contract_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Contract, contract_id)


def _apply(contract: Contract, draft: ContractDraft) -> None:
    contract.start_date = draft.start_date
    contract.term_months = draft.term_months
    contract.end_date = contract_end(draft.start_date, draft.term_months)
    contract.billing_frequency = draft.billing_frequency
    contract.auto_renew = draft.auto_renew
    contract.notice_days = draft.notice_days
    contract.status = draft.status


def _record(session: Session, contract: Contract) -> ContractRecord:
    account_name = contact_name = ""
    if contract.account_id:
        account_name = session.scalar(select(Account.name).where(
            Account.id == contract.account_id)) or ""
    if contract.contact_id:
        contact_name = session.scalar(select(Contact.display_name).where(
            Contact.id == contract.contact_id)) or ""
    draft = ContractDraft(contract.start_date, contract.term_months,
                          contract.billing_frequency, contract.auto_renew,
                          contract.notice_days, contract.status)
    return ContractRecord(
        id=contract.id, version=contract.version, number=contract.number,
        quote_id=contract.quote_id, opportunity_id=contract.opportunity_id,
        account_id=contract.account_id, account_name=account_name,
        contact_name=contact_name, owner_id=contract.owner_id, currency=contract.currency,
        value=from_minor(contract.value_minor, contract.currency),
        lines=tuple(contract.lines or ()), draft=replace(draft),
        end_date=contract.end_date, signed_file=contract.signed_file,
        reminder_activity_id=contract.reminder_activity_id,
        deleted=contract.deleted_at is not None, created_at=contract.created_at,
        updated_at=contract.updated_at)
