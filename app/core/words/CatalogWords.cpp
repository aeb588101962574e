// The catalog's texts for Qt Linguist: lupdate reads them here, since it cannot read catalog.json. A test checks
// that every text of the built-in catalog is listed and translated.
#include "rules/Catalog.h"

#include <QCoreApplication>

namespace {

[[maybe_unused]] const char* const catalogTexts[] = {
    QT_TRANSLATE_NOOP("Catalog", "Theme generation"),
    QT_TRANSLATE_NOOP("Catalog", "Generate colour palette, typography, and spacing"),
    QT_TRANSLATE_NOOP("Catalog", "Content generation"),
    QT_TRANSLATE_NOOP("Catalog", "Generate layout with component placements"),
    QT_TRANSLATE_NOOP("Catalog", "Inline text"),
    QT_TRANSLATE_NOOP("Catalog", "Generate or rewrite text for a label"),
    QT_TRANSLATE_NOOP("Catalog", "Image generation"),
    QT_TRANSLATE_NOOP("Catalog", "Generate an image via DALL-E 3"),
    QT_TRANSLATE_NOOP("Catalog", "Data analysis"),
    QT_TRANSLATE_NOOP("Catalog", "Analyse data for patterns and anomalies"),
    QT_TRANSLATE_NOOP("Catalog", "Trigger generation"),
    QT_TRANSLATE_NOOP("Catalog", "Analyse data and generate conditional triggers"),
    QT_TRANSLATE_NOOP("Catalog", "Content & Themes"),
    QT_TRANSLATE_NOOP("Catalog", "Analysis & Triggers"),
    QT_TRANSLATE_NOOP("Catalog", "Fast, high quality — recommended"),
    QT_TRANSLATE_NOOP("Catalog", "Best quality for complex analysis"),
    QT_TRANSLATE_NOOP("Catalog", "Previous generation, fast"),
    QT_TRANSLATE_NOOP("Catalog", "Previous generation, deep analysis"),
    QT_TRANSLATE_NOOP("Catalog", "Fastest and cheapest for simple tasks"),
    QT_TRANSLATE_NOOP("Catalog", "Generous allowance for multiple admins and complex deployments"),
};

// The action names as they read inside a sentence ("Covers theme generation and …"): English lower-cases them
// there, German keeps its nouns as they are ("Theme-Erstellung").
[[maybe_unused]] const struct
{
    const char* source;
    const char* comment;
} inSentenceTexts[] = {
    QT_TRANSLATE_NOOP3("Catalog", "Theme generation", "in a sentence"),
    QT_TRANSLATE_NOOP3("Catalog", "Content generation", "in a sentence"),
    QT_TRANSLATE_NOOP3("Catalog", "Inline text", "in a sentence"),
    QT_TRANSLATE_NOOP3("Catalog", "Image generation", "in a sentence"),
    QT_TRANSLATE_NOOP3("Catalog", "Data analysis", "in a sentence"),
    QT_TRANSLATE_NOOP3("Catalog", "Trigger generation", "in a sentence"),
};

} // namespace

QString shownText(const QString& english)
{
    return english.isEmpty() ? english : QCoreApplication::translate("Catalog", english.toUtf8().constData());
}

QString inSentence(const QString& english)
{
    if (english.isEmpty())
        return english;
    const QString translated = QCoreApplication::translate("Catalog", english.toUtf8().constData(), "in a sentence");
    // No translation of its own (English): the name with a small first letter.
    return translated == english ? english.left(1).toLower() + english.mid(1) : translated;
}
