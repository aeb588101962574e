// Renders the window's sections to PNG files, offscreen: the README's screenshots (scripts/screenshot.sh).
//   ai-settings-shots DATABASE OUT_DIR [WIDTHxHEIGHT] [--sections a,b,…] [--suffix -de]
#include "MainWindow.h"
#include "SettingsPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption sectionsOption(QStringLiteral("sections"), {}, QStringLiteral("a,b"));
    const QCommandLineOption suffixOption(QStringLiteral("suffix"), {}, QStringLiteral("SUFFIX"));
    parser.addOptions({sectionsOption, suffixOption});
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
    Ui::MainWindow window(args[0]);
    if (!window.page()) {
        err << "the database could not be shown\n";
        return 3;
    }
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    window.show();
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
