#include "TestSupport.h"

#include "ledger/Schema.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <sys/stat.h>

using TestSupport::runCli;

// The command line against hostile and malformed input: identifiers with hidden characters, impossible times,
// escape sequences meant for the terminal, foreign and damaged database files, and files others may read.
class TestHostileInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_db;
    TestSupport::ProgramClock m_clock; // the runs' clock: the times below are past or future at any date

    QString newPath(const char* suffix = ".sqlite")
    {
        return m_dir.filePath(QStringLiteral("h%1%2").arg(++m_counter).arg(QLatin1String(suffix)));
    }

    TestSupport::Run cli(const QStringList& args, const QString& db = {}, const QByteArray& input = {})
    {
        return runCli(QStringList{QStringLiteral("--db"), db.isEmpty() ? m_db : db} + args, input,
                      m_clock.environment());
    }

    QString writeFile(const char* suffix, const QByteArray& content)
    {
        const QString path = newPath(suffix);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    static QByteArray sha256(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    // The error is one line of plain text: no byte below 0x20 but its final newline, and readable in length.
    static void verifyOnePlainLine(const QByteArray& err)
    {
        QVERIFY2(err.endsWith('\n'), err.constData());
        for (qsizetype i = 0; i + 1 < err.size(); ++i)
            QVERIFY2(static_cast<unsigned char>(err[i]) >= 0x20 && err[i] != 0x7f,
                     qPrintable(QStringLiteral("control byte 0x%1 at %2 in: %3")
                                    .arg(int(static_cast<unsigned char>(err[i])), 2, 16, QLatin1Char('0'))
                                    .arg(i)
                                    .arg(QString::fromUtf8(err.toPercentEncoding(" \"\\:;,.()-_")))));
        QVERIFY2(err.size() < 600, qPrintable(QStringLiteral("%1 bytes of error").arg(err.size())));
    }

    static int mode(const QString& path)
    {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    }

    int auditRows(const QString& db)
    {
        int rows = -1;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
            raw.setDatabaseName(db);
            if (raw.open()) {
                QSqlQuery q(raw);
                if (q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) && q.next())
                    rows = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("audit"));
        return rows;
    }

private slots:
    void init()
    {
        TestSupport::failOnAnyWarning();
        m_db = newPath();
        m_clock = {};
    }

    // Defect 1: "$" matched before a final newline, so "zeta\n" passed as a second "zeta".
    void identifiersMatchWholeStrings_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("tenant") << QStringList{"tenants", "add", "zeta\n"} << "Tenant id \"zeta\\n\" is not valid";
        QTest::newRow("tenant with tab") << QStringList{"tenants", "add", "ze\tta"}
                                         << "Tenant id \"ze\\tta\" is not valid";
        QTest::newRow("event id") << QStringList{"record", "--action", "theme", "--id", "r1\n"}
                                  << "Event id \"r1\\n\" is not valid";
        QTest::newRow("member") << QStringList{"members", "add", "bob\n", "--role", "viewer"}
                                << "\"bob\\n\" is not a valid user name";
        QTest::newRow("record tenant") << QStringList{"record", "--action", "theme", "--tenant", "acme\n"}
                                       << "Tenant id \"acme\\n\" is not valid";
        QTest::newRow("report tenant") << QStringList{"report", "--tenant", "acme\n"}
                                       << "There is no tenant \"acme\\n\"";
        QTest::newRow("period") << QStringList{"report", "--period", "2026-10\n"}
                                << "The period \"2026-10\\n\" is not a month";
        QTest::newRow("display name") << QStringList{"tenants", "add", "zeta", "--name", "Zeta\x1b[2J"}
                                      << "The name \"Zeta\\x1b[2J\" holds a control character";
        QTest::newRow("long display name")
            << QStringList{"tenants", "add", "zeta", "--name", QString(101, QLatin1Char('n'))}
            << "The name is 101 characters long; use at most 100.";
    }

    void identifiersMatchWholeStrings()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("add"), QStringLiteral("acme")}).exitCode, 0);
        const auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(error.toUtf8()), r.err.constData());
        verifyOnePlainLine(r.err);
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("list")}).out, QByteArray("acme\n"));
    }

    void usageFileTenantWithNewlineIsRefused_data()
    {
        QTest::addColumn<QByteArray>("suffix");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("csv") << QByteArray(".csv")
                             << QByteArray("id,occurred_at,tenant,action,model,billing,credits\n"
                                           "a,2026-10-02T09:00:00Z,\"acme\n\",theme,,credits,\n");
        QTest::newRow("jsonl") << QByteArray(".jsonl")
                               << QByteArray(
                                      "{\"id\":\"a\",\"occurred_at\":\"2026-10-02T09:00:00Z\",\"tenant\":\"acme\\n\","
                                      "\"action\":\"theme\",\"billing\":\"credits\"}\n");
    }

    void usageFileTenantWithNewlineIsRefused()
    {
        QFETCH(QByteArray, suffix);
        QFETCH(QByteArray, content);
        const auto r = cli({QStringLiteral("import"), writeFile(suffix.constData(), content)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("the field tenant holds a control character (\\n)"), r.err.constData());
        verifyOnePlainLine(r.err);
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("list")}).out, QByteArray("No tenants.\n"));
    }

    // Defect 2: events happen between 2000-01-01 and five minutes from now, in imports as in record --at.
    void impossibleTimesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("when");
        QTest::addColumn<QString>("error");
        QTest::newRow("year 9999") << QByteArray("9999-12-31T23:59:59Z")
                                   << "Line 3: the time 9999-12-31T23:59:59Z is in the future";
        QTest::newRow("2030") << QByteArray("2030-01-01T00:00:00Z")
                              << "Line 3: the time 2030-01-01T00:00:00Z is in the future";
        QTest::newRow("year 0") << QByteArray("0000-01-01T00:00:00Z")
                                << "Line 3: the time 0000-01-01T00:00:00Z is before 2000-01-01";
        QTest::newRow("1999") << QByteArray("1999-12-31T23:59:59Z")
                              << "Line 3: the time 1999-12-31T23:59:59Z is before 2000-01-01";
    }

    void impossibleTimesAreRefused()
    {
        QFETCH(QByteArray, when);
        QFETCH(QString, error);
        const QByteArray csv = "id,occurred_at,tenant,action,model,billing,credits\n"
                               "ok,2026-10-02T09:00:00Z,,theme,,credits,\n"
                               "bad," +
                               when + ",,theme,,credits,\n";
        const auto r = cli({QStringLiteral("import"), writeFile(".csv", csv)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(error.toUtf8()), r.err.constData());
        QCOMPARE(cli({QStringLiteral("export")}).out.count('\n'), 1); // nothing was imported

        const auto recorded = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme"),
                                   QStringLiteral("--at"), QString::fromLatin1(when)});
        QCOMPARE(recorded.exitCode, 2);
        QVERIFY2(recorded.err.startsWith(error.mid(8).toUtf8().replace("the time", "The time")),
                 recorded.err.constData());
    }

    void theEdgesOfTimeExportAndImportAgain()
    {
        const QByteArray now = IsoTime::formatUtc(m_clock.now() / 1000 * 1000).toLatin1();
        const QByteArray csv = "id,occurred_at,tenant,action,model,billing,credits\n"
                               "first,2000-01-01T00:00:00Z,,theme,,credits,\n"
                               "last," +
                               now + ",,theme,,credits,\n";
        QCOMPARE(cli({QStringLiteral("import"), writeFile(".csv", csv)}).exitCode, 0);
        for (const char* format : {"csv", "jsonl"}) {
            const QString exported = newPath(format == QByteArray("csv") ? ".csv" : ".jsonl");
            QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("-o"), exported}).exitCode, 0);
            const QString copy = newPath();
            const auto again = cli({QStringLiteral("import"), exported}, copy);
            QVERIFY2(again.exitCode == 0, again.err.constData());
            QVERIFY2(again.out.startsWith("Imported 2 of 2 events"), again.out.constData());
        }
        const auto past = cli({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("0000-01")});
        QCOMPARE(past.exitCode, 2);
        QVERIFY2(past.err.startsWith("The period \"0000-01\" is before 2000-01"), past.err.constData());
    }

    // Defect 3: what a hostile file or argument holds reaches the terminal escaped, and not at any length.
    void hostileValuesNeverReachTheTerminalRaw_data()
    {
        QTest::addColumn<QByteArray>("suffix");
        QTest::addColumn<QByteArray>("content");
        const QByteArray header = "id,occurred_at,tenant,action,model,billing,credits\n";
        QTest::newRow("title escape in action")
            << QByteArray(".csv") << header + "a,2026-10-02T09:00:00Z,,\"\x1b]0;owned\x07\",,credits,\n";
        QTest::newRow("clear screen in model")
            << QByteArray(".csv") << header + "a,2026-10-02T09:00:00Z,,theme,\"\x1b[2J\",credits,\n";
        QTest::newRow("1 MB tenant") << QByteArray(".csv")
                                     << header + "a,2026-10-02T09:00:00Z," + QByteArray(1 << 20, 't') +
                                            ",theme,,credits,\n";
        QTest::newRow("1 MB action") << QByteArray(".csv")
                                     << header + "a,2026-10-02T09:00:00Z,,theme" + QByteArray(1 << 20, 'x') +
                                            ",,credits,\n";
        QTest::newRow("quoted newline") << QByteArray(".csv")
                                        << header + "a,2026-10-02T09:00:00Z,,\"the\nme\",,credits,\n";
        QTest::newRow("jsonl escape in key") << QByteArray(".jsonl") << QByteArray("{\"\\u001b[2Jx\":1}\n");
        QTest::newRow("jsonl bidi override")
            << QByteArray(".jsonl")
            << QByteArray("{\"id\":\"a\",\"occurred_at\":\"2026-10-02T09:00:00Z\",\"action\":\"the\xe2\x80\xaeme\","
                          "\"billing\":\"credits\"}\n");
        QTest::newRow("header") << QByteArray(".csv") << QByteArray("id,\x1b[31m\n");
    }

    void hostileValuesNeverReachTheTerminalRaw()
    {
        QFETCH(QByteArray, suffix);
        QFETCH(QByteArray, content);
        const auto r = cli({QStringLiteral("import"), writeFile(suffix.constData(), content)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        verifyOnePlainLine(r.err);
        QVERIFY2(!r.err.contains("\xe2\x80\xae"), r.err.constData());
    }

    void hostileArgumentsAreEscapedToo()
    {
        for (const QStringList& args : {QStringList{"\x1b]0;owned\x07"}, QStringList{"report", "--jsn\x1b[2J"},
                                        QStringList{"plan", "set", QString(100000, QLatin1Char('p'))},
                                        QStringList{"models", "set", "content", "opus\x1b[2J"}}) {
            const auto r = cli(args);
            QCOMPARE(r.exitCode, 2);
            // The sentence is one plain line; a usage error adds the synopsis on a second line.
            verifyOnePlainLine(r.err.left(r.err.indexOf('\n') + 1));
            QVERIFY2(!r.err.contains('\x1b'), r.err.constData());
        }
    }

    // Defect 6: another application's SQLite file is not taken over.
    void aForeignSqliteFileIsLeftAlone()
    {
        const QString foreign = newPath();
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            raw.setDatabaseName(foreign);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE recipes (name TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO recipes VALUES ('bread')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        const QByteArray before = sha256(foreign);
        for (const QStringList& args : {QStringList{"report"}, QStringList{"plan", "set", "enterprise"}}) {
            const auto r = cli(args, foreign);
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.err.contains("is not an AI Settings database: it holds another program's tables (recipes); "
                                    "nothing was changed."),
                     r.err.constData());
            verifyOnePlainLine(r.err);
        }
        QCOMPARE(sha256(foreign), before);
        QVERIFY(!QFileInfo::exists(foreign + QStringLiteral("-wal")));
    }

    // Defect 11: a damaged schema_version says what is wrong with the file.
    void aDamagedSchemaVersionIsNamed_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("error");
        QTest::newRow("row deleted") << "DELETE FROM schema_version"
                                     << "is damaged: its schema_version table is empty";
        QTest::newRow("text") << "UPDATE schema_version SET version = 'abc'"
                              << "is damaged: its schema_version table holds \"abc\"";
        QTest::newRow("negative") << "UPDATE schema_version SET version = -1"
                                  << "is damaged: its schema_version table holds \"-1\"";
        QTest::newRow("two rows")
            << QStringLiteral("INSERT INTO schema_version VALUES (%1)").arg(Schema::currentVersion)
            << QStringLiteral("is damaged: its schema_version table holds \"%1, %1\"").arg(Schema::currentVersion);
    }

    void aDamagedSchemaVersionIsNamed()
    {
        QFETCH(QString, change);
        QFETCH(QString, error);
        QCOMPARE(cli({QStringLiteral("report")}).exitCode, 0);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
            raw.setDatabaseName(m_db);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(change));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        const auto r = cli({QStringLiteral("report")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(error.toUtf8()), r.err.constData());
        QVERIFY2(r.err.endsWith("nothing was changed.\n"), r.err.constData());
    }

    // Defect 9: the ledger, its folder and exports are private, whatever the umask.
    void filesArePrivateToTheirOwner()
    {
        const mode_t saved = umask(022);
        QProcessEnvironment env = m_clock.environment();
        env.remove(QStringLiteral("AI_SETTINGS_DB"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("private")));
        // The default location: its folder is made by the program.
        const auto r = runCli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")}, {}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString db = m_dir.filePath(QStringLiteral("private/ai-settings/usage.sqlite"));
        const QString exported = m_dir.filePath(QStringLiteral("private/usage.csv"));
        QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("-o"), exported}, {}, env).exitCode, 0);
        umask(saved);
        QCOMPARE(mode(m_dir.filePath(QStringLiteral("private"))), 0700);
        QCOMPARE(mode(QFileInfo(db).absolutePath()), 0700);
        QCOMPARE(mode(db), 0600);
        QCOMPARE(mode(exported), 0600);
    }

    void aNewLedgerIsPrivateEvenThroughTheLibrary()
    {
        const mode_t saved = umask(022);
        const QString db = newPath();
        auto ledger = TestSupport::openLedger(db, QStringLiteral("owner"));
        QVERIFY(ledger->settings().setPlan(QStringLiteral("enterprise")).ok());
        umask(saved);
        QCOMPARE(mode(db), 0600);
        // While a connection is open the write-ahead log exists; SQLite gives it the database's mode.
        QCOMPARE(mode(db + QStringLiteral("-wal")), 0600);
        QCOMPARE(mode(db + QStringLiteral("-shm")), 0600);
    }

    // Defect 10: one rule for files without events, and no audit row for an import that changed nothing.
    void filesWithoutEventsAreRefusedAlike_data()
    {
        QTest::addColumn<QByteArray>("suffix");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty csv") << QByteArray(".csv") << QByteArray();
        QTest::newRow("empty jsonl") << QByteArray(".jsonl") << QByteArray();
        QTest::newRow("blank jsonl") << QByteArray(".jsonl") << QByteArray("\n\n");
        QTest::newRow("header-only csv") << QByteArray(".csv")
                                         << QByteArray("id,occurred_at,tenant,action,model,billing,credits\n");
    }

    void filesWithoutEventsAreRefusedAlike()
    {
        QFETCH(QByteArray, suffix);
        QFETCH(QByteArray, content);
        QCOMPARE(cli({QStringLiteral("report")}).exitCode, 0);
        const int auditBefore = auditRows(m_db);
        const auto r = cli({QStringLiteral("import"), writeFile(suffix.constData(), content)});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QByteArray("The file holds no usage events; nothing was imported.\n"));
        QCOMPARE(auditRows(m_db), auditBefore);
    }

    void anImportThatAddsNothingLeavesNoAuditRow()
    {
        const QString file = writeFile(".csv", "id,occurred_at,tenant,action,model,billing,credits\n"
                                               "a,2026-10-02T09:00:00Z,,theme,,credits,\n");
        QCOMPARE(cli({QStringLiteral("import"), file}).exitCode, 0);
        const int audit = auditRows(m_db);
        const auto again = cli({QStringLiteral("import"), file});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.startsWith("Imported 0 of 1 event (0 credits); 1 was already recorded."),
                 again.out.constData());
        QCOMPARE(auditRows(m_db), audit);
    }

    // Defect 12: a big key from a pipe is measured whole; counts have their right noun.
    void aHugeKeyOnStdinIsRefusedAsSuch()
    {
        const auto r = cli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("anthropic")}, {},
                           QByteArray(100 * 1024, 'k'));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QByteArray("Standard input holds far more than a key; pipe only the key.\n"));
    }

    void countsReadRight()
    {
        const QString file = writeFile(".csv", "id,occurred_at,tenant,action,model,billing,credits\n"
                                               "a,2026-10-02T09:00:00Z,,theme,,credits,\n"
                                               "b,2026-10-02T09:00:00Z,,poetry,,credits,\n"
                                               "c,2026-10-02T09:00:00Z,,prose,,credits,\n");
        const auto bad = cli({QStringLiteral("import"), file});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("(1 more line is bad too)"), bad.err.constData());
        const auto one = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")});
        QVERIFY2(one.out.contains(": 1 credit; id "), one.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
