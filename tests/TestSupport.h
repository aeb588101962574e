#pragma once

#include "Catalog.h"
#include "IsoTime.h"
#include "Ledger.h"
#include "Translations.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Shared by the tests: the built-in catalog, scratch databases and running the real executable.
namespace TestSupport {

// Every test speaks English, with its plural forms ("1 credit"), whatever the machine's locale; a test of
// another language installs that one itself.
inline void speakEnglish() { Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)); }
Q_COREAPP_STARTUP_FUNCTION(speakEnglish)

inline const Catalog& catalog()
{
    static const Catalog c = Catalog::builtIn().value();
    return c;
}

// Any Qt warning fails the test that caused it.
inline void failOnAnyWarning() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }
// The same for widget tests, except the offscreen platform's note that it cannot resize native windows.
inline void failOnAnyWidgetWarning()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("^(?!This plugin does not support propagateSizeHints).*")));
}

inline std::unique_ptr<Ledger> openLedger(const QString& path, const QString& user)
{
    auto opened = Ledger::open(path, catalog(), user);
    if (!opened)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(opened.failure().message));
    return std::move(opened).value();
}

inline qint64 at(const char* iso)
{
    return IsoTime::parse(QString::fromLatin1(iso)).value();
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs ai-settings with `arguments`, feeding `input` on stdin; every run is bounded. The wait runs the event
// loop, so that servers living in the test (the fake provider) can answer the process.
inline Run runCli(const QStringList& arguments, const QByteArray& input = {}, const QProcessEnvironment& env = {})
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(AI_SETTINGS_BIN), arguments);
    if (!p.waitForStarted(10000))
        qFatal("ai-settings did not start");
    p.write(input);
    p.closeWriteChannel();
    if (finished.isEmpty() && !finished.wait(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace TestSupport
