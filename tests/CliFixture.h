#pragma once

#include "TestBackend.h"
#include "TestSupport.h"

#include "support/Environment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using TestSupport::runCli;

// What the command-line suites share: the real ai-settings executable, as scripts use it, on an SQLite file,
// and (AI_SETTINGS_TEST_BACKEND=postgresql) on a PostgreSQL database of the test cluster; a fresh ledger for
// each test. The runs' clock is the test's own: it starts at a fixed instant in the middle of a period (or where
// a test starts it) and runs on from one run to the next, so that what a test records "now" and the dates it
// writes agree at any date the suite runs. Its private slots run before and after each suite's tests.
class CliFixture : public QObject
{
    Q_OBJECT

protected:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_db;
    TestSupport::ProgramClock m_clock;
    // A suite whose programs meet a PostgreSQL server's own clock (a Recorder's events are judged by it) runs
    // them on the kernel's time instead of the default instant.
    bool m_onKernelTime = false;

    void startClockAt(qint64 msecs) { m_clock.startAt(msecs); }
    // What the runs' clock reads now.
    qint64 now() const { return m_clock.now(); }
    // The environment of a run: the program's system clock reads now().
    QProcessEnvironment cliEnvironment() const { return m_clock.environment(); }

    QString newPath(const char* suffix)
    {
        return m_dir.filePath(QStringLiteral("f%1%2").arg(++m_counter).arg(QLatin1String(suffix)));
    }
    // A new ledger on the suite's backend, for the user running the tests.
    QString newLedger()
    {
        return TestBackend::newLocation(m_dir, QStringLiteral("f%1").arg(++m_counter), Environment::currentUserName());
    }

    TestSupport::Run cli(const QStringList& args, const QString& db = {}, const QByteArray& input = {})
    {
        return runCli(QStringList{QStringLiteral("--db"), db.isEmpty() ? m_db : db} + args, input, cliEnvironment());
    }

    QJsonObject reportJson(const QString& db, const QStringList& extra = {})
    {
        const auto r = cli(QStringList{QStringLiteral("report"), QStringLiteral("--json")} + extra, db);
        if (r.exitCode != 0)
            qWarning("report failed: %s", r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }

    // The report options for one period and, unless empty (the whole install), one tenant.
    static QStringList periodArgs(const char* period, const QString& tenant)
    {
        QStringList args{QStringLiteral("--period"), QLatin1String(period)};
        if (!tenant.isEmpty())
            args << QStringLiteral("--tenant") << tenant;
        return args;
    }

    void writeFile(const QString& path, const QByteArray& content)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }

    // A small history over three periods, two tenants, every action, both billings.
    QByteArray sampleCsv()
    {
        QByteArray csv = "id,occurred_at,tenant,action,model,billing,credits\n";
        const char* actions[] = {"theme", "content", "inline_text", "image", "analysis", "trigger"};
        const char* tenants[] = {"", "acme", "beta"};
        for (int i = 0; i < 90; ++i) {
            const QByteArray action = actions[i % 6];
            const QByteArray model = action == "image" ? "" : (i % 4 == 0 ? "claude-opus-4-6" : "");
            const QByteArray when = QStringLiteral("2026-%1-%2T%3:15:00Z")
                                        .arg(8 + (i / 3) % 3, 2, 10, QLatin1Char('0'))
                                        .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                                        .arg(i % 24, 2, 10, QLatin1Char('0'))
                                        .toLatin1();
            csv += "ev-" + QByteArray::number(i) + ',' + when + ',' + tenants[i % 3] + ',' + action + ',' + model +
                   ',' + (i % 5 == 0 ? "byok" : "credits") + ",\n";
        }
        return csv;
    }

private slots:
    void init()
    {
        TestSupport::failOnAnyWarning();
        m_clock = {};
        if (m_onKernelTime)
            startClockAt(TestSupport::kernelNow());
        m_db = newLedger();
    }
};
