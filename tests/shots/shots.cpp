// Renders the window's sections to PNG files, offscreen: the README's screenshots (scripts/screenshot.sh).
//   ai-settings-shots DATABASE OUT_DIR [WIDTHxHEIGHT] [--sections a,b,…] [--suffix -de] [--locale de_DE] [--dark]
// (right to left: Qt's own -reverse; twice the scale: QT_SCALE_FACTOR=2).
#include "window/MainWindow.h"
#include "window/SettingsPage.h"
#include "words/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QPalette>
#include <QStyleFactory>
#include <QTextStream>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption sectionsOption(QStringLiteral("sections"), {}, QStringLiteral("a,b"));
    const QCommandLineOption suffixOption(QStringLiteral("suffix"), {}, QStringLiteral("SUFFIX"));
    const QCommandLineOption localeOption(QStringLiteral("locale"), {}, QStringLiteral("NAME"));
    const QCommandLineOption darkOption(QStringLiteral("dark"));
    parser.addOptions({sectionsOption, suffixOption, localeOption, darkOption});
    parser.addPositionalArgument(QStringLiteral("database"), {});
    parser.addPositionalArgument(QStringLiteral("out"), {});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    QTextStream err(stderr);
    if (args.size() < 2) {
        err << "usage: ai-settings-shots DATABASE OUT_DIR [WIDTHxHEIGHT] [--sections a,b] [--suffix S]\n";
        return 2;
    }
    const QStringList size = args.value(2, QStringLiteral("900x700")).split(QLatin1Char('x'));
    Translations::install(parser.isSet(localeOption) ? QLocale(parser.value(localeOption))
                                                     : Translations::userLocale());
    if (parser.isSet(darkOption)) {
        // Fusion with a dark palette, as a dark desktop theme gives it.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
        dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
        dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
    }
    Ui::MainWindow window(args[0]);
    if (!window.page()) {
        err << "the database could not be shown\n";
        return 3;
    }
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    window.show();
    // The page reads off the window's thread and builds its sections one by one: pictures of it once it has.
    const QDeadlineTimer patience(30000);
    while (!window.page()->isSettled()) {
        if (patience.hasExpired()) {
            err << "the page was not read in time\n";
            return 3;
        }
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    QDir().mkpath(args[1]);
    const QStringList sections = parser.isSet(sectionsOption) ? parser.value(sectionsOption).split(QLatin1Char(','))
                                                              : window.page()->sectionNames();
    for (const QString& section : sections) {
        window.page()->showSection(section);
        // Layouts settle over a few rounds of posted events (a table's height, then its panel's, then the page's).
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
        const QString path = QDir(args[1]).filePath(section + parser.value(suffixOption) + QStringLiteral(".png"));
        if (!window.grab().save(path)) {
            err << "cannot write " << path << '\n';
            return 3;
        }
        QTextStream(stdout) << path << '\n';
    }
    return 0;
}
