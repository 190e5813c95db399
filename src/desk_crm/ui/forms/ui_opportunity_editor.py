# Generated from ui/opportunity_editor.ui by tools/build_forms.py: do not edit, edit the .ui file.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'opportunity_editor.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QTabWidget, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_OpportunityEditor(object):
    def setupUi(self, OpportunityEditor):
        if not OpportunityEditor.objectName():
            OpportunityEditor.setObjectName(u"OpportunityEditor")
        OpportunityEditor.resize(760, 640)
        self.mainLayout = QVBoxLayout(OpportunityEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.banner = QLabel(OpportunityEditor)
        self.banner.setObjectName(u"banner")
        self.banner.setStyleSheet(u"background: #fff3e0; padding: 6px; border-radius: 4px;")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

        self.mainLayout.addWidget(self.banner)

        self.tabs = QTabWidget(OpportunityEditor)
        self.tabs.setObjectName(u"tabs")
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsGrid = QGridLayout(self.detailsTab)
        self.detailsGrid.setObjectName(u"detailsGrid")
        self.nameLabel = QLabel(self.detailsTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.detailsGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.name = QLineEdit(self.detailsTab)
        self.name.setObjectName(u"name")

        self.detailsGrid.addWidget(self.name, 0, 1, 1, 1)

        self.nameError = QLabel(self.detailsTab)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #c62828;")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.detailsGrid.addWidget(self.nameError, 1, 1, 1, 1)

        self.accountLabel = QLabel(self.detailsTab)
        self.accountLabel.setObjectName(u"accountLabel")

        self.detailsGrid.addWidget(self.accountLabel, 2, 0, 1, 1)

        self.accountLayout = QHBoxLayout()
        self.accountLayout.setObjectName(u"accountLayout")

        self.detailsGrid.addLayout(self.accountLayout, 2, 1, 1, 1)

        self.accountError = QLabel(self.detailsTab)
        self.accountError.setObjectName(u"accountError")
        self.accountError.setStyleSheet(u"color: #c62828;")
        self.accountError.setWordWrap(True)
        self.accountError.setVisible(False)

        self.detailsGrid.addWidget(self.accountError, 3, 1, 1, 1)

        self.contactLabel = QLabel(self.detailsTab)
        self.contactLabel.setObjectName(u"contactLabel")

        self.detailsGrid.addWidget(self.contactLabel, 4, 0, 1, 1)

        self.contact = QComboBox(self.detailsTab)
        self.contact.setObjectName(u"contact")

        self.detailsGrid.addWidget(self.contact, 4, 1, 1, 1)

        self.amountLabel = QLabel(self.detailsTab)
        self.amountLabel.setObjectName(u"amountLabel")

        self.detailsGrid.addWidget(self.amountLabel, 5, 0, 1, 1)

        self.amountLayout = QHBoxLayout()
        self.amountLayout.setObjectName(u"amountLayout")
        self.amountEdit = QLineEdit(self.detailsTab)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setPlaceholderText(u"1,234.50")

        self.amountLayout.addWidget(self.amountEdit)

        self.currency = QComboBox(self.detailsTab)
        self.currency.setObjectName(u"currency")

        self.amountLayout.addWidget(self.currency)


        self.detailsGrid.addLayout(self.amountLayout, 5, 1, 1, 1)

        self.amountError = QLabel(self.detailsTab)
        self.amountError.setObjectName(u"amountError")
        self.amountError.setStyleSheet(u"color: #c62828;")
        self.amountError.setWordWrap(True)
        self.amountError.setVisible(False)

        self.detailsGrid.addWidget(self.amountError, 6, 1, 1, 1)

        self.weightedLabel = QLabel(self.detailsTab)
        self.weightedLabel.setObjectName(u"weightedLabel")

        self.detailsGrid.addWidget(self.weightedLabel, 7, 0, 1, 1)

        self.weighted = QLabel(self.detailsTab)
        self.weighted.setObjectName(u"weighted")

        self.detailsGrid.addWidget(self.weighted, 7, 1, 1, 1)

        self.closeDateLabel = QLabel(self.detailsTab)
        self.closeDateLabel.setObjectName(u"closeDateLabel")

        self.detailsGrid.addWidget(self.closeDateLabel, 8, 0, 1, 1)

        self.closeDateLayout = QHBoxLayout()
        self.closeDateLayout.setObjectName(u"closeDateLayout")
        self.closeDateEdit = QDateEdit(self.detailsTab)
        self.closeDateEdit.setObjectName(u"closeDateEdit")
        self.closeDateEdit.setCalendarPopup(True)
        self.closeDateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.closeDateLayout.addWidget(self.closeDateEdit)

        self.noCloseDate = QCheckBox(self.detailsTab)
        self.noCloseDate.setObjectName(u"noCloseDate")

        self.closeDateLayout.addWidget(self.noCloseDate)


        self.detailsGrid.addLayout(self.closeDateLayout, 8, 1, 1, 1)

        self.stageLabel = QLabel(self.detailsTab)
        self.stageLabel.setObjectName(u"stageLabel")

        self.detailsGrid.addWidget(self.stageLabel, 9, 0, 1, 1)

        self.stage = QComboBox(self.detailsTab)
        self.stage.setObjectName(u"stage")

        self.detailsGrid.addWidget(self.stage, 9, 1, 1, 1)

        self.stageError = QLabel(self.detailsTab)
        self.stageError.setObjectName(u"stageError")
        self.stageError.setStyleSheet(u"color: #c62828;")
        self.stageError.setWordWrap(True)
        self.stageError.setVisible(False)

        self.detailsGrid.addWidget(self.stageError, 10, 1, 1, 1)

        self.probabilityLabel = QLabel(self.detailsTab)
        self.probabilityLabel.setObjectName(u"probabilityLabel")

        self.detailsGrid.addWidget(self.probabilityLabel, 11, 0, 1, 1)

        self.probability = QLineEdit(self.detailsTab)
        self.probability.setObjectName(u"probability")

        self.detailsGrid.addWidget(self.probability, 11, 1, 1, 1)

        self.probabilityError = QLabel(self.detailsTab)
        self.probabilityError.setObjectName(u"probabilityError")
        self.probabilityError.setStyleSheet(u"color: #c62828;")
        self.probabilityError.setWordWrap(True)
        self.probabilityError.setVisible(False)

        self.detailsGrid.addWidget(self.probabilityError, 12, 1, 1, 1)

        self.ownerLabel = QLabel(self.detailsTab)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.detailsGrid.addWidget(self.ownerLabel, 13, 0, 1, 1)

        self.owner = QComboBox(self.detailsTab)
        self.owner.setObjectName(u"owner")

        self.detailsGrid.addWidget(self.owner, 13, 1, 1, 1)

        self.nextStepLabel = QLabel(self.detailsTab)
        self.nextStepLabel.setObjectName(u"nextStepLabel")

        self.detailsGrid.addWidget(self.nextStepLabel, 14, 0, 1, 1)

        self.nextStep = QLineEdit(self.detailsTab)
        self.nextStep.setObjectName(u"nextStep")

        self.detailsGrid.addWidget(self.nextStep, 14, 1, 1, 1)

        self.outcomeReasonLabel = QLabel(self.detailsTab)
        self.outcomeReasonLabel.setObjectName(u"outcomeReasonLabel")

        self.detailsGrid.addWidget(self.outcomeReasonLabel, 15, 0, 1, 1)

        self.outcomeReason = QLineEdit(self.detailsTab)
        self.outcomeReason.setObjectName(u"outcomeReason")

        self.detailsGrid.addWidget(self.outcomeReason, 15, 1, 1, 1)

        self.outcomeReasonError = QLabel(self.detailsTab)
        self.outcomeReasonError.setObjectName(u"outcomeReasonError")
        self.outcomeReasonError.setStyleSheet(u"color: #c62828;")
        self.outcomeReasonError.setWordWrap(True)
        self.outcomeReasonError.setVisible(False)

        self.detailsGrid.addWidget(self.outcomeReasonError, 16, 1, 1, 1)

        self.notesLabel = QLabel(self.detailsTab)
        self.notesLabel.setObjectName(u"notesLabel")

        self.detailsGrid.addWidget(self.notesLabel, 17, 0, 1, 1)

        self.notes = QPlainTextEdit(self.detailsTab)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.detailsGrid.addWidget(self.notes, 17, 1, 1, 1)

        self.tabs.addTab(self.detailsTab, "")
        self.stagesTab = QWidget()
        self.stagesTab.setObjectName(u"stagesTab")
        self.stagesLayout = QVBoxLayout(self.stagesTab)
        self.stagesLayout.setObjectName(u"stagesLayout")
        self.stageHistoryTree = QTreeWidget(self.stagesTab)
        self.stageHistoryTree.setObjectName(u"stageHistoryTree")
        self.stageHistoryTree.setRootIsDecorated(False)
        self.stageHistoryTree.setAlternatingRowColors(True)

        self.stagesLayout.addWidget(self.stageHistoryTree)

        self.tabs.addTab(self.stagesTab, "")
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

        self.timestamps = QLabel(OpportunityEditor)
        self.timestamps.setObjectName(u"timestamps")
        self.timestamps.setStyleSheet(u"color: palette(mid);")

        self.mainLayout.addWidget(self.timestamps)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.buttons = QDialogButtonBox(OpportunityEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.bottomRow.addWidget(self.buttons)


        self.mainLayout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.contactLabel.setBuddy(self.contact)
        self.amountLabel.setBuddy(self.amountEdit)
        self.closeDateLabel.setBuddy(self.closeDateEdit)
        self.stageLabel.setBuddy(self.stage)
        self.probabilityLabel.setBuddy(self.probability)
        self.ownerLabel.setBuddy(self.owner)
        self.nextStepLabel.setBuddy(self.nextStep)
        self.outcomeReasonLabel.setBuddy(self.outcomeReason)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OpportunityEditor)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(OpportunityEditor)
    # setupUi

    def retranslateUi(self, OpportunityEditor):
        OpportunityEditor.setWindowTitle(QCoreApplication.translate("OpportunityEditor", u"Opportunity", None))
        self.nameLabel.setText(QCoreApplication.translate("OpportunityEditor", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.name.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.accountLabel.setText(QCoreApplication.translate("OpportunityEditor", u"&Account:", None))
        self.contactLabel.setText(QCoreApplication.translate("OpportunityEditor", u"Primary &contact:", None))
#if QT_CONFIG(accessibility)
        self.contact.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Primary contact", None))
#endif // QT_CONFIG(accessibility)
        self.amountLabel.setText(QCoreApplication.translate("OpportunityEditor", u"A&mount:", None))
#if QT_CONFIG(accessibility)
        self.amountEdit.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Amount", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.currency.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Currency", None))
#endif // QT_CONFIG(accessibility)
        self.weightedLabel.setText(QCoreApplication.translate("OpportunityEditor", u"Weighted:", None))
#if QT_CONFIG(accessibility)
        self.weighted.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Weighted amount", None))
#endif // QT_CONFIG(accessibility)
        self.closeDateLabel.setText(QCoreApplication.translate("OpportunityEditor", u"E&xpected close:", None))
#if QT_CONFIG(accessibility)
        self.closeDateEdit.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Expected close date", None))
#endif // QT_CONFIG(accessibility)
        self.noCloseDate.setText(QCoreApplication.translate("OpportunityEditor", u"No date", None))
#if QT_CONFIG(accessibility)
        self.noCloseDate.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"No expected close date", None))
