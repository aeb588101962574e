#include "ledger/sqlite/SqliteCheckpointer.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The checkpointer copies SQLite's log back into the database file on its own thread, in step with the commits
// that fill it, and without losing or damaging a row.
class TestSqliteCheckpointer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;

    static void exec(QSqlDatabase db, const QString& sql)
    {
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
    }

    static qint64 scalar(QSqlDatabase db, const QString& sql)
    {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    // Rows of 8 KiB, each in its own commit: two or three pages of log each.
    static void writeRows(QSqlDatabase db, int count)
    {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO t (x) VALUES (?)"));
        for (int i = 0; i < count; ++i) {
            insert.bindValue(0, QByteArray(8192, char('a' + i % 26)));
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
    }

    qint64 fileSize() const { return QFileInfo(m_file).size(); }

private slots:
    void init()
    {
        m_file = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        db.setDatabaseName(m_file);
        QVERIFY(db.open());
        exec(db, QStringLiteral("PRAGMA journal_mode = WAL"));
        exec(db, QStringLiteral("CREATE TABLE t (x BLOB)"));
        exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    void cleanup()
    {
        QSqlDatabase::database(QStringLiteral("writer"), false).close();
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    }

    void theLogIsCopiedBackOnItsOwnThread()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("writer"));
        const qint64 before = fileSize();
        {
            const auto checkpointer = SqliteCheckpointer::start(db, 50, 1000);
            QVERIFY(checkpointer);
            // About 120 pages: far below SQLite's own 1,000, past the checkpointer's 50.
            writeRows(db, 40);
            QTRY_VERIFY_WITH_TIMEOUT(fileSize() > before + 40 * 8192 / 2, 10000);
        }
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM t")), 40);
        QCOMPARE(QSqlQuery(db).exec(QStringLiteral("PRAGMA integrity_check")), true);
    }

    void withoutItTheSameCommitsLeaveTheFileAlone()
    {
        // The control for the test above: SQLite's own checkpoint waits for 1,000 pages.
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("writer"));
        const qint64 before = fileSize();
        writeRows(db, 40);
        QCOMPARE(fileSize(), before);
    }

    // An import's commit: SQLite copies a log past 1,000 pages back before the commit returns, unless told to
    // leave it for later (AfterCommit), when copyBack() does it.
    void aLargeCommitCanLeaveItsLogToBeCopiedBackAfter()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("writer"));
        const qint64 before = fileSize();
        {
            SqliteCheckpointer::AfterCommit after(db);
            exec(db, QStringLiteral("BEGIN"));
            writeRows(db, 600); // some 1,500 pages in one commit
            exec(db, QStringLiteral("COMMIT"));
            QCOMPARE(fileSize(), before);
            after.copyBack();
            QVERIFY(fileSize() > before + 600 * 8192);
        }
        // SQLite's own automatic checkpoint is back.
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA wal_autocheckpoint")), 1000);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM t")), 600);
    }

    void withoutItALargeCommitCopiesItsLogBackBeforeItReturns()
    {
        // The control for the test above.
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("writer"));
        const qint64 before = fileSize();
        exec(db, QStringLiteral("BEGIN"));
        writeRows(db, 600);
        exec(db, QStringLiteral("COMMIT"));
        QVERIFY(fileSize() > before + 600 * 8192);
    }

    void aLongReadDelaysTheLogsRestartButLosesNothing()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("writer"));
        QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        reader.setDatabaseName(m_file);
        QVERIFY(reader.open());
        {
            const auto checkpointer = SqliteCheckpointer::start(db, 20, 60);
            // A read transaction keeps the log from starting over; the writer goes on regardless.
            exec(reader, QStringLiteral("BEGIN"));
            QCOMPARE(scalar(reader, QStringLiteral("SELECT COUNT(*) FROM t")), 0);
            writeRows(db, 60);
            QCOMPARE(scalar(reader, QStringLiteral("SELECT COUNT(*) FROM t")), 0);
            exec(reader, QStringLiteral("COMMIT"));
            writeRows(db, 60);
            QTRY_VERIFY_WITH_TIMEOUT(fileSize() > 100 * 8192, 10000);
        }
        QCOMPARE(scalar(reader, QStringLiteral("SELECT COUNT(*) FROM t")), 120);
        reader.close();
        reader = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("reader"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM t")), 120);
    }
};

QTEST_GUILESS_MAIN(TestSqliteCheckpointer)
#include "tst_sqlitecheckpointer.moc"
