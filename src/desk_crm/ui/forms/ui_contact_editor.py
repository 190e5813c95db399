# Generated from ui/contact_editor.ui by tools/build_forms.py: do not edit, edit the .ui file.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_editor.ui'
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
    QDialogButtonBox, QGridLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QTabWidget,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ContactEditor(object):
    def setupUi(self, ContactEditor):
        if not ContactEditor.objectName():
            ContactEditor.setObjectName(u"ContactEditor")
        ContactEditor.resize(720, 680)
        self.mainLayout = QVBoxLayout(ContactEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.banner = QLabel(ContactEditor)
        self.banner.setObjectName(u"banner")
        self.banner.setStyleSheet(u"background: #fff3e0; padding: 6px; border-radius: 4px;")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

        self.mainLayout.addWidget(self.banner)

        self.tabs = QTabWidget(ContactEditor)
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

        self.givenNameLabel = QLabel(self.detailsTab)
        self.givenNameLabel.setObjectName(u"givenNameLabel")

        self.detailsGrid.addWidget(self.givenNameLabel, 1, 0, 1, 1)

        self.givenName = QLineEdit(self.detailsTab)
        self.givenName.setObjectName(u"givenName")

        self.detailsGrid.addWidget(self.givenName, 1, 1, 1, 1)

        self.nameError = QLabel(self.detailsTab)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #c62828;")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.detailsGrid.addWidget(self.nameError, 2, 1, 1, 1)

        self.titleLabel = QLabel(self.detailsTab)
        self.titleLabel.setObjectName(u"titleLabel")

        self.detailsGrid.addWidget(self.titleLabel, 3, 0, 1, 1)

        self.title = QLineEdit(self.detailsTab)
        self.title.setObjectName(u"title")

        self.detailsGrid.addWidget(self.title, 3, 1, 1, 1)

        self.departmentLabel = QLabel(self.detailsTab)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.detailsGrid.addWidget(self.departmentLabel, 4, 0, 1, 1)

        self.department = QLineEdit(self.detailsTab)
        self.department.setObjectName(u"department")

        self.detailsGrid.addWidget(self.department, 4, 1, 1, 1)

        self.accountLabel = QLabel(self.detailsTab)
        self.accountLabel.setObjectName(u"accountLabel")

        self.detailsGrid.addWidget(self.accountLabel, 5, 0, 1, 1)

        self.accountHost = QWidget(self.detailsTab)
        self.accountHost.setObjectName(u"accountHost")
        self.accountHostLayout = QVBoxLayout(self.accountHost)
        self.accountHostLayout.setObjectName(u"accountHostLayout")
        self.accountHostLayout.setContentsMargins(0, 0, 0, 0)

        self.detailsGrid.addWidget(self.accountHost, 5, 1, 1, 1)

        self.accountError = QLabel(self.detailsTab)
        self.accountError.setObjectName(u"accountError")
        self.accountError.setStyleSheet(u"color: #c62828;")
        self.accountError.setWordWrap(True)
        self.accountError.setVisible(False)

        self.detailsGrid.addWidget(self.accountError, 6, 1, 1, 1)

        self.emailsLabel = QLabel(self.detailsTab)
        self.emailsLabel.setObjectName(u"emailsLabel")

        self.detailsGrid.addWidget(self.emailsLabel, 7, 0, 1, 1)

        self.emailsHost = QWidget(self.detailsTab)
        self.emailsHost.setObjectName(u"emailsHost")
        self.emailsHostLayout = QVBoxLayout(self.emailsHost)
        self.emailsHostLayout.setObjectName(u"emailsHostLayout")
        self.emailsHostLayout.setContentsMargins(0, 0, 0, 0)

        self.detailsGrid.addWidget(self.emailsHost, 7, 1, 1, 1)

        self.emailsError = QLabel(self.detailsTab)
        self.emailsError.setObjectName(u"emailsError")
        self.emailsError.setStyleSheet(u"color: #c62828;")
        self.emailsError.setWordWrap(True)
        self.emailsError.setVisible(False)

        self.detailsGrid.addWidget(self.emailsError, 8, 1, 1, 1)

        self.phonesLabel = QLabel(self.detailsTab)
        self.phonesLabel.setObjectName(u"phonesLabel")

        self.detailsGrid.addWidget(self.phonesLabel, 9, 0, 1, 1)

        self.phonesHost = QWidget(self.detailsTab)
        self.phonesHost.setObjectName(u"phonesHost")
        self.phonesHostLayout = QVBoxLayout(self.phonesHost)
        self.phonesHostLayout.setObjectName(u"phonesHostLayout")
        self.phonesHostLayout.setContentsMargins(0, 0, 0, 0)

        self.detailsGrid.addWidget(self.phonesHost, 9, 1, 1, 1)

        self.phonesError = QLabel(self.detailsTab)
        self.phonesError.setObjectName(u"phonesError")
        self.phonesError.setStyleSheet(u"color: #c62828;")
        self.phonesError.setWordWrap(True)
        self.phonesError.setVisible(False)

        self.detailsGrid.addWidget(self.phonesError, 10, 1, 1, 1)

        self.streetLabel = QLabel(self.detailsTab)
        self.streetLabel.setObjectName(u"streetLabel")

        self.detailsGrid.addWidget(self.streetLabel, 11, 0, 1, 1)

        self.street = QLineEdit(self.detailsTab)
        self.street.setObjectName(u"street")

        self.detailsGrid.addWidget(self.street, 11, 1, 1, 1)

        self.cityLabel = QLabel(self.detailsTab)
        self.cityLabel.setObjectName(u"cityLabel")

        self.detailsGrid.addWidget(self.cityLabel, 12, 0, 1, 1)

        self.city = QLineEdit(self.detailsTab)
        self.city.setObjectName(u"city")

        self.detailsGrid.addWidget(self.city, 12, 1, 1, 1)

        self.regionLabel = QLabel(self.detailsTab)
        self.regionLabel.setObjectName(u"regionLabel")

        self.detailsGrid.addWidget(self.regionLabel, 13, 0, 1, 1)

        self.region = QLineEdit(self.detailsTab)
        self.region.setObjectName(u"region")

        self.detailsGrid.addWidget(self.region, 13, 1, 1, 1)

        self.postalCodeLabel = QLabel(self.detailsTab)
        self.postalCodeLabel.setObjectName(u"postalCodeLabel")

        self.detailsGrid.addWidget(self.postalCodeLabel, 14, 0, 1, 1)

        self.postalCode = QLineEdit(self.detailsTab)
        self.postalCode.setObjectName(u"postalCode")

        self.detailsGrid.addWidget(self.postalCode, 14, 1, 1, 1)

        self.countryLabel = QLabel(self.detailsTab)
        self.countryLabel.setObjectName(u"countryLabel")

        self.detailsGrid.addWidget(self.countryLabel, 15, 0, 1, 1)

        self.country = QLineEdit(self.detailsTab)
        self.country.setObjectName(u"country")

        self.detailsGrid.addWidget(self.country, 15, 1, 1, 1)

        self.tagsLabel = QLabel(self.detailsTab)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.detailsGrid.addWidget(self.tagsLabel, 16, 0, 1, 1)

        self.tags = QLineEdit(self.detailsTab)
        self.tags.setObjectName(u"tags")

        self.detailsGrid.addWidget(self.tags, 16, 1, 1, 1)

        self.ownerLabel = QLabel(self.detailsTab)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.detailsGrid.addWidget(self.ownerLabel, 17, 0, 1, 1)

        self.owner = QComboBox(self.detailsTab)
        self.owner.setObjectName(u"owner")

        self.detailsGrid.addWidget(self.owner, 17, 1, 1, 1)

        self.notesLabel = QLabel(self.detailsTab)
        self.notesLabel.setObjectName(u"notesLabel")

        self.detailsGrid.addWidget(self.notesLabel, 18, 0, 1, 1)

        self.notes = QPlainTextEdit(self.detailsTab)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.detailsGrid.addWidget(self.notes, 18, 1, 1, 1)

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

        self.timestamps = QLabel(ContactEditor)
        self.timestamps.setObjectName(u"timestamps")
        self.timestamps.setStyleSheet(u"color: palette(mid);")

        self.mainLayout.addWidget(self.timestamps)

        self.buttons = QDialogButtonBox(ContactEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.familyNameLabel.setBuddy(self.familyName)
        self.givenNameLabel.setBuddy(self.givenName)
        self.titleLabel.setBuddy(self.title)
        self.departmentLabel.setBuddy(self.department)
        self.streetLabel.setBuddy(self.street)
        self.cityLabel.setBuddy(self.city)
        self.regionLabel.setBuddy(self.region)
        self.postalCodeLabel.setBuddy(self.postalCode)
        self.countryLabel.setBuddy(self.country)
        self.tagsLabel.setBuddy(self.tags)
        self.ownerLabel.setBuddy(self.owner)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactEditor)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ContactEditor)
    # setupUi

    def retranslateUi(self, ContactEditor):
        ContactEditor.setWindowTitle(QCoreApplication.translate("ContactEditor", u"Contact", None))
        self.familyNameLabel.setText(QCoreApplication.translate("ContactEditor", u"&Family name:", None))
