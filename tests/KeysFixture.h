#pragma once

#include "TestSupport.h"

#include "FakeProvider.h"
#include "PrivateBus.h"
#include "support/Environment.h"
#include "support/IsoTime.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

using TestSupport::Run;
using TestSupport::runCli;

// What the `ai-settings keys` suites share: the real executable, the real Secret Service started by
// scripts/run-tests.sh (gnome-keyring in a private D-Bus session), a loopback server answering like the
// providers, and a fresh database for each test. Its private slots run before and after each suite's tests.
class KeysFixture : public QObject
{
    Q_OBJECT

protected:
    const QByteArray anthropicKey = "sk-ant-api03-" + QByteArray(70, 'K') + "Zq7_wxyz";
    const QByteArray openAiKey = "sk-proj-" + QByteArray(40, 'Q') + "Ab9-abcd";
    const QByteArray replacementKey = "sk-ant-api03-" + QByteArray(70, 'R') + "Xy8_rpl9";
    const QByteArray models = R"({"data":[{"id":"claude-sonnet-4-6"},{"id":"claude-opus-4-6"}],"has_more":false})";

    QTemporaryDir m_dir;
    QString m_db;
    TestSupport::ProgramClock m_clock; // the runs' clock: a test's dates are past at any date the suite runs
    int m_dbCount = 0;
    FakeProvider m_provider;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = m_clock.environment();
        e.insert(QStringLiteral("ANTHROPIC_BASE_URL"), m_provider.baseUrl().toString());
        e.insert(QStringLiteral("OPENAI_BASE_URL"), m_provider.baseUrl().toString());
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        return e;
    }

    Run cli(const QStringList& args, const QByteArray& input = {}, const QProcessEnvironment& environment = {})
    {
        return runCli(QStringList{QStringLiteral("--db"), m_db} + args, input,
                      environment.isEmpty() ? env() : environment);
    }

    static QStringList words(const char* text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); }

    QJsonObject status(const QString& provider, const QString& tenant = {})
    {
        QStringList args = words("keys status --json");
        if (!tenant.isEmpty())
            args << QStringLiteral("--tenant") << tenant;
        const Run r = cli(args);
        if (r.exitCode != 0)
            qFatal("keys status failed: %s", r.err.constData());
        for (const QJsonValue& row : QJsonDocument::fromJson(r.out).array())
            if (row[QStringLiteral("provider")].toString() == provider)
                return row.toObject();
        qFatal("no status row for %s", qPrintable(provider));
    }

    QString installId()
    {
        auto ledger = TestSupport::openLedger(m_db, Environment::currentUserName());
        return ledger->settings().current()->installId;
    }

    // The keychain as other programs see it: secret-tool looks the entry up by QtKeychain's attributes.
    QByteArray keychainLookup(const QString& account)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                                QStringLiteral("ai-settings"), QStringLiteral("user"), account});
        if (!p.waitForFinished(15000))
            qFatal("secret-tool did not finish");
        return p.readAllStandardOutput();
    }
    QByteArray keychainSearch()
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"),
                                                QStringLiteral("server"), QStringLiteral("ai-settings")});
        if (!p.waitForFinished(15000))
            qFatal("secret-tool did not finish");
        return p.readAllStandardOutput() + p.readAllStandardError();
    }
    QString account(const QString& tenant, const char* provider)
    {
        return installId() +
               (tenant.isEmpty() ? QStringLiteral("/install/")
                                 : QStringLiteral("/tenant/") + tenant + QLatin1Char('/')) +
               QLatin1String(provider);
    }

    // The `keys status --json` row of a tenant's own stored key (the row of the key in force comes first).
    QJsonObject tenantRow(const QString& provider, const QString& tenant)
    {
        const Run r = cli({QStringLiteral("keys"), QStringLiteral("status"), QStringLiteral("--json"),
                           QStringLiteral("--tenant"), tenant});
        for (const QJsonValue& row : QJsonDocument::fromJson(r.out).array())
            if (row[QStringLiteral("provider")].toString() == provider &&
                row[QStringLiteral("scope")].toString() == QLatin1String("tenant") &&
                !row[QStringLiteral("fingerprint")].isNull())
                return row.toObject();
        return {};
    }

    // The audit trail's lines about one provider's keys, oldest first.
    QStringList keyAudit(const char* provider)
    {
        QStringList lines;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
            db.setDatabaseName(m_db);
            if (!db.open())
                qFatal("cannot open the database");
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT change FROM audit_log WHERE subject = 'key.%1' ORDER BY rowid")
                       .arg(QLatin1String(provider)));
            while (q.next())
                lines << q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("audit"));
        return lines;
    }

    QJsonObject actionRow(const QString& action)
    {
        const Run r = cli(words("report --json"));
        for (const QJsonValue& row : QJsonDocument::fromJson(r.out)[QStringLiteral("by_action")].toArray())
            if (row[QStringLiteral("action")].toString() == action)
                return row.toObject();
        qFatal("no report row for %s", qPrintable(action));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_provider.baseUrl().port() > 0);
        // The keychain tests are never skipped: without a Secret Service they fail and say how to run them.
        QProcess probe;
        probe.start(QStringLiteral("secret-tool"), {QStringLiteral("store"), QStringLiteral("--label=probe"),
                                                    QStringLiteral("server"), QStringLiteral("ai-settings-probe")});
        QVERIFY2(probe.waitForStarted(10000), "secret-tool is missing: run the tests through scripts/run-tests.sh");
        probe.write("probe");
        probe.closeWriteChannel();
        QVERIFY(probe.waitForFinished(15000));
        QVERIFY2(probe.exitCode() == 0, "no Secret Service answers: run the tests through scripts/run-tests.sh, "
                                        "which starts gnome-keyring in a private D-Bus session");
    }

    void init()
    {
        TestSupport::failOnAnyWarning();
        m_db = m_dir.filePath(QStringLiteral("keys-%1.sqlite").arg(++m_dbCount));
        m_clock = {};
        m_provider.respond(200, models);
        m_provider.clearRoutes();
        m_provider.requests.clear();
    }

    void cleanupTestCase()
    {
        QProcess clear;
        clear.start(QStringLiteral("secret-tool"),
                    {QStringLiteral("clear"), QStringLiteral("server"), QStringLiteral("ai-settings-probe")});
        clear.waitForFinished(15000);
    }
};
