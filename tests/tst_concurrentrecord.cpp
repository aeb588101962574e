#include "TestBackend.h"
#include "TestSupport.h"

#include "support/Environment.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

// Several ai-settings processes record at once into one ledger until the pool is empty: exactly the allocation
// is spent, and every event that was reported as recorded is there once. Four on an SQLite file; eight on a
// PostgreSQL database (AI_SETTINGS_TEST_BACKEND=postgresql), as servers on several machines would.
class TestConcurrentRecord : public QObject
{
    Q_OBJECT

private:
    static constexpr int maxWorkers = 8;
    const int workers = TestBackend::postgres() ? 8 : 4;

    struct Worker
    {
        QProcess process;
        QString currentId;
        bool finished = false;
    };

    QTemporaryDir m_dir;
    QString m_db;
    static constexpr int tenants = 10;
    TestSupport::ProgramClock m_clock;
    int m_nextSlot = 0;
    QSet<QString> m_recorded;
    int m_refusedForCredits = 0;
    QStringList m_unexpected;

    void startNext(Worker& w, int index)
    {
        // Spread over the tenants: at most 11 queries each, so the 20/hour limit never decides the outcome. The
        // programs' clock is the middle of a period, so that the run never straddles a reset.
        const QString tenant = QStringLiteral("t%1").arg(m_nextSlot++ % tenants);
        w.currentId = QStringLiteral("w%1-%2").arg(index).arg(m_nextSlot);
        w.process.setProcessEnvironment(m_clock.environment());
        w.process.start(QStringLiteral(AI_SETTINGS_BIN),
                        {QStringLiteral("--db"), m_db, QStringLiteral("record"), QStringLiteral("--action"),
                         QStringLiteral("theme"), QStringLiteral("--tenant"), tenant, QStringLiteral("--id"),
                         w.currentId});
    }

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void poolIsNeverOverdrawnAndNoEventIsLost()
    {
        m_db = TestBackend::newLocation(m_dir, QStringLiteral("shared"), Environment::currentUserName());
        {
            auto ledger = TestSupport::openLedger(m_db, Environment::currentUserName()); // Essentials: 100 credits
            for (int t = 0; t < tenants; ++t)
                QVERIFY(ledger->directory().addTenant(QStringLiteral("t%1").arg(t), {}).ok());
        }
        Worker pool[maxWorkers];
        for (int i = 0; i < workers; ++i) {
            Worker& w = pool[i];
            connect(&w.process, &QProcess::finished, this, [&, i](int exitCode, QProcess::ExitStatus status) {
                const QByteArray err = w.process.readAllStandardError();
                if (status == QProcess::NormalExit && exitCode == 0) {
                    m_recorded.insert(w.currentId);
                    startNext(w, i);
                    return;
                }
                if (status == QProcess::NormalExit && exitCode == 1 && err.startsWith("Not enough AI credits"))
                    ++m_refusedForCredits;
                else
                    m_unexpected << QStringLiteral("%1 exited %2: %3")
                                        .arg(w.currentId)
                                        .arg(exitCode)
                                        .arg(QString::fromUtf8(err));
                w.finished = true;
            });
        }
        for (int i = 0; i < workers; ++i)
            startNext(pool[i], i);
        const auto allFinished = [&] {
            for (int i = 0; i < workers; ++i)
                if (!pool[i].finished)
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allFinished(), 180000);
        QVERIFY2(m_unexpected.isEmpty(), qPrintable(m_unexpected.join(QLatin1Char('\n'))));
        QCOMPARE(m_refusedForCredits, workers);
        QCOMPARE(m_recorded.size(), 100);

        QSet<QString> stored;
        qint64 credits = 0, totals = 0;
        {
            QSqlDatabase db = TestBackend::raw(m_db, QStringLiteral("check"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT id, credits FROM usage_events")));
            while (q.next()) {
                QVERIFY2(!stored.contains(q.value(0).toString()), "an event is stored twice");
                stored.insert(q.value(0).toString());
                credits += q.value(1).toLongLong();
            }
            QVERIFY(q.exec(QStringLiteral("SELECT SUM(credits) FROM usage_totals")) && q.next());
            totals = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        QCOMPARE(credits, 100);
        QCOMPARE(totals, 100);
        QCOMPARE(stored, m_recorded);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentRecord)
#include "tst_concurrentrecord.moc"
