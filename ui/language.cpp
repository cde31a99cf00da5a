// SPDX-License-Identifier: GPL-3.0-or-later
#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace tracedelta {

namespace {
const char* const LanguageKey = "language";
} // namespace

QString savedLanguage()
{
    return QSettings().value(QLatin1String(LanguageKey)).toString();
}

void saveLanguage(const QString& language)
{
    QSettings().setValue(QLatin1String(LanguageKey), language);
}

QLocale localeForLanguage(const QString& language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

QList<std::pair<QString, QString>> availableLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

QStringList translationDirectories()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return {QDir::cleanPath(appDir + QStringLiteral("/../share/tracedelta/translations")),
            QDir::cleanPath(appDir + QStringLiteral("/../translations")), QStringLiteral(TRACEDELTA_BUILD_TRANSLATIONS_DIR)};
}

bool applyLanguage(const QLocale& locale)
{
    QLocale::setDefault(locale);
    // Qt's own strings (standard dialog buttons) come from the system's Qt catalogues.
    auto* qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true; // the source language
    auto* translator = new QTranslator(QCoreApplication::instance());
    for (const QString& directory : translationDirectories()) {
        if (translator->load(locale, QStringLiteral("tracedelta"), QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(translator);
            return true;
        }
    }
    delete translator;
    return false;
}

} // namespace tracedelta
