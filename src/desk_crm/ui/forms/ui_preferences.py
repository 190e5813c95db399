# Generated from ui/preferences.ui by tools/build_forms.py: do not edit, edit the .ui file.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preferences.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PreferencesDialog(object):
    def setupUi(self, PreferencesDialog):
        if not PreferencesDialog.objectName():
            PreferencesDialog.setObjectName(u"PreferencesDialog")
        PreferencesDialog.resize(480, 220)
        self.mainLayout = QVBoxLayout(PreferencesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.userNameLabel = QLabel(PreferencesDialog)
        self.userNameLabel.setObjectName(u"userNameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userNameLabel)

        self.userName = QLineEdit(PreferencesDialog)
        self.userName.setObjectName(u"userName")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userName)

        self.phoneRegionLabel = QLabel(PreferencesDialog)
        self.phoneRegionLabel.setObjectName(u"phoneRegionLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneRegionLabel)

        self.phoneRegion = QComboBox(PreferencesDialog)
        self.phoneRegion.setObjectName(u"phoneRegion")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneRegion)

        self.languageLabel = QLabel(PreferencesDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(PreferencesDialog)
        self.language.setObjectName(u"language")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.language)


        self.mainLayout.addLayout(self.form)

        self.restartNote = QLabel(PreferencesDialog)
        self.restartNote.setObjectName(u"restartNote")
        self.restartNote.setWordWrap(True)

        self.mainLayout.addWidget(self.restartNote)

        self.buttons = QDialogButtonBox(PreferencesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.userNameLabel.setBuddy(self.userName)
        self.phoneRegionLabel.setBuddy(self.phoneRegion)
        self.languageLabel.setBuddy(self.language)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PreferencesDialog)

        QMetaObject.connectSlotsByName(PreferencesDialog)
    # setupUi

    def retranslateUi(self, PreferencesDialog):
        PreferencesDialog.setWindowTitle(QCoreApplication.translate("PreferencesDialog", u"Preferences", None))
        self.userNameLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Your name:", None))
#if QT_CONFIG(accessibility)
        self.userName.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Your name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.userName.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Recorded in the history of every change you make; the records you create are yours (their owner) unless you choose someone else", None))
#endif // QT_CONFIG(tooltip)
        self.phoneRegionLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Default &phone region:", None))
#if QT_CONFIG(accessibility)
        self.phoneRegion.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Default phone region", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.phoneRegion.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Numbers typed without a +country code are read as numbers of this region", None))
#endif // QT_CONFIG(tooltip)
        self.languageLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Language:", None))
#if QT_CONFIG(accessibility)
        self.language.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Language", None))
#endif // QT_CONFIG(accessibility)
        self.restartNote.setText(QCoreApplication.translate("PreferencesDialog", u"Changes take effect the next time Desk CRM starts.", None))
    # retranslateUi

