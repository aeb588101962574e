#pragma once

#include <QLocale>

// The language the program speaks: the system locale (LC_ALL, LC_MESSAGES, LANG), with the C and POSIX locales
// read as English. Numbers, dates and sentences follow it; machine-readable output (--json, exports) never does.
namespace Translations {

QLocale userLocale();
// Makes `locale` the default locale and loads the program's translation for it and Qt's own (standard dialogs).
// Answers whether the program has a translation for it (English, the source language, has its plural forms).
bool install(const QLocale& locale);

} // namespace Translations
