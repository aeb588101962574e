#include "ledger/sqlite/ImportRuns.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// An import's rows sorted in runs that go to temporary files and come back merged: every row once, in the order of
// the events' id index, whatever the number of runs, and the same again on a second pass.
class TestImportRuns : public QObject
{
    Q_OBJECT

private:
    static ImportRow rowOf(const QString& id, int line, qint64 at = 0)
    {
        ImportRow row;
        row.line = line;
        row.event.id = id;
        row.event.occurredAt = at;
        row.event.tenant = QStringLiteral("tenant-%1").arg(line % 7);
        row.event.action = line % 2 ? QStringLiteral("content") : QStringLiteral("image");
        row.event.model = line % 2 ? QStringLiteral("claude-sonnet-4-6") : QString();
        row.event.billing = line % 3 ? CreditRules::Billing::Credits : CreditRules::Billing::Byok;
        row.event.credits = line % 3 ? line % 11 : 0;
        return row;
    }

    static QVector<ImportRuns::Row> readAll(ImportRuns& runs)
    {
        QVector<ImportRuns::Row> rows;
        const Status read = runs.read([&](const ImportRuns::Row& row) {
            rows.append(row);
            return true;
        });
        if (!read)
            qWarning("%s", qPrintable(read.failure().message));
        return rows;
    }

private slots:
    void rowsComeBackInIdOrderFromManyRuns()
    {
        // Runs of about a kilobyte: 3,000 rows make well over a hundred files.
        ImportRuns runs(1024);
        QVector<ImportRow> given;
        QRandomGenerator random(7);
        for (int line = 2; line < 3002; ++line) {
            // Ids of different lengths, some given twice, in no order.
            const QString id = QStringLiteral("e-%1%2")
                                   .arg(random.bounded(2500))
                                   .arg(random.bounded(4) == 0 ? QStringLiteral(".x") : QString());
            given.append(rowOf(id, line, 1700000000000LL + line));
            QVERIFY(runs.add(given.last()).ok());
        }
        QCOMPARE(runs.size(), 3000);
        std::sort(given.begin(), given.end(), [](const ImportRow& a, const ImportRow& b) {
            const QByteArray x = a.event.id.toLatin1(), y = b.event.id.toLatin1();
            return x != y ? x < y : a.line < b.line;
        });
        for (int pass = 0; pass < 2; ++pass) {
            const QVector<ImportRuns::Row> rows = readAll(runs);
            QCOMPARE(rows.size(), given.size());
            for (int i = 0; i < rows.size(); ++i) {
                const UsageEvent& e = given[i].event;
                QCOMPARE(rows[i].id, e.id.toLatin1());
                QCOMPARE(rows[i].line, given[i].line);
                QCOMPARE(rows[i].occurredAt, e.occurredAt);
                QCOMPARE(runs.text(rows[i].tenant), e.tenant);
                QCOMPARE(runs.text(rows[i].action), e.action);
                QCOMPARE(runs.utf8(rows[i].model), e.model.toUtf8());
                QCOMPARE(rows[i].billing, e.billing);
                QCOMPARE(rows[i].credits, e.credits);
            }
        }
    }

    void repeatsAreCountedAcrossRunsAndTheFirstByLineIsNamed()
    {
        ImportRuns runs(256);
        int line = 2;
        for (int i = 0; i < 200; ++i)
            QVERIFY(runs.add(rowOf(QStringLiteral("unique-%1").arg(i), line++)).ok());
        QVERIFY(runs.add(rowOf(QStringLiteral("twice-b"), 50)).ok());
        QVERIFY(runs.add(rowOf(QStringLiteral("twice-a"), 300)).ok());
        QVERIFY(runs.add(rowOf(QStringLiteral("twice-b"), 400)).ok()); // repeats line 50
        QVERIFY(runs.add(rowOf(QStringLiteral("twice-a"), 500)).ok()); // repeats line 300
        QVERIFY(runs.add(rowOf(QStringLiteral("twice-b"), 600)).ok()); // repeats line 50 again
        const auto repeats = runs.repeatedIds();
        QVERIFY(repeats.ok());
        QCOMPARE(repeats->count, 3);
        QCOMPARE(repeats->firstLine, 400);
        QCOMPARE(repeats->firstId, QStringLiteral("twice-b"));

        ImportRuns clean(256);
        for (int i = 0; i < 100; ++i)
            QVERIFY(clean.add(rowOf(QStringLiteral("only-%1").arg(i), i + 2)).ok());
        QCOMPARE(clean.repeatedIds()->count, 0);
    }

    void theOrderIsTheIdIndexsOrder()
    {
        // SQLite's BINARY collation on the ids the rules allow (bytes, then the shorter first), asked of SQLite.
        const QStringList ids{QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("a."), QStringLiteral("a-b"),
                              QStringLiteral("ab"), QStringLiteral("a/b"), QStringLiteral("Z9"), QStringLiteral("0:1"),
                              QStringLiteral("a@b"), QStringLiteral("a+b"), QStringLiteral("a=b"), QStringLiteral("aa"),
                              // ids first ordered by their first eight bytes, then by the rest
                              QStringLiteral("abcdefgh"), QStringLiteral("abcdefghi"), QStringLiteral("abcdefgh-"),
                              QStringLiteral("abcdefg"), QStringLiteral("abcdefgG"), QStringLiteral("abcdefgh.z"),
                              QStringLiteral("abcdefgh.a")};
        // Sorted in memory (one run) and merged from files (a run of a row or two each).
        QStringList inMemory, merged;
        for (auto [bytesPerRun, ours] : {std::pair{1 << 20, &inMemory}, std::pair{64, &merged}}) {
            ImportRuns runs(bytesPerRun);
            for (int i = 0; i < ids.size(); ++i)
                QVERIFY(runs.add(rowOf(ids[i], i + 2)).ok());
            for (const ImportRuns::Row& row : readAll(runs))
                *ours << QString::fromLatin1(row.id);
        }

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("order"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE e (id TEXT PRIMARY KEY)")));
        q.prepare(QStringLiteral("INSERT INTO e (id) VALUES (?)"));
        for (const QString& id : ids) {
            q.bindValue(0, id);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QStringList sqlite;
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM e ORDER BY id")));
        while (q.next())
            sqlite << q.value(0).toString();
        QCOMPARE(inMemory, sqlite);
        QCOMPARE(merged, sqlite);
    }

    void aTemporaryFolderThatCannotBeWrittenIsSaidAndNothingIsRead()
    {
        QTemporaryDir scratch;
        const QString missing = scratch.filePath(QStringLiteral("no-such-folder"));
        const QByteArray was = qgetenv("TMPDIR");
        qputenv("TMPDIR", missing.toUtf8());
        ImportRuns runs(64);
        Status added = success();
        for (int i = 0; i < 10 && added.ok(); ++i)
            added = runs.add(rowOf(QStringLiteral("e-%1").arg(i), i + 2));
        qputenv("TMPDIR", was);
        QVERIFY(!added.ok());
        QCOMPARE(added.failure().kind, Failure::Unavailable);
        QVERIFY2(added.failure().message.contains(QDir::toNativeSeparators(missing)),
                 qPrintable(added.failure().message));
        QVERIFY2(added.failure().message.startsWith(QStringLiteral("The import could not use its temporary file")),
                 qPrintable(added.failure().message));
    }

    void noRowsReadNothing()
    {
        ImportRuns runs;
        QCOMPARE(readAll(runs).size(), 0);
        QCOMPARE(runs.repeatedIds()->count, 0);
    }
};

QTEST_GUILESS_MAIN(TestImportRuns)
#include "tst_importruns.moc"
