# Generated from ui/account_editor.ui by tools/build_forms.py: do not edit, edit the .ui file.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_AccountEditor(object):
    def setupUi(self, AccountEditor):
        if not AccountEditor.objectName():
            AccountEditor.setObjectName(u"AccountEditor")
        AccountEditor.resize(720, 680)
        self.mainLayout = QVBoxLayout(AccountEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.banner = QLabel(AccountEditor)
        self.banner.setObjectName(u"banner")
        self.banner.setStyleSheet(u"background: #fff3e0; padding: 6px; border-radius: 4px;")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

        self.mainLayout.addWidget(self.banner)

        self.tabs = QTabWidget(AccountEditor)
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

        self.industryLabel = QLabel(self.detailsTab)
        self.industryLabel.setObjectName(u"industryLabel")

        self.detailsGrid.addWidget(self.industryLabel, 2, 0, 1, 1)

        self.industry = QLineEdit(self.detailsTab)
        self.industry.setObjectName(u"industry")

        self.detailsGrid.addWidget(self.industry, 2, 1, 1, 1)

        self.websiteLabel = QLabel(self.detailsTab)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.detailsGrid.addWidget(self.websiteLabel, 3, 0, 1, 1)

        self.website = QLineEdit(self.detailsTab)
        self.website.setObjectName(u"website")

        self.detailsGrid.addWidget(self.website, 3, 1, 1, 1)

        self.websiteError = QLabel(self.detailsTab)
        self.websiteError.setObjectName(u"websiteError")
        self.websiteError.setStyleSheet(u"color: #c62828;")
        self.websiteError.setWordWrap(True)
        self.websiteError.setVisible(False)

        self.detailsGrid.addWidget(self.websiteError, 4, 1, 1, 1)

        self.phoneLabel = QLabel(self.detailsTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.detailsGrid.addWidget(self.phoneLabel, 5, 0, 1, 1)

        self.phone = QLineEdit(self.detailsTab)
        self.phone.setObjectName(u"phone")

        self.detailsGrid.addWidget(self.phone, 5, 1, 1, 1)

        self.phoneError = QLabel(self.detailsTab)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setStyleSheet(u"color: #c62828;")
        self.phoneError.setWordWrap(True)
        self.phoneError.setVisible(False)

        self.detailsGrid.addWidget(self.phoneError, 6, 1, 1, 1)

        self.emailLabel = QLabel(self.detailsTab)
        self.emailLabel.setObjectName(u"emailLabel")

        self.detailsGrid.addWidget(self.emailLabel, 7, 0, 1, 1)

        self.email = QLineEdit(self.detailsTab)
        self.email.setObjectName(u"email")

        self.detailsGrid.addWidget(self.email, 7, 1, 1, 1)

        self.emailError = QLabel(self.detailsTab)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setStyleSheet(u"color: #c62828;")
        self.emailError.setWordWrap(True)
        self.emailError.setVisible(False)

        self.detailsGrid.addWidget(self.emailError, 8, 1, 1, 1)

        self.streetLabel = QLabel(self.detailsTab)
        self.streetLabel.setObjectName(u"streetLabel")

        self.detailsGrid.addWidget(self.streetLabel, 9, 0, 1, 1)

        self.street = QLineEdit(self.detailsTab)
        self.street.setObjectName(u"street")

        self.detailsGrid.addWidget(self.street, 9, 1, 1, 1)

        self.cityLabel = QLabel(self.detailsTab)
        self.cityLabel.setObjectName(u"cityLabel")

        self.detailsGrid.addWidget(self.cityLabel, 10, 0, 1, 1)

        self.city = QLineEdit(self.detailsTab)
        self.city.setObjectName(u"city")

        self.detailsGrid.addWidget(self.city, 10, 1, 1, 1)

        self.regionLabel = QLabel(self.detailsTab)
        self.regionLabel.setObjectName(u"regionLabel")

        self.detailsGrid.addWidget(self.regionLabel, 11, 0, 1, 1)

        self.region = QLineEdit(self.detailsTab)
        self.region.setObjectName(u"region")

        self.detailsGrid.addWidget(self.region, 11, 1, 1, 1)

        self.postalCodeLabel = QLabel(self.detailsTab)
        self.postalCodeLabel.setObjectName(u"postalCodeLabel")

        self.detailsGrid.addWidget(self.postalCodeLabel, 12, 0, 1, 1)

        self.postalCode = QLineEdit(self.detailsTab)
        self.postalCode.setObjectName(u"postalCode")

        self.detailsGrid.addWidget(self.postalCode, 12, 1, 1, 1)

        self.countryLabel = QLabel(self.detailsTab)
        self.countryLabel.setObjectName(u"countryLabel")

        self.detailsGrid.addWidget(self.countryLabel, 13, 0, 1, 1)

        self.country = QLineEdit(self.detailsTab)
        self.country.setObjectName(u"country")

        self.detailsGrid.addWidget(self.country, 13, 1, 1, 1)

        self.tagsLabel = QLabel(self.detailsTab)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.detailsGrid.addWidget(self.tagsLabel, 14, 0, 1, 1)

        self.tags = QLineEdit(self.detailsTab)
        self.tags.setObjectName(u"tags")

        self.detailsGrid.addWidget(self.tags, 14, 1, 1, 1)

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

        self.tabs.addTab(self.detailsTab, "")
        self.contactsTab = QWidget()
        self.contactsTab.setObjectName(u"contactsTab")
        self.contactsLayout = QVBoxLayout(self.contactsTab)
        self.contactsLayout.setObjectName(u"contactsLayout")
        self.contactsView = QTableView(self.contactsTab)
        self.contactsView.setObjectName(u"contactsView")
        self.contactsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.contactsView.setAlternatingRowColors(True)

        self.contactsLayout.addWidget(self.contactsView)

        self.contactsButtons = QHBoxLayout()
        self.contactsButtons.setObjectName(u"contactsButtons")
        self.addContactButton = QPushButton(self.contactsTab)
        self.addContactButton.setObjectName(u"addContactButton")

        self.contactsButtons.addWidget(self.addContactButton)

        self.contactsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contactsButtons.addItem(self.contactsSpacer)


        self.contactsLayout.addLayout(self.contactsButtons)

        self.tabs.addTab(self.contactsTab, "")
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

        self.timestamps = QLabel(AccountEditor)
        self.timestamps.setObjectName(u"timestamps")
        self.timestamps.setStyleSheet(u"color: palette(mid);")

        self.mainLayout.addWidget(self.timestamps)

        self.buttons = QDialogButtonBox(AccountEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.industryLabel.setBuddy(self.industry)
        self.websiteLabel.setBuddy(self.website)
        self.phoneLabel.setBuddy(self.phone)
        self.emailLabel.setBuddy(self.email)
        self.streetLabel.setBuddy(self.street)
        self.cityLabel.setBuddy(self.city)
        self.regionLabel.setBuddy(self.region)
        self.postalCodeLabel.setBuddy(self.postalCode)
        self.countryLabel.setBuddy(self.country)
        self.tagsLabel.setBuddy(self.tags)
        self.ownerLabel.setBuddy(self.owner)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountEditor)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AccountEditor)
    # setupUi

    def retranslateUi(self, AccountEditor):
        AccountEditor.setWindowTitle(QCoreApplication.translate("AccountEditor", u"Account", None))
        self.nameLabel.setText(QCoreApplication.translate("AccountEditor", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.name.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.industryLabel.setText(QCoreApplication.translate("AccountEditor", u"&Industry:", None))
#if QT_CONFIG(accessibility)
        self.industry.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Industry", None))
#endif // QT_CONFIG(accessibility)
        self.websiteLabel.setText(QCoreApplication.translate("AccountEditor", u"&Website:", None))
#if QT_CONFIG(accessibility)
        self.website.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Website", None))
#endif // QT_CONFIG(accessibility)
        self.website.setPlaceholderText(QCoreApplication.translate("AccountEditor", u"example.com", None))
        self.phoneLabel.setText(QCoreApplication.translate("AccountEditor", u"&Phone:", None))
#if QT_CONFIG(accessibility)
        self.phone.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("AccountEditor", u"E&mail:", None))
#if QT_CONFIG(accessibility)
        self.email.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.streetLabel.setText(QCoreApplication.translate("AccountEditor", u"&Street:", None))
#if QT_CONFIG(accessibility)
        self.street.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Street", None))
#endif // QT_CONFIG(accessibility)
        self.cityLabel.setText(QCoreApplication.translate("AccountEditor", u"Cit&y:", None))
#if QT_CONFIG(accessibility)
        self.city.setAccessibleName(QCoreApplication.translate("AccountEditor", u"City", None))
#endif // QT_CONFIG(accessibility)
        self.regionLabel.setText(QCoreApplication.translate("AccountEditor", u"Pro&vince / state:", None))
#if QT_CONFIG(accessibility)
        self.region.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Province / state", None))
#endif // QT_CONFIG(accessibility)
        self.postalCodeLabel.setText(QCoreApplication.translate("AccountEditor", u"Posta&l code:", None))
#if QT_CONFIG(accessibility)
        self.postalCode.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Postal code", None))
#endif // QT_CONFIG(accessibility)
        self.countryLabel.setText(QCoreApplication.translate("AccountEditor", u"Co&untry:", None))
#if QT_CONFIG(accessibility)
        self.country.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.tagsLabel.setText(QCoreApplication.translate("AccountEditor", u"Ta&gs:", None))
#if QT_CONFIG(accessibility)
        self.tags.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Tags", None))
#endif // QT_CONFIG(accessibility)
        self.tags.setPlaceholderText(QCoreApplication.translate("AccountEditor", u"Comma-separated, e.g. key account, \u534e\u5357", None))
        self.ownerLabel.setText(QCoreApplication.translate("AccountEditor", u"&Owner:", None))
#if QT_CONFIG(accessibility)
        self.owner.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("AccountEditor", u"No&tes:", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("AccountEditor", u"&Details", None))
#if QT_CONFIG(accessibility)
        self.contactsView.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Contacts of this account", None))
#endif // QT_CONFIG(accessibility)
        self.addContactButton.setText(QCoreApplication.translate("AccountEditor", u"&New contact at this account", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contactsTab), QCoreApplication.translate("AccountEditor", u"&Contacts", None))
        ___qtreewidgetitem = self.historyTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("AccountEditor", u"What / new value", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("AccountEditor", u"Who / old value", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("AccountEditor", u"When / field", None))
#if QT_CONFIG(accessibility)
        self.historyTree.setAccessibleName(QCoreApplication.translate("AccountEditor", u"Change history", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("AccountEditor", u"&History", None))
    # retranslateUi

