# Generated from ui/lead_editor.ui by tools/build_forms.py: do not edit, edit the .ui file.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lead_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_LeadEditor(object):
    def setupUi(self, LeadEditor):
        if not LeadEditor.objectName():
            LeadEditor.setObjectName(u"LeadEditor")
        LeadEditor.resize(820, 640)
        self.mainLayout = QVBoxLayout(LeadEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.banner = QLabel(LeadEditor)
        self.banner.setObjectName(u"banner")
        self.banner.setStyleSheet(u"background: #fff3e0; padding: 6px; border-radius: 4px;")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

        self.mainLayout.addWidget(self.banner)

        self.convertedBanner = QLabel(LeadEditor)
        self.convertedBanner.setObjectName(u"convertedBanner")
        self.convertedBanner.setStyleSheet(u"background: #e8f5e9; padding: 6px; border-radius: 4px;")
        self.convertedBanner.setWordWrap(True)
        self.convertedBanner.setTextFormat(Qt.RichText)
        self.convertedBanner.setVisible(False)

        self.mainLayout.addWidget(self.convertedBanner)

        self.duplicateWarning = QLabel(LeadEditor)
        self.duplicateWarning.setObjectName(u"duplicateWarning")
        self.duplicateWarning.setStyleSheet(u"background: #fff8e1; padding: 6px; border-radius: 4px;")
        self.duplicateWarning.setWordWrap(True)
        self.duplicateWarning.setTextFormat(Qt.RichText)
        self.duplicateWarning.setVisible(False)

        self.mainLayout.addWidget(self.duplicateWarning)

        self.tabs = QTabWidget(LeadEditor)
        self.tabs.setObjectName(u"tabs")
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsGrid = QGridLayout(self.detailsTab)
        self.detailsGrid.setObjectName(u"detailsGrid")
        self.familyNameLabel = QLabel(self.detailsTab)
        self.familyNameLabel.setObjectName(u"familyNameLabel")

        self.detailsGrid.addWidget(self.familyNameLabel, 0, 0, 1, 1)

        self.familyName = QLineEdit(self.detailsTab)
        self.familyName.setObjectName(u"familyName")

        self.detailsGrid.addWidget(self.familyName, 0, 1, 1, 1)

        self.familyNameError = QLabel(self.detailsTab)
        self.familyNameError.setObjectName(u"familyNameError")
        self.familyNameError.setStyleSheet(u"color: #c62828;")
        self.familyNameError.setWordWrap(True)
        self.familyNameError.setVisible(False)

        self.detailsGrid.addWidget(self.familyNameError, 1, 1, 1, 1)

        self.givenNameLabel = QLabel(self.detailsTab)
        self.givenNameLabel.setObjectName(u"givenNameLabel")

        self.detailsGrid.addWidget(self.givenNameLabel, 2, 0, 1, 1)

        self.givenName = QLineEdit(self.detailsTab)
        self.givenName.setObjectName(u"givenName")

        self.detailsGrid.addWidget(self.givenName, 2, 1, 1, 1)

        self.companyLabel = QLabel(self.detailsTab)
        self.companyLabel.setObjectName(u"companyLabel")

        self.detailsGrid.addWidget(self.companyLabel, 3, 0, 1, 1)

        self.company = QLineEdit(self.detailsTab)
        self.company.setObjectName(u"company")

        self.detailsGrid.addWidget(self.company, 3, 1, 1, 1)

        self.titleLabel = QLabel(self.detailsTab)
        self.titleLabel.setObjectName(u"titleLabel")

        self.detailsGrid.addWidget(self.titleLabel, 4, 0, 1, 1)

        self.title = QLineEdit(self.detailsTab)
        self.title.setObjectName(u"title")

        self.detailsGrid.addWidget(self.title, 4, 1, 1, 1)

        self.emailLabel = QLabel(self.detailsTab)
        self.emailLabel.setObjectName(u"emailLabel")

        self.detailsGrid.addWidget(self.emailLabel, 5, 0, 1, 1)

        self.email = QLineEdit(self.detailsTab)
        self.email.setObjectName(u"email")

        self.detailsGrid.addWidget(self.email, 5, 1, 1, 1)

        self.emailError = QLabel(self.detailsTab)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setStyleSheet(u"color: #c62828;")
        self.emailError.setWordWrap(True)
        self.emailError.setVisible(False)

        self.detailsGrid.addWidget(self.emailError, 6, 1, 1, 1)

        self.phoneLabel = QLabel(self.detailsTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.detailsGrid.addWidget(self.phoneLabel, 7, 0, 1, 1)

        self.phone = QLineEdit(self.detailsTab)
        self.phone.setObjectName(u"phone")

        self.detailsGrid.addWidget(self.phone, 7, 1, 1, 1)

        self.phoneError = QLabel(self.detailsTab)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setStyleSheet(u"color: #c62828;")
        self.phoneError.setWordWrap(True)
        self.phoneError.setVisible(False)

        self.detailsGrid.addWidget(self.phoneError, 8, 1, 1, 1)

        self.sourceLabel = QLabel(self.detailsTab)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.detailsGrid.addWidget(self.sourceLabel, 9, 0, 1, 1)

        self.source = QComboBox(self.detailsTab)
        self.source.setObjectName(u"source")

        self.detailsGrid.addWidget(self.source, 9, 1, 1, 1)

        self.statusLabel = QLabel(self.detailsTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.detailsGrid.addWidget(self.statusLabel, 10, 0, 1, 1)

        self.status = QComboBox(self.detailsTab)
        self.status.setObjectName(u"status")

        self.detailsGrid.addWidget(self.status, 10, 1, 1, 1)

        self.statusError = QLabel(self.detailsTab)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setStyleSheet(u"color: #c62828;")
        self.statusError.setWordWrap(True)
        self.statusError.setVisible(False)

        self.detailsGrid.addWidget(self.statusError, 11, 1, 1, 1)

        self.companySizeLabel = QLabel(self.detailsTab)
        self.companySizeLabel.setObjectName(u"companySizeLabel")

        self.detailsGrid.addWidget(self.companySizeLabel, 12, 0, 1, 1)

        self.companySize = QSpinBox(self.detailsTab)
        self.companySize.setObjectName(u"companySize")
        self.companySize.setMaximum(10000000)

        self.detailsGrid.addWidget(self.companySize, 12, 1, 1, 1)

        self.cityLabel = QLabel(self.detailsTab)
        self.cityLabel.setObjectName(u"cityLabel")

        self.detailsGrid.addWidget(self.cityLabel, 13, 0, 1, 1)

        self.city = QLineEdit(self.detailsTab)
        self.city.setObjectName(u"city")

        self.detailsGrid.addWidget(self.city, 13, 1, 1, 1)

        self.countryLabel = QLabel(self.detailsTab)
        self.countryLabel.setObjectName(u"countryLabel")

        self.detailsGrid.addWidget(self.countryLabel, 14, 0, 1, 1)

        self.country = QLineEdit(self.detailsTab)
        self.country.setObjectName(u"country")

        self.detailsGrid.addWidget(self.country, 14, 1, 1, 1)

        self.ownerLabel = QLabel(self.detailsTab)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.detailsGrid.addWidget(self.ownerLabel, 15, 0, 1, 1)

        self.owner = QComboBox(self.detailsTab)
        self.owner.setObjectName(u"owner")

        self.detailsGrid.addWidget(self.owner, 15, 1, 1, 1)

        self.notesLabel = QLabel(self.detailsTab)
        self.notesLabel.setObjectName(u"notesLabel")

        self.detailsGrid.addWidget(self.notesLabel, 16, 0, 1, 1)

        self.notes = QPlainTextEdit(self.detailsTab)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.detailsGrid.addWidget(self.notes, 16, 1, 1, 1)

        self.scoreBox = QGroupBox(self.detailsTab)
        self.scoreBox.setObjectName(u"scoreBox")
        self.scoreBox.setMinimumSize(QSize(220, 0))
        self.scoreLayout = QVBoxLayout(self.scoreBox)
        self.scoreLayout.setObjectName(u"scoreLayout")
        self.scoreValue = QLabel(self.scoreBox)
        self.scoreValue.setObjectName(u"scoreValue")
        self.scoreValue.setStyleSheet(u"font-size: 28px; font-weight: bold;")

        self.scoreLayout.addWidget(self.scoreValue)

        self.scoreReasons = QLabel(self.scoreBox)
        self.scoreReasons.setObjectName(u"scoreReasons")
        self.scoreReasons.setWordWrap(True)
        self.scoreReasons.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.scoreLayout.addWidget(self.scoreReasons)

        self.scoreSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scoreLayout.addItem(self.scoreSpacer)


        self.detailsGrid.addWidget(self.scoreBox, 0, 2, 12, 1)

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

        self.timestamps = QLabel(LeadEditor)
        self.timestamps.setObjectName(u"timestamps")
        self.timestamps.setStyleSheet(u"color: palette(mid);")

        self.mainLayout.addWidget(self.timestamps)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.convertButton = QPushButton(LeadEditor)
        self.convertButton.setObjectName(u"convertButton")

        self.bottomRow.addWidget(self.convertButton)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(LeadEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.bottomRow.addWidget(self.buttons)


        self.mainLayout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.familyNameLabel.setBuddy(self.familyName)
        self.givenNameLabel.setBuddy(self.givenName)
        self.companyLabel.setBuddy(self.company)
        self.titleLabel.setBuddy(self.title)
        self.emailLabel.setBuddy(self.email)
        self.phoneLabel.setBuddy(self.phone)
        self.sourceLabel.setBuddy(self.source)
        self.statusLabel.setBuddy(self.status)
        self.companySizeLabel.setBuddy(self.companySize)
        self.cityLabel.setBuddy(self.city)
        self.countryLabel.setBuddy(self.country)
        self.ownerLabel.setBuddy(self.owner)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LeadEditor)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(LeadEditor)
    # setupUi

    def retranslateUi(self, LeadEditor):
        LeadEditor.setWindowTitle(QCoreApplication.translate("LeadEditor", u"Lead", None))
        self.familyNameLabel.setText(QCoreApplication.translate("LeadEditor", u"&Family name:", None))
#if QT_CONFIG(accessibility)
        self.familyName.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Family name", None))
#endif // QT_CONFIG(accessibility)
        self.givenNameLabel.setText(QCoreApplication.translate("LeadEditor", u"&Given name:", None))
#if QT_CONFIG(accessibility)
        self.givenName.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Given name", None))
#endif // QT_CONFIG(accessibility)
        self.companyLabel.setText(QCoreApplication.translate("LeadEditor", u"Co&mpany:", None))
#if QT_CONFIG(accessibility)
        self.company.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Company", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("LeadEditor", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("LeadEditor", u"&Email:", None))
#if QT_CONFIG(accessibility)
        self.email.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("LeadEditor", u"&Phone:", None))
#if QT_CONFIG(accessibility)
        self.phone.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.sourceLabel.setText(QCoreApplication.translate("LeadEditor", u"&Source:", None))
#if QT_CONFIG(accessibility)
        self.source.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Source", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("LeadEditor", u"St&atus:", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.companySizeLabel.setText(QCoreApplication.translate("LeadEditor", u"Company si&ze:", None))
#if QT_CONFIG(accessibility)
        self.companySize.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Company size (employees)", None))
#endif // QT_CONFIG(accessibility)
        self.companySize.setSpecialValueText(QCoreApplication.translate("LeadEditor", u"unknown", None))
        self.companySize.setSuffix(QCoreApplication.translate("LeadEditor", u" employees", None))
        self.cityLabel.setText(QCoreApplication.translate("LeadEditor", u"C&ity:", None))
#if QT_CONFIG(accessibility)
        self.city.setAccessibleName(QCoreApplication.translate("LeadEditor", u"City", None))
#endif // QT_CONFIG(accessibility)
        self.countryLabel.setText(QCoreApplication.translate("LeadEditor", u"Countr&y:", None))
#if QT_CONFIG(accessibility)
        self.country.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.ownerLabel.setText(QCoreApplication.translate("LeadEditor", u"O&wner:", None))
#if QT_CONFIG(accessibility)
        self.owner.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("LeadEditor", u"&Notes:", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.scoreBox.setTitle(QCoreApplication.translate("LeadEditor", u"Lead score", None))
#if QT_CONFIG(accessibility)
        self.scoreValue.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Score", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scoreReasons.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Score reasons", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("LeadEditor", u"&Details", None))
        ___qtreewidgetitem = self.historyTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("LeadEditor", u"What / new value", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("LeadEditor", u"Who / old value", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("LeadEditor", u"When / field", None))
#if QT_CONFIG(accessibility)
        self.historyTree.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Change history", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("LeadEditor", u"&History", None))
        self.convertButton.setText(QCoreApplication.translate("LeadEditor", u"Con&vert\u2026", None))
#if QT_CONFIG(tooltip)
        self.convertButton.setToolTip(QCoreApplication.translate("LeadEditor", u"Convert into an account, a contact and an opportunity (Ctrl+Shift+V)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.convertButton.setAccessibleName(QCoreApplication.translate("LeadEditor", u"Convert lead", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

