# Generated from ui/activity_editor.ui by tools/build_forms.py: do not edit, edit the .ui file.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QToolButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_ActivityEditor(object):
    def setupUi(self, ActivityEditor):
        if not ActivityEditor.objectName():
            ActivityEditor.setObjectName(u"ActivityEditor")
        ActivityEditor.resize(620, 560)
        self.mainLayout = QVBoxLayout(ActivityEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.banner = QLabel(ActivityEditor)
        self.banner.setObjectName(u"banner")
        self.banner.setStyleSheet(u"background: #fff3e0; padding: 6px; border-radius: 4px;")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

        self.mainLayout.addWidget(self.banner)

        self.tabs = QTabWidget(ActivityEditor)
        self.tabs.setObjectName(u"tabs")
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsGrid = QGridLayout(self.detailsTab)
        self.detailsGrid.setObjectName(u"detailsGrid")
        self.kindLabel = QLabel(self.detailsTab)
        self.kindLabel.setObjectName(u"kindLabel")

        self.detailsGrid.addWidget(self.kindLabel, 0, 0, 1, 1)

        self.kindRow = QHBoxLayout()
        self.kindRow.setObjectName(u"kindRow")
        self.kind = QComboBox(self.detailsTab)
        self.kind.setObjectName(u"kind")

        self.kindRow.addWidget(self.kind)

        self.done = QCheckBox(self.detailsTab)
        self.done.setObjectName(u"done")

        self.kindRow.addWidget(self.done)

        self.kindSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindRow.addItem(self.kindSpacer)


        self.detailsGrid.addLayout(self.kindRow, 0, 1, 1, 1)

        self.subjectLabel = QLabel(self.detailsTab)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.detailsGrid.addWidget(self.subjectLabel, 1, 0, 1, 1)

        self.subject = QLineEdit(self.detailsTab)
        self.subject.setObjectName(u"subject")

        self.detailsGrid.addWidget(self.subject, 1, 1, 1, 1)

        self.subjectError = QLabel(self.detailsTab)
        self.subjectError.setObjectName(u"subjectError")
        self.subjectError.setStyleSheet(u"color: #c62828;")
        self.subjectError.setWordWrap(True)
        self.subjectError.setVisible(False)

        self.detailsGrid.addWidget(self.subjectError, 2, 1, 1, 1)

        self.dueLabel = QLabel(self.detailsTab)
        self.dueLabel.setObjectName(u"dueLabel")

        self.detailsGrid.addWidget(self.dueLabel, 3, 0, 1, 1)

        self.dueRow = QHBoxLayout()
        self.dueRow.setObjectName(u"dueRow")
        self.hasDue = QCheckBox(self.detailsTab)
        self.hasDue.setObjectName(u"hasDue")

        self.dueRow.addWidget(self.hasDue)

        self.dueAt = QDateTimeEdit(self.detailsTab)
        self.dueAt.setObjectName(u"dueAt")
        self.dueAt.setCalendarPopup(True)
        self.dueAt.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.dueRow.addWidget(self.dueAt)

        self.durationLabel = QLabel(self.detailsTab)
        self.durationLabel.setObjectName(u"durationLabel")

        self.dueRow.addWidget(self.durationLabel)

        self.duration = QSpinBox(self.detailsTab)
        self.duration.setObjectName(u"duration")
        self.duration.setMaximum(10080)
        self.duration.setSingleStep(15)

        self.dueRow.addWidget(self.duration)

        self.dueSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueRow.addItem(self.dueSpacer)


        self.detailsGrid.addLayout(self.dueRow, 3, 1, 1, 1)

        self.dueError = QLabel(self.detailsTab)
        self.dueError.setObjectName(u"dueError")
        self.dueError.setStyleSheet(u"color: #c62828;")
        self.dueError.setWordWrap(True)
        self.dueError.setVisible(False)

        self.detailsGrid.addWidget(self.dueError, 4, 1, 1, 1)

        self.reminderLabel = QLabel(self.detailsTab)
        self.reminderLabel.setObjectName(u"reminderLabel")

        self.detailsGrid.addWidget(self.reminderLabel, 5, 0, 1, 1)

        self.reminderRow = QHBoxLayout()
        self.reminderRow.setObjectName(u"reminderRow")
        self.reminder = QComboBox(self.detailsTab)
        self.reminder.setObjectName(u"reminder")

        self.reminderRow.addWidget(self.reminder)

        self.remindAt = QDateTimeEdit(self.detailsTab)
        self.remindAt.setObjectName(u"remindAt")
        self.remindAt.setCalendarPopup(True)
        self.remindAt.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.reminderRow.addWidget(self.remindAt)

        self.reminderSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reminderRow.addItem(self.reminderSpacer)


        self.detailsGrid.addLayout(self.reminderRow, 5, 1, 1, 1)

        self.reminderError = QLabel(self.detailsTab)
        self.reminderError.setObjectName(u"reminderError")
        self.reminderError.setStyleSheet(u"color: #c62828;")
        self.reminderError.setWordWrap(True)
        self.reminderError.setVisible(False)

        self.detailsGrid.addWidget(self.reminderError, 6, 1, 1, 1)

        self.recurrenceLabel = QLabel(self.detailsTab)
        self.recurrenceLabel.setObjectName(u"recurrenceLabel")

        self.detailsGrid.addWidget(self.recurrenceLabel, 7, 0, 1, 1)

        self.recurrence = QComboBox(self.detailsTab)
        self.recurrence.setObjectName(u"recurrence")

        self.detailsGrid.addWidget(self.recurrence, 7, 1, 1, 1)

        self.recurrenceError = QLabel(self.detailsTab)
        self.recurrenceError.setObjectName(u"recurrenceError")
        self.recurrenceError.setStyleSheet(u"color: #c62828;")
        self.recurrenceError.setWordWrap(True)
        self.recurrenceError.setVisible(False)

        self.detailsGrid.addWidget(self.recurrenceError, 8, 1, 1, 1)

        self.linkLabel = QLabel(self.detailsTab)
        self.linkLabel.setObjectName(u"linkLabel")

        self.detailsGrid.addWidget(self.linkLabel, 9, 0, 1, 1)

        self.linkRow = QHBoxLayout()
        self.linkRow.setObjectName(u"linkRow")
        self.linkName = QLabel(self.detailsTab)
        self.linkName.setObjectName(u"linkName")
        self.linkName.setTextFormat(Qt.PlainText)

        self.linkRow.addWidget(self.linkName)

        self.linkClear = QToolButton(self.detailsTab)
        self.linkClear.setObjectName(u"linkClear")

        self.linkRow.addWidget(self.linkClear)

        self.linkSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.linkRow.addItem(self.linkSpacer)


        self.detailsGrid.addLayout(self.linkRow, 9, 1, 1, 1)

        self.accountLabel = QLabel(self.detailsTab)
        self.accountLabel.setObjectName(u"accountLabel")

        self.detailsGrid.addWidget(self.accountLabel, 10, 0, 1, 1)

        self.accountHost = QWidget(self.detailsTab)
        self.accountHost.setObjectName(u"accountHost")
        self.accountHostLayout = QHBoxLayout(self.accountHost)
        self.accountHostLayout.setObjectName(u"accountHostLayout")
        self.accountHostLayout.setContentsMargins(0, 0, 0, 0)

        self.detailsGrid.addWidget(self.accountHost, 10, 1, 1, 1)

        self.accountError = QLabel(self.detailsTab)
        self.accountError.setObjectName(u"accountError")
        self.accountError.setStyleSheet(u"color: #c62828;")
        self.accountError.setWordWrap(True)
        self.accountError.setVisible(False)

        self.detailsGrid.addWidget(self.accountError, 11, 1, 1, 1)

        self.ownerLabel = QLabel(self.detailsTab)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.detailsGrid.addWidget(self.ownerLabel, 12, 0, 1, 1)

        self.owner = QComboBox(self.detailsTab)
        self.owner.setObjectName(u"owner")

        self.detailsGrid.addWidget(self.owner, 12, 1, 1, 1)

        self.notesLabel = QLabel(self.detailsTab)
        self.notesLabel.setObjectName(u"notesLabel")

        self.detailsGrid.addWidget(self.notesLabel, 13, 0, 1, 1)

        self.notes = QPlainTextEdit(self.detailsTab)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.detailsGrid.addWidget(self.notes, 13, 1, 1, 1)

        self.tabs.addTab(self.detailsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTree = QTreeWidget(self.historyTab)
        self.historyTree.setObjectName(u"historyTree")
        self.historyTree.setRootIsDecorated(True)
        self.historyTree.setAlternatingRowColors(True)

        self.historyLayout.addWidget(self.historyTree)

        self.tabs.addTab(self.historyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.timestamps = QLabel(ActivityEditor)
        self.timestamps.setObjectName(u"timestamps")
        self.timestamps.setStyleSheet(u"color: palette(mid);")

        self.mainLayout.addWidget(self.timestamps)

        self.buttons = QDialogButtonBox(ActivityEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kind)
        self.subjectLabel.setBuddy(self.subject)
        self.dueLabel.setBuddy(self.hasDue)
        self.durationLabel.setBuddy(self.duration)
        self.reminderLabel.setBuddy(self.reminder)
        self.recurrenceLabel.setBuddy(self.recurrence)
        self.linkLabel.setBuddy(self.linkClear)
        self.accountLabel.setBuddy(self.accountHost)
        self.ownerLabel.setBuddy(self.owner)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActivityEditor)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ActivityEditor)
    # setupUi

    def retranslateUi(self, ActivityEditor):
        ActivityEditor.setWindowTitle(QCoreApplication.translate("ActivityEditor", u"Activity", None))
        self.kindLabel.setText(QCoreApplication.translate("ActivityEditor", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.kind.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Kind", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.done.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Done", None))
#endif // QT_CONFIG(accessibility)
        self.done.setText(QCoreApplication.translate("ActivityEditor", u"D&one", None))
        self.subjectLabel.setText(QCoreApplication.translate("ActivityEditor", u"&Subject:", None))
#if QT_CONFIG(accessibility)
        self.subject.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Subject", None))
#endif // QT_CONFIG(accessibility)
        self.subject.setPlaceholderText(QCoreApplication.translate("ActivityEditor", u"e.g. Call about the quote", None))
        self.dueLabel.setText(QCoreApplication.translate("ActivityEditor", u"D&ue:", None))
#if QT_CONFIG(accessibility)
        self.hasDue.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Has a due time", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dueAt.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Due time", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.durationLabel.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Duration", None))
#endif // QT_CONFIG(accessibility)
        self.durationLabel.setText(QCoreApplication.translate("ActivityEditor", u"Du&ration:", None))
#if QT_CONFIG(accessibility)
        self.duration.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Duration in minutes", None))
#endif // QT_CONFIG(accessibility)
        self.duration.setSuffix(QCoreApplication.translate("ActivityEditor", u" min", None))
        self.reminderLabel.setText(QCoreApplication.translate("ActivityEditor", u"Re&minder:", None))
#if QT_CONFIG(accessibility)
        self.reminder.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Reminder", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.remindAt.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Reminder time", None))
