#include "ledger/sqlite/ImportNote.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

// The note an import leaves beside a SQLite ledger while it holds the write lock: it names the import while its
// process lives, and nobody once that process has ended or when what it says could not be a member's name.
class TestImportNote : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString database() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }

    void writeNote(const QJsonObject& note)
    {
        QFile file(ImportNote::pathFor(database()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(note).toJson());
    }

private slots:
    void anImportIsNamedWhileItsNoteStands()
    {
        {
            const ImportNote note(database(), QStringLiteral("alice"), 10000000, 1764763200000);
            QVERIFY(QFile::exists(ImportNote::pathFor(database())));
            const auto holder = ImportNote::holder(database());
            QVERIFY(holder.has_value());
            QCOMPARE(holder->userName, QStringLiteral("alice"));
            QCOMPARE(holder->events, 10000000);
            QCOMPARE(holder->since, 1764763200000);
        }
        QVERIFY(!QFile::exists(ImportNote::pathFor(database())));
        QVERIFY(!ImportNote::holder(database()).has_value());
    }

    void aNoteLeftByAnEndedProcessNamesNobody()
    {
        QProcess ended;
        qint64 pid = 0;
        connect(&ended, &QProcess::started, this, [&] { pid = ended.processId(); });
        ended.start(QStringLiteral("true"), {});
        QVERIFY(ended.waitForFinished(10000));
        QVERIFY(pid > 0);
        const QJsonObject note{{QStringLiteral("user"), QStringLiteral("alice")},
                               {QStringLiteral("events"), 5},
                               {QStringLiteral("since"), 0},
                               {QStringLiteral("pid"), pid},
                               {QStringLiteral("host"), QSysInfo::machineHostName()}};
        writeNote(note);
        QVERIFY(!ImportNote::holder(database()).has_value());
        // The same note from this (living) process names the import.
        QJsonObject living = note;
        living[QStringLiteral("pid")] = QCoreApplication::applicationPid();
        writeNote(living);
        QVERIFY(ImportNote::holder(database()).has_value());
        // From another machine it cannot be checked, and is believed.
        QJsonObject elsewhere = note;
        elsewhere[QStringLiteral("host")] = QStringLiteral("another-host.invalid");
        writeNote(elsewhere);
        QVERIFY(ImportNote::holder(database()).has_value());
        QFile::remove(ImportNote::pathFor(database()));
    }

    void aNoteThatCouldNotBeAnImportsNamesNobody()
    {
        QJsonObject note{{QStringLiteral("user"), QStringLiteral("alice; rm -rf /\nlies")},
                         {QStringLiteral("events"), 5},
                         {QStringLiteral("since"), 0},
                         {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                         {QStringLiteral("host"), QSysInfo::machineHostName()}};
        writeNote(note);
        QVERIFY(!ImportNote::holder(database()).has_value());
        QFile file(ImportNote::pathFor(database()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not JSON");
        file.close();
        QVERIFY(!ImportNote::holder(database()).has_value());
        QFile::remove(ImportNote::pathFor(database()));
    }

    void aLedgerInMemoryLeavesNoNote()
    {
        const ImportNote note(QStringLiteral(":memory:"), QStringLiteral("alice"), 1, 0);
        QVERIFY(!QFile::exists(ImportNote::pathFor(QStringLiteral(":memory:"))));
        QVERIFY(!ImportNote::holder(QStringLiteral(":memory:")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestImportNote)
#include "tst_importnote.moc"
