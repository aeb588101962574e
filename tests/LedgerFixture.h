#pragma once

#include "TestBackend.h"
#include "TestSupport.h"
#include "words/UsageSentences.h"

#include "formats/UsageFile.h"
#include "ledger/Schema.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using TestSupport::at;

// What the ledger suites share: the ledger against a real SQLite file, and (run again with
// AI_SETTINGS_TEST_BACKEND=postgresql) against a real PostgreSQL database, a fresh one for each test, opened by
// its Owner at a fixed clock. Its private slots run before and after each suite's tests.
class LedgerFixture : public QObject
{
    Q_OBJECT

protected:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Ledger> m_ledger;
    int m_counter = 0;

    Ledger& ledger() { return *m_ledger; }

    std::unique_ptr<Ledger> openAs(const QString& user)
    {
        auto l = TestSupport::openLedger(TestBackend::as(m_path, user), user);
        l->setClock(Clock::fixedAt(at("2026-11-22T12:00:00Z")));
        return l;
    }

    Result<RecordOutcome> record(const char* action, const char* when, const QString& tenant = {})
    {
        return TestSupport::recordAsItHappened(ledger(), {QLatin1String(action), tenant, at(when), QString()});
    }

    qint64 used(const char* period = "2026-11")
    {
        const auto r = ledger().usage().report(QString::fromLatin1(period), std::nullopt);
        if (!r)
            qFatal("%s", qPrintable(r.failure().message));
        return r->used;
    }

    void setKey(const QString& tenant, const char* provider, KeyState state)
    {
        const Status s = ledger().keys().setKeyRecord({tenant,
                                                       QLatin1String(provider),
                                                       state,
                                                       QStringLiteral("wxyz"),
                                                       at("2026-11-20T00:00:00Z"),
                                                       {},
                                                       {},
                                                       std::nullopt,
                                                       {},
                                                       {}},
                                                      KeyChange::Set);
        QVERIFY2(s.ok(), qPrintable(s.failure().message));
    }

    // A second, raw connection to look at the tables themselves.
    template <typename F> void withRawDatabase(F f)
    {
        {
            QSqlDatabase db = TestBackend::raw(m_path, QStringLiteral("raw"));
            f(db);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    qint64 scalar(const QString& sql)
    {
        qint64 value = -1;
        withRawDatabase([&](QSqlDatabase& db) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toLongLong();
        });
        return value;
    }

    qint64 rateLimitIndexes()
    {
        return scalar(
            TestBackend::postgres()
                ? QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'usage_events_by_tenant'")
                : QStringLiteral(
                      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'usage_events_by_tenant'"));
    }

    QVector<ImportRow> rows(const QByteArray& csv)
    {
        auto parsed =
            UsageFile::parse("id,occurred_at,tenant,action,model,billing,credits\n" + csv, UsageFile::Format::Csv);
        if (!parsed)
            qFatal("%s", qPrintable(parsed.failure().message));
        return parsed.value();
    }

private slots:
    void init()
    {
        TestSupport::failOnAnyWarning();
        QVERIFY(m_dir.isValid());
        m_path = TestBackend::newLocation(m_dir, QStringLiteral("ledger-%1").arg(++m_counter), QStringLiteral("owner"));
        m_ledger = openAs(QStringLiteral("owner"));
    }

    void cleanup() { m_ledger.reset(); }
};
