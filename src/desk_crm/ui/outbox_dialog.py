"""The outbox: every composed mail with its status, attempts and last error; Send now (a
background operation over SMTP with progress and Stop), Retry and Cancel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.services.bundle import Services
from desk_crm.services.mail_sender import INTERRUPTED, MailSender, SendReport
from desk_crm.ui.columns import local_time
from desk_crm.ui.operations import BackgroundOperation, Progress
from desk_crm.ui.smtp_settings_dialog import keep_password, password_for
from desk_crm.ui.widgets.empty_state import EmptyState

translate = QCoreApplication.translate


def mail_status_titles() -> dict[str, str]:
    return {"queued": translate("Mail", "Queued"), "sending": translate("Mail", "Sending"),
            "sent": translate("Mail", "Sent"), "failed": translate("Mail", "Failed"),
            "cancelled": translate("Mail", "Cancelled")}


class OutboxDialog(QDialog):
    """Signals:
        mails_sent(): a send run finished (activities were logged on contacts).
    """

    mails_sent = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.operation: BackgroundOperation | None = None
        self.setObjectName("outboxDialog")
        self.setWindowTitle(self.tr("Outbox"))
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("outboxSummary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("outboxTable")
        self.table.setAccessibleName(self.tr("Outbox"))
        self.table.setHorizontalHeaderLabels([
            self.tr("To"), self.tr("Subject"), self.tr("Campaign"), self.tr("Status"),
            self.tr("Attempts"), self.tr("Next try / sent"), self.tr("Last error")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate((220, 240, 140, 80, 70, 130)):
            self.table.setColumnWidth(column, width)
        self.empty_state = EmptyState(self.table, self.tr(
            "The outbox is empty. E-mails sent to contacts or campaign members wait here "
            "until the mail server has taken them."))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.send_button = QPushButton(self.tr("&Send now"), self)
        self.send_button.setObjectName("sendNow")
        self.send_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.cancel_button = QPushButton(self.tr("Ca&ncel mail"), self)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        close = QPushButton(self.tr("Close"), self)
        for button in (self.send_button, self.retry_button, self.cancel_button,
                       self.refresh_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.refresh_button.clicked.connect(self.reload)
        close.clicked.connect(self.accept)
        self.reload()

    @Slot()
    def reload(self) -> None:
        rows = self.services.mail.rows()
        titles = mail_status_titles()
        self.table.setRowCount(len(rows))
        for index, mail in enumerate(rows):
            when = mail.sent_at if mail.status == "sent" else mail.next_attempt_at
            for column, text in enumerate((
                    f"{mail.to_name} <{mail.to_address}>", mail.subject, mail.campaign_name,
                    titles.get(mail.status, mail.status), str(mail.attempts),
                    local_time(when), self.error_text(mail.last_error))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, mail.id)
                self.table.setItem(index, column, item)
        counts = self.services.mail.counts()
        self.summary.setText(", ".join(f"{titles[s]}: {counts.get(s, 0)}"
                                       for s in ("queued", "sending", "sent", "failed",
                                                 "cancelled")))
        self.send_button.setEnabled(self.operation is None and counts.get("queued", 0) > 0)

    def error_text(self, error: str) -> str:
        """The sender's fixed reasons in the user's language; server replies as they came."""
        if error.startswith(INTERRUPTED):
            return self.tr("Interrupted while sending: it may have been delivered. Check "
                           "before you retry.") + error[len(INTERRUPTED):]
        known = {"opted out": self.tr("Opted out since it was queued"),
                 "address bounced": self.tr("The address bounced since it was queued"),
                 "contact deleted": self.tr("The contact was deleted")}
        return known.get(error, error)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in rows]

    @Slot()
    def _on_retry_button_clicked(self) -> None:
        self.services.mail.retry(self.selected_ids())
        self.reload()

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        self.services.mail.cancel(self.selected_ids())
        self.reload()

    @Slot()
    def _on_send_button_clicked(self) -> None:
        settings = self.services.smtp.get()
        if not settings.configured:
            QMessageBox.information(self, self.tr("Outbox"), self.tr(
                "Set up the mail server first (Settings → Mail server…)."))
            return
        password = password_for(settings) if settings.username else ""
        if settings.username and password is None:
            password, ok = QInputDialog.getText(
                self, self.tr("Mail server"),
                self.tr("Password for %1:").replace("%1", settings.keyring_account),
                QLineEdit.EchoMode.Password)
            if not ok:
                return
            keep_password(settings, password)
        sender = MailSender(self.services.context, settings, password)

        def work(progress: Progress) -> SendReport:
            return sender.send_due(should_stop=lambda: progress.cancelled,
                                   progress=lambda done, total: progress.report(
                                       done, total))

        self.operation = BackgroundOperation(self, work, title=self.tr("Sending e-mail"))
        self.operation.succeeded.connect(self._on_operation_succeeded)
        self.operation.failed.connect(self._on_operation_done)
        self.operation.cancelled.connect(self._on_operation_done)
        self.send_button.setEnabled(False)
        self.operation.start()

    @Slot(object)
    def _on_operation_succeeded(self, report: Any) -> None:
        self._on_operation_done()
        if report.server_down:
            QMessageBox.warning(self, self.tr("Outbox"), self.tr(
                "The mail server could not be reached; the mails stay queued and are tried "
                "again later.\n\n%1").replace("%1", report.error))
        else:
            QMessageBox.information(self, self.tr("Outbox"), self.tr(
                "Sent: %1 · to retry later: %2 · failed: %3 · left out (opted out or "
                "bounced): %4").replace("%1", str(report.sent))
                .replace("%2", str(report.requeued)).replace("%3", str(report.failed))
                .replace("%4", str(report.skipped)))

    @Slot()
    def _on_operation_done(self, *_args: object) -> None:
        self.operation = None
        self.mails_sent.emit()
        self.reload()
