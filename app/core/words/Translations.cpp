#include "words/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace Translations {

QLocale userLocale()
{
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return system;
}

bool install(const QLocale& locale)
{
    // Kept for the life of the program: an installed translator must outlive its use.
    static std::unique_ptr<QTranslator> own, qt;
    for (auto* t : {&own, &qt})
        if (*t) {
            QCoreApplication::removeTranslator(t->get());
            t->reset();
        }
    QLocale::setDefault(locale);
    own = std::make_unique<QTranslator>();
    const bool found = own->load(locale, QStringLiteral("ai-settings"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found)
        QCoreApplication::installTranslator(own.get());
    qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    return found;
}

} // namespace Translations