#endif // QT_CONFIG(accessibility)
        self.stageLabel.setText(QCoreApplication.translate("OpportunityEditor", u"&Stage:", None))
#if QT_CONFIG(accessibility)
        self.stage.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Stage", None))
#endif // QT_CONFIG(accessibility)
        self.probabilityLabel.setText(QCoreApplication.translate("OpportunityEditor", u"&Probability %:", None))
#if QT_CONFIG(accessibility)
        self.probability.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Probability %", None))
#endif // QT_CONFIG(accessibility)
        self.probability.setPlaceholderText(QCoreApplication.translate("OpportunityEditor", u"stage default", None))
        self.ownerLabel.setText(QCoreApplication.translate("OpportunityEditor", u"O&wner:", None))
#if QT_CONFIG(accessibility)
        self.owner.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.nextStepLabel.setText(QCoreApplication.translate("OpportunityEditor", u"N&ext step:", None))
#if QT_CONFIG(accessibility)
        self.nextStep.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Next step", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeReasonLabel.setText(QCoreApplication.translate("OpportunityEditor", u"Won/lost &reason:", None))
#if QT_CONFIG(accessibility)
        self.outcomeReason.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Won/lost reason", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("OpportunityEditor", u"N&otes:", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("OpportunityEditor", u"&Details", None))
        ___qtreewidgetitem = self.stageHistoryTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("OpportunityEditor", u"Time in stage", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("OpportunityEditor", u"Left", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("OpportunityEditor", u"Entered", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("OpportunityEditor", u"Stage", None))
#if QT_CONFIG(accessibility)
        self.stageHistoryTree.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Stage history", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.stagesTab), QCoreApplication.translate("OpportunityEditor", u"S&tage history", None))
        ___qtreewidgetitem1 = self.historyTree.headerItem()
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("OpportunityEditor", u"What / new value", None))
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("OpportunityEditor", u"Who / old value", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("OpportunityEditor", u"When / field", None))
#if QT_CONFIG(accessibility)
        self.historyTree.setAccessibleName(QCoreApplication.translate("OpportunityEditor", u"Change history", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("OpportunityEditor", u"&History", None))
    # retranslateUi

