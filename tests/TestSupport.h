#pragma once

#include "ledger/Ledger.h"
#include "rules/Catalog.h"
#include "support/IsoTime.h"
#include "words/Translations.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

// Shared by the tests: the built-in catalog, scratch databases and running the real executable.
namespace TestSupport {

// Every test speaks English, with its plural forms ("1 credit"), whatever the machine's locale; a test of
// another language installs that one itself.
inline void speakEnglish()
{
    Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
}
Q_COREAPP_STARTUP_FUNCTION(speakEnglish)

inline const Catalog& catalog()
{
    static const Catalog c = Catalog::builtIn().value();
    return c;
}

// Any Qt warning fails the test that caused it.
inline void failOnAnyWarning()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}
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

// Usage recorded as it happened: the ledger's clock reads the event's own time while it is recorded (record
// accepts only the running period's last hour), then reads what it read before. Seeds history of any age.
inline Result<RecordOutcome> recordAsItHappened(Ledger& ledger, const RecordRequest& request)
{
    if (!request.at)
        return ledger.usage().record(request);
    const Clock before = ledger.clock();
    ledger.setClock(Clock::fixedAt(*request.at));
    auto outcome = ledger.usage().record(request);
    ledger.setClock(before);
    return outcome;
}

// The kernel's own time, also in a test that libfaketime runs at another instant (it changes what the C library
// answers, not the system call).
inline qint64 kernelNow()
{
    timespec ts{};
    syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// The environment of a program whose system clock reads `msecs` now and runs on from there: libfaketime, for
// that process alone, shifts the clock by the difference to the kernel's (to the millisecond, so that programs
// run one after another see time go forward). The program reads the system clock as always; a command-line
// test that needs "now" sets it this way. The monotonic clock stays real, so timeouts keep their length.
inline QProcessEnvironment clockReading(qint64 msecs,
                                        QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
{
    if (QLatin1String(AI_SETTINGS_LIBFAKETIME).isEmpty())
        qFatal("libfaketime is missing: install the Debian package faketime (scripts/setup.sh test does)");
    const qint64 shift = msecs - kernelNow();
    env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(AI_SETTINGS_LIBFAKETIME));
    env.insert(QStringLiteral("FAKETIME"), QStringLiteral("%1%2")
                                               .arg(shift < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                                               .arg(qAbs(shift) / 1000.0, 0, 'f', 3));
    env.insert(QStringLiteral("FAKETIME_DONT_FAKE_MONOTONIC"), QStringLiteral("1"));
    env.remove(QStringLiteral("FAKETIME_FMT"));
    return env;
}

// The clock of the programs a test runs: it reads `msecs` when started and runs on from one run to the next, so
// that what a test records "now" and the dates it writes agree at any date the suite runs. By default it starts
// in the middle of a period, on the same instant as the ledger suites' fixed clock.
class ProgramClock
{
public:
    static constexpr const char* defaultStart = "2026-11-20T12:00:00Z";
    ProgramClock() { startAt(IsoTime::parse(QString::fromLatin1(defaultStart)).value()); }
    void startAt(qint64 msecs)
    {
        m_start = msecs;
        m_since.start();
    }
    qint64 now() const { return m_start + m_since.elapsed(); }
    // `base` (the test's own environment unless given) with the program's system clock reading now().
    QProcessEnvironment environment(const QProcessEnvironment& base = QProcessEnvironment::systemEnvironment()) const
    {
        return clockReading(now(), base);
    }

private:
    qint64 m_start = 0;
    QElapsedTimer m_since;
};

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