#if QT_CONFIG(accessibility)
        self.familyName.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Family name", None))
#endif // QT_CONFIG(accessibility)
        self.givenNameLabel.setText(QCoreApplication.translate("ContactEditor", u"G&iven name:", None))
#if QT_CONFIG(accessibility)
        self.givenName.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Given name", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("ContactEditor", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.departmentLabel.setText(QCoreApplication.translate("ContactEditor", u"D&epartment:", None))
#if QT_CONFIG(accessibility)
        self.department.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Department", None))
#endif // QT_CONFIG(accessibility)
        self.accountLabel.setText(QCoreApplication.translate("ContactEditor", u"&Account:", None))
        self.emailsLabel.setText(QCoreApplication.translate("ContactEditor", u"E&mails:", None))
        self.phonesLabel.setText(QCoreApplication.translate("ContactEditor", u"&Phones:", None))
        self.streetLabel.setText(QCoreApplication.translate("ContactEditor", u"&Street:", None))
#if QT_CONFIG(accessibility)
        self.street.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Street", None))
#endif // QT_CONFIG(accessibility)
        self.cityLabel.setText(QCoreApplication.translate("ContactEditor", u"Cit&y:", None))
#if QT_CONFIG(accessibility)
        self.city.setAccessibleName(QCoreApplication.translate("ContactEditor", u"City", None))