#endif // QT_CONFIG(accessibility)
        self.recurrenceLabel.setText(QCoreApplication.translate("ActivityEditor", u"Re&peat:", None))
#if QT_CONFIG(accessibility)
        self.recurrence.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Repeat", None))
#endif // QT_CONFIG(accessibility)
        self.linkLabel.setText(QCoreApplication.translate("ActivityEditor", u"&Linked to:", None))
#if QT_CONFIG(accessibility)
        self.linkName.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Linked record", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.linkClear.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Remove link", None))
#endif // QT_CONFIG(accessibility)
        self.linkClear.setText(QCoreApplication.translate("ActivityEditor", u"Remove link", None))
        self.accountLabel.setText(QCoreApplication.translate("ActivityEditor", u"&Account:", None))
        self.ownerLabel.setText(QCoreApplication.translate("ActivityEditor", u"O&wner:", None))
#if QT_CONFIG(accessibility)
        self.owner.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("ActivityEditor", u"No&tes:", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("ActivityEditor", u"&Details", None))
        ___qtreewidgetitem = self.historyTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ActivityEditor", u"What / new value", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ActivityEditor", u"Who / old value", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ActivityEditor", u"When / field", None))
#if QT_CONFIG(accessibility)
        self.historyTree.setAccessibleName(QCoreApplication.translate("ActivityEditor", u"Change history", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("ActivityEditor", u"&History", None))
    # retranslateUi

