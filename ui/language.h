// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace tracedelta {

// The user's language choice: empty follows the system locale, else a code like "de".
QString savedLanguage();
void saveLanguage(const QString& language);
QLocale localeForLanguage(const QString& language);
// The languages TraceDelta ships, as (code, native name), English first.
QList<std::pair<QString, QString>> availableLanguages();

// Where the .qm catalogues are looked for: next to an installed binary
// (../share/tracedelta/translations), then the build tree.
QStringList translationDirectories();
// Makes `locale` the default (numbers, durations) and installs TraceDelta's and Qt's own
// catalogues for it. Returns false when TraceDelta has no catalogue for that language.
bool applyLanguage(const QLocale& locale);

} // namespace tracedelta