#endif // QT_CONFIG(accessibility)
        self.regionLabel.setText(QCoreApplication.translate("ContactEditor", u"Pro&vince / state:", None))
#if QT_CONFIG(accessibility)
        self.region.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Province / state", None))
#endif // QT_CONFIG(accessibility)
        self.postalCodeLabel.setText(QCoreApplication.translate("ContactEditor", u"Posta&l code:", None))
#if QT_CONFIG(accessibility)
        self.postalCode.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Postal code", None))
#endif // QT_CONFIG(accessibility)
        self.countryLabel.setText(QCoreApplication.translate("ContactEditor", u"Co&untry:", None))
#if QT_CONFIG(accessibility)
        self.country.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.tagsLabel.setText(QCoreApplication.translate("ContactEditor", u"Ta&gs:", None))
#if QT_CONFIG(accessibility)
        self.tags.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Tags", None))
#endif // QT_CONFIG(accessibility)
        self.tags.setPlaceholderText(QCoreApplication.translate("ContactEditor", u"Comma-separated, e.g. VIP, \u534e\u4e1c", None))
        self.ownerLabel.setText(QCoreApplication.translate("ContactEditor", u"&Owner:", None))
#if QT_CONFIG(accessibility)
        self.owner.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("ContactEditor", u"&Notes:", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("ContactEditor", u"&Details", None))
        ___qtreewidgetitem = self.historyTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ContactEditor", u"What / new value", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ContactEditor", u"Who / old value", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ContactEditor", u"When / field", None))
#if QT_CONFIG(accessibility)
        self.historyTree.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Change history", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("ContactEditor", u"&History", None))
    # retranslateUi

