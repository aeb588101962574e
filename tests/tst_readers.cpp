#include "TestSupport.h"

#include "ledger/Schema.h"
#include "session/Session.h"
#include "support/Environment.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

using TestSupport::runCli;

// Readers never wait for writers: while another process holds the database's write lock, reports, exports and
// the window answer at once, and a window that must wait for the lock (to create or upgrade the schema) shows
// that it waits and keeps answering.
class TestReaders : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_db;
    std::unique_ptr<QProcess> m_holder;

    QString newPath() { return m_dir.filePath(QStringLiteral("r%1.sqlite").arg(++m_counter)); }

    // Whether some other connection holds the write lock: taking it without waiting fails.
    static bool writeLockIsHeld(const QString& path)
    {
        bool held = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
            if (db.open()) {
                QSqlQuery q(db);
                held = !q.exec(QStringLiteral("BEGIN IMMEDIATE"));
                if (!held)
                    q.exec(QStringLiteral("ROLLBACK"));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        return held;
    }

    // Another program (the sqlite3 shell) opens a write transaction on `path` and keeps it open until released.
    void holdWriteLock(const QString& path)
    {
        m_holder = std::make_unique<QProcess>();
        m_holder->start(QStringLiteral("sqlite3"), {path});
        QVERIFY(m_holder->waitForStarted(10000));
        // The shell waits for the lock too: the probe below takes it for an instant each time it looks, and a
        // BEGIN that met it without waiting would leave the shell holding nothing.
        m_holder->write(".timeout 10000\nBEGIN IMMEDIATE;\nINSERT INTO settings (name, value) VALUES ('held', 'by "
                        "another program');\n");
        QTRY_VERIFY_WITH_TIMEOUT(writeLockIsHeld(path), 10000);
    }

    void releaseWriteLock()
    {
        m_holder->write("COMMIT;\n.quit\n");
        m_holder->closeWriteChannel();
        QVERIFY(m_holder->waitForFinished(10000));
        m_holder.reset();
    }

private slots:
    void init()
    {
        TestSupport::failOnAnyWidgetWarning();
        m_db = newPath();
        QCOMPARE(runCli({QStringLiteral("--db"), m_db, QStringLiteral("tenants"), QStringLiteral("add"),
                         QStringLiteral("acme")})
                     .exitCode,
                 0);
    }

    void cleanup()
    {
        if (m_holder) {
            m_holder->kill();
            m_holder->waitForFinished(5000);
            m_holder.reset();
        }
    }

    void commandsThatReadAnswerWhileAnotherProcessWrites_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("report") << QStringList{"report", "--json"};
        QTest::newRow("report of a tenant") << QStringList{"report", "--tenant", "acme"};
        QTest::newRow("export") << QStringList{"export"};
        QTest::newRow("tenants") << QStringList{"tenants", "list"};
        QTest::newRow("plan") << QStringList{"plan", "show"};
    }

    void commandsThatReadAnswerWhileAnotherProcessWrites()
    {
        QFETCH(QStringList, args);
        holdWriteLock(m_db);
        QElapsedTimer timer;
        timer.start();
        const auto r = runCli(QStringList{QStringLiteral("--db"), m_db} + args);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Waiting for the lock would have taken the whole busy timeout and then failed.
        QVERIFY2(elapsed < Ledger::writeWaitMs, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        qInfo("%s answered in %lld ms while another process held the write lock", qPrintable(args.first()), elapsed);
        QVERIFY(writeLockIsHeld(m_db)); // the other program was never disturbed
        releaseWriteLock();
    }

    void theWindowOpensAtOnceWhileAnotherProcessWrites()
    {
        holdWriteLock(m_db);
        QElapsedTimer timer;
        timer.start();
        Ui::MainWindow window(m_db);
        QVERIFY(window.session());
        QVERIFY(window.page());
        QVERIFY2(timer.elapsed() < Ledger::writeWaitMs, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
        releaseWriteLock();
    }

    // A database that must be upgraded needs the write lock: the window says it waits, keeps its event loop
    // running, and shows the page once the other program lets go.
    void theWindowWaitsVisiblyForADatabaseItMustUpgrade()
    {
        const QString path = newPath();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(Schema::migrate(db, TestSupport::catalog(), Environment::currentUserName(), 1).ok());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        holdWriteLock(path);

        QElapsedTimer timer;
        timer.start();
        Ui::MainWindow window(path);
        QVERIFY2(timer.elapsed() < 1000,
                 qPrintable(QStringLiteral("the window took %1 ms to appear").arg(timer.elapsed())));
        auto* waiting = window.findChild<QLabel*>(QStringLiteral("waitingLabel"));
        QVERIFY(waiting);
        QVERIFY(waiting->text().contains(QStringLiteral("Waiting for the database")));
        QVERIFY(!window.session()->isOpen()); // its page is built meanwhile, and shown once it is open
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The event loop keeps turning while the other program holds the lock.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(20);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 10, 5000);
        QVERIFY(!window.session()->isOpen());

        releaseWriteLock();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 10000);
        QCOMPARE(window.centralWidget(), window.page());
        QVERIFY(window.page());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("upgraded"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QCOMPARE(Schema::version(db).value(), Schema::currentVersion);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("upgraded"));
        const auto r = runCli({QStringLiteral("--db"), path, QStringLiteral("report"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
    }
};

QTEST_MAIN(TestReaders)
#include "tst_readers.moc"
