#include "CliFixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

// Moving usage with the command line: export then import, a bad line, importing twice, db copy between
// backends, ordinary roles on a shared ledger, and record --stdin answering each event as it comes.
class TestCliTransfer : public CliFixture
{
    Q_OBJECT

private slots:
    void exportThenImportGivesTheSameReports_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << "csv";
        QTest::newRow("jsonl") << "jsonl";
    }

    void exportThenImportGivesTheSameReports()
    {
        QFETCH(QString, format);
        const QString source = newPath(".csv");
        writeFile(source, sampleCsv());
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}).exitCode, 0);
        const auto imported = cli({QStringLiteral("import"), source});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.out.startsWith("Imported 90 of 90 events"), imported.out.constData());

        const QString exported = newPath(format == QLatin1String("csv") ? ".csv" : ".jsonl");
        QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("-o"), exported}).exitCode, 0);
        const QString copy = newLedger();
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}, copy).exitCode, 0);
        const auto reimported = cli({QStringLiteral("import"), exported}, copy);
        QVERIFY2(reimported.exitCode == 0, reimported.err.constData());

        int nonEmpty = 0;
        for (const char* period : {"2026-08", "2026-09", "2026-10"}) {
            for (const QString& tenant : {QString(), QStringLiteral("acme"), QStringLiteral("beta")}) {
                const QStringList args = periodArgs(period, tenant);
                const QJsonObject a = reportJson(m_db, args);
                QVERIFY(!a.isEmpty());
                QCOMPARE(reportJson(copy, args), a);
                nonEmpty += a[QStringLiteral("used")].toInt() > 0;
            }
        }
        QCOMPARE(nonEmpty, 9);
        // The exports of both files are byte for byte the same.
        const auto again = cli({QStringLiteral("export"), QStringLiteral("--format"), format}, copy);
        QFile first(exported);
        QVERIFY(first.open(QIODevice::ReadOnly));
        QCOMPARE(again.out, first.readAll());
    }

    void badLineImportsNothing()
    {
        const QString file = newPath(".csv");
        QByteArray csv = sampleCsv();
        csv += "ev-bad,2026-11-31T00:00:00Z,,theme,,credits,\n";
        writeFile(file, csv);
        const auto r = cli({QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("Line 92: occurred_at \"2026-11-31T00:00:00Z\" is not an ISO 8601 time"),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(cli({QStringLiteral("export")}).out.count('\n'), 1); // the header only
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("list")}).out, QByteArray("No tenants.\n"));
    }

    void importingTwiceAddsNothing()
    {
        const QString file = newPath(".csv");
        writeFile(file, sampleCsv());
        QCOMPARE(cli({QStringLiteral("import"), file, QStringLiteral("--dry-run")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("export")}).out.count('\n'), 1);
        QCOMPARE(cli({QStringLiteral("import"), file}).exitCode, 0);
        const auto second = cli({QStringLiteral("import"), file});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.startsWith("Imported 0 of 90 events (0 credits); 90 were already recorded."),
                 second.out.constData());
        QCOMPARE(cli({QStringLiteral("export")}).out.count('\n'), 91);
    }

    // SQLite → the suite's backend → SQLite: on the PostgreSQL run, the move up to a shared ledger and back.
    void dbCopyRoundTripKeepsEveryReport()
    {
        const QString first = newPath(".sqlite");
        const QString source = newPath(".csv");
        writeFile(source, sampleCsv());
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}, first).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), source}, first).exitCode, 0);
        TestBackend::serverRole(QStringLiteral("val"));
        QCOMPARE(cli({QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("val"), QStringLiteral("--role"),
                      QStringLiteral("viewer")},
                     first)
                     .exitCode,
                 0);
        {
            auto ledger = TestSupport::openLedger(first, Environment::currentUserName());
            QVERIFY(ledger->keys()
                        .setKeyRecord({QStringLiteral("acme"),
                                       QStringLiteral("anthropic"),
                                       KeyState::Active,
                                       QStringLiteral("wxyz"),
                                       ledger->now(),
                                       {},
                                       {QStringLiteral("claude-opus-4-6")},
                                       std::nullopt,
                                       {},
                                       {}},
                                      KeyChange::Set)
                        .ok());
        }

        const auto up = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"), m_db}, first);
        QVERIFY2(up.exitCode == 0, up.err.constData());
        QVERIFY2(up.out.contains("90 usage_events"), up.out.constData());
        // A second copy into the same database is refused, and changes nothing.
        const auto again = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"), m_db}, first);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("; db copy writes only into "), again.err.constData());
        const QString back = newPath(".sqlite");
        const auto down = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--from"), m_db}, back);
        QVERIFY2(down.exitCode == 0, down.err.constData());

        for (const char* period : {"2026-08", "2026-09", "2026-10", "2026-11"})
            for (const QString& tenant : {QString(), QStringLiteral("acme"), QStringLiteral("beta")}) {
                const QStringList args = periodArgs(period, tenant);
                const QJsonObject expected = reportJson(first, args);
                QVERIFY(!expected.isEmpty());
                QCOMPARE(reportJson(m_db, args), expected);
                QCOMPARE(reportJson(back, args), expected);
            }
        for (const QStringList& view :
             {QStringList{"export"}, QStringList{"members", "list"}, QStringList{"tenants", "list"},
              QStringList{"models", "show"}, QStringList{"keys", "status", "--json", "--tenant", "acme"}}) {
            const QByteArray expected = cli(view, first).out;
            QVERIFY(!expected.isEmpty());
            QCOMPARE(cli(view, m_db).out, expected);
            QCOMPARE(cli(view, back).out, expected);
        }
        QVERIFY(
            cli({QStringLiteral("keys"), QStringLiteral("status"), QStringLiteral("--tenant"), QStringLiteral("acme")},
                back)
                .out.contains("Active (BYOK)"));
    }

    // The README's recipe for a shared ledger: ordinary login roles, a database of the superuser's, db init as the
    // superuser with alice as Owner, a server added as Recorder.
    void ordinaryRolesShareALedgerWithTheReadmesRecipe()
    {
        if (!TestBackend::postgres())
            QSKIP("roles and grants are PostgreSQL's");
        // The server judges a Recorder's events by its own clock, which is the kernel's: so does the program here.
        startClockAt(TestSupport::kernelNow());
        // Roles belong to the whole cluster, which outlives one run of the suite: a name of this run alone.
        const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(12);
        const QString owner = QStringLiteral("alice_") + suffix, server = QStringLiteral("web_") + suffix,
                      database = QStringLiteral("shared_") + suffix;
        TestBackend::admin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(owner));
        TestBackend::admin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(server));
        TestBackend::admin(QStringLiteral("CREATE DATABASE %1").arg(database));
        const QString base = QStringLiteral("postgresql:///%1?host=%2&user=").arg(database, TestBackend::clusterHost());
        // Before db init there is nothing to open, and the Owner cannot create it.
        const auto early = cli({QStringLiteral("report")}, base + owner);
        QCOMPARE(early.exitCode, 3);
        QVERIFY2(early.err.contains("holds no AI Settings ledger yet; a superuser of the server creates one with"),
                 early.err.constData());
        const auto notSuper =
            cli({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--owner"), owner}, base + owner);
        QCOMPARE(notSuper.exitCode, 1);
        const auto made = cli({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--owner"), owner},
                              base + qEnvironmentVariable("AI_SETTINGS_TEST_PG_USER"));
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QVERIFY(made.out.contains("with " + owner.toUtf8() + " as its Owner"));
        QCOMPARE(cli({QStringLiteral("report")}, base + owner).exitCode, 0);
        // Before anyone adds it, the server role is no member: the server vouches for who it is, nothing more.
        const auto stranger =
            cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")}, base + server);
        QCOMPARE(stranger.exitCode, 1);
        QVERIFY2(stranger.err.startsWith(server.toUtf8() + " is not a member of this database"),
                 stranger.err.constData());
        QCOMPARE(cli({QStringLiteral("members"), QStringLiteral("add"), server, QStringLiteral("--role"),
                      QStringLiteral("recorder")},
                     base + owner)
                     .exitCode,
                 0);
        const auto recorded =
            cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")}, base + server);
        QVERIFY2(recorded.exitCode == 0, recorded.err.constData());
        QCOMPARE(reportJson(base + owner)[QStringLiteral("used")].toInt(), 1);
        // A Recorder records and does nothing else.
        const auto plan =
            cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}, base + server);
        QCOMPARE(plan.exitCode, 1);
        const auto check = cli({QStringLiteral("db"), QStringLiteral("check")}, base + owner);
        QVERIFY2(check.exitCode == 0, check.out.constData());
    }

    // Writers serialise on a lock of the ledger's own: a role that is no member cannot take it, a function planted
    // under a catalog name does not run in its place, and a writer that waits gives up within the bound, naming
    // who holds the lock.
    void theWriteLockIsTheLedgersOwn()
    {
        if (!TestBackend::postgres())
            QSKIP("a PostgreSQL matter: SQLite's lock is the file's");
        const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(12);
        const QString database = m_db.mid(QStringLiteral("postgresql:///").size()).section(QLatin1Char('?'), 0, 0);
        const QString stranger = QStringLiteral("stranger_") + suffix;
        TestBackend::admin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(stranger));
        TestBackend::admin(QStringLiteral("CREATE FUNCTION public.pg_advisory_xact_lock(integer) RETURNS void "
                                          "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'planted'; END $$"),
                           database);
        const auto connectAs = [&](const QString& role, const QString& name) {
            return TestBackend::connectAs(database, role, name);
        };
        {
            // The stranger takes the old advisory lock and holds it; the lock row is not theirs to take.
            QSqlDatabase db = connectAs(stranger, QStringLiteral("stranger"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_lock(1095324492)")));
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(!q.exec(QStringLiteral("SELECT id FROM ai_settings.ledger_lock FOR UPDATE")));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            QVERIFY(!q.exec(QStringLiteral("SELECT ai_settings.take_write_lock()")));
            const auto recorded = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")});
            QVERIFY2(recorded.exitCode == 0,
                     recorded.err.constData()); // neither the stranger nor the planted function stopped it
        }
        QSqlDatabase::removeDatabase(QStringLiteral("stranger"));
        {
            // A Recorder holds the lock in an open transaction: the writer waits its 10 s and names the holder.
            const QString holder = QStringLiteral("holder_") + suffix;
            TestBackend::admin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(holder));
            QCOMPARE(cli({QStringLiteral("members"), QStringLiteral("add"), holder, QStringLiteral("--role"),
                          QStringLiteral("recorder")})
                         .exitCode,
                     0);
            QSqlDatabase db = connectAs(holder, QStringLiteral("holder"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(!q.exec(QStringLiteral("SELECT id FROM ai_settings.ledger_lock FOR UPDATE"))); // not directly
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.exec(QStringLiteral("SELECT ai_settings.take_write_lock()")));
            const auto waited = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")});
            QCOMPARE(waited.exitCode, 3);
            QCOMPARE(waited.err, QByteArray("The ledger is busy: " + holder.toUtf8() +
                                            " held its write lock for more than 10 seconds; nothing was written.\n"));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        // A lock row someone deleted stops the writers rather than letting them write unserialised.
        TestBackend::admin(QStringLiteral("DELETE FROM ai_settings.ledger_lock"), database);
        const auto unlocked = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")});
        QCOMPARE(unlocked.exitCode, 3);
        QVERIFY2(unlocked.err.startsWith("The ledger's write lock is missing"), unlocked.err.constData());
        TestBackend::admin(QStringLiteral("INSERT INTO ai_settings.ledger_lock (id) VALUES (1)"), database);
        QCOMPARE(reportJson(m_db)[QStringLiteral("used")].toInt(), 1);
    }

    // An import on a shared ledger stages its rows before it takes the write lock, so that recorders go on
    // meanwhile: with another writer holding the lock, the import's rows are already staged when it waits.
    void anImportStagesItsRowsBeforeTheWriteLock()
    {
        if (!TestBackend::postgres())
            QSKIP("the server's view of a waiting session is PostgreSQL's (tst_ledgerbook shows both backends stage "
                  "first)");
        const int lines = 50000;
        QByteArray csv = "id,occurred_at,tenant,action,model,billing,credits\n";
        for (int i = 0; i < lines; ++i)
            csv += QStringLiteral("st-%1,%2,,theme,claude-sonnet-4-6,credits,1\n")
                       .arg(i)
                       .arg(IsoTime::formatUtc(TestSupport::at("2026-10-01T00:00:00Z") + i * 1000LL))
                       .toUtf8();
        const QString file = newPath(".csv");
        writeFile(file, csv);
        const QString database = m_db.mid(QStringLiteral("postgresql:///").size()).section(QLatin1Char('?'), 0, 0);
        QSqlDatabase holder =
            TestBackend::connectAs(database, Environment::currentUserName(), QStringLiteral("holder"));
        QSqlDatabase watcher = TestBackend::raw(m_db, QStringLiteral("watcher"));
        {
            QSqlQuery hold(holder);
            QVERIFY(hold.exec(QStringLiteral("BEGIN")));
            QVERIFY(hold.exec(QStringLiteral("SELECT ai_settings.take_write_lock()")));
            QProcess import;
            import.setProcessEnvironment(cliEnvironment());
            import.start(QStringLiteral(AI_SETTINGS_BIN),
                         {QStringLiteral("--db"), m_db, QStringLiteral("import"), file});
            QVERIFY(import.waitForStarted(10000));
            // It waits for the lock with its rows staged (the staging table is its session's own, so the server's
            // view of the waiting session is what shows it).
            const auto waitsWithRowsStaged = [&] {
                QSqlQuery q(watcher);
                return q.exec(QStringLiteral(
                           "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE wait_event_type = 'Lock' "
                           "AND query LIKE '%take_write_lock%' AND backend_xid IS NOT NULL")) &&
                       q.next() && q.value(0).toInt() == 1;
            };
            QTRY_VERIFY_WITH_TIMEOUT(waitsWithRowsStaged(), 9000);
            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            QTRY_VERIFY_WITH_TIMEOUT(import.state() == QProcess::NotRunning, 60000);
            QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
            QVERIFY(import.readAllStandardOutput().startsWith("Imported 50,000 of 50,000 events"));
        }
        holder = QSqlDatabase();
        watcher = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QSqlDatabase::removeDatabase(QStringLiteral("watcher"));
    }

    void dbCopyNeedsOneDirection()
    {
        QCOMPARE(cli({QStringLiteral("db"), QStringLiteral("copy")}).exitCode, 2);
        const auto missing = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--from"),
                                  m_dir.filePath(QStringLiteral("nothing.sqlite"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith("There is no ledger at"));
        const auto password = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"),
                                   QStringLiteral("postgresql://alice:hunter2@localhost/x")});
        QCOMPARE(password.exitCode, 2);
        QVERIFY(password.err.contains("must not carry a password"));
        QVERIFY(!password.err.contains("hunter2"));
        // The passphrase of a client key is a secret too, as is anything in an address that cannot be read.
        for (const QString& address : {QStringLiteral("postgresql:///x?host=/tmp&sslpassword=S3cretPw"),
                                       QStringLiteral("postgresql:///x?sslmode=require&SSLPassword=S3cretPw"),
                                       QStringLiteral("postgresql://bad host/x?sslpassword=S3cretPw")}) {
            const auto r = runCli({QStringLiteral("--db"), address, QStringLiteral("report")}, {}, cliEnvironment());
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(!r.err.contains("S3cretPw") && !r.out.contains("S3cretPw"), r.err.constData());
        }
        const auto passphrase = runCli(
            {QStringLiteral("--db"), QStringLiteral("postgresql:///x?sslpassword=S3cretPw"), QStringLiteral("report")},
            {}, cliEnvironment());
        QVERIFY2(
            passphrase.err.startsWith("The database address must not carry the passphrase of a key (\"sslpassword\")"),
            passphrase.err.constData());
    }

    void recordStreamAnswersEachEventAsItComes()
    {
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("add"), QStringLiteral("acme")}).exitCode, 0);
        QProcess p;
        p.setProcessEnvironment(cliEnvironment());
        p.start(QStringLiteral(AI_SETTINGS_BIN),
                {QStringLiteral("--db"), m_db, QStringLiteral("record"), QStringLiteral("--stdin")});
        QVERIFY(p.waitForStarted(10000));
        // One event in, one answer out, while the input is still open: a server waits for it.
        p.write(R"({"action":"trigger","tenant":"acme","id":"job-1"})"
                "\n");
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 20000);
        QJsonObject first = QJsonDocument::fromJson(p.readLine()).object();
        QCOMPARE(first[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(first[QStringLiteral("id")].toString(), QStringLiteral("job-1"));
        QCOMPARE(first[QStringLiteral("credits")].toInt(), 20);
        QCOMPARE(first[QStringLiteral("remaining")].toInt(), 80);
        QCOMPARE(first[QStringLiteral("billing")].toString(), QStringLiteral("credits"));

        QByteArray rest;
        for (int i = 2; i <= 5; ++i)
            rest += QStringLiteral(R"({"action":"trigger","at":"%1","id":"job-%2"})")
                        .arg(IsoTime::formatUtc(m_clock.now() - i * 60000))
                        .arg(i)
                        .toUtf8() +
                    "\n";
        rest += R"({"action":"trigger","id":"job-6"})"
                "\n"; // the pool is empty by now
        rest += R"({"action":"trigger","tenant":"acme","id":"job-1"})"
                "\n"; // the same event: nothing charged again
        rest += "not json\n";
        rest += R"({"action":"theme","colour":"red"})"
                "\n";
        rest += R"({"action":"poetry"})"
                "\n";
        rest += R"(["theme"])"
                "\n";
        rest += R"({"action":"theme","action":"trigger"})"
                "\n";
        // Longer than 64 KiB, in the same batch as the rest: refused as one sent alone is.
        rest += "{\"action\":\"theme\",\"id\":\"" + QByteArray(70 * 1024, 'x') + "\"}\n";
        p.write(rest);
        p.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30000);
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 12);
        QList<QJsonObject> answers;
        for (const QByteArray& line : lines)
            answers << QJsonDocument::fromJson(line).object();
        for (int i = 0; i < 4; ++i)
            QVERIFY2(answers[i][QStringLiteral("ok")].toBool(), lines[i].constData());
        QCOMPARE(answers[3][QStringLiteral("remaining")].toInt(), 0);
        QCOMPARE(answers[4][QStringLiteral("ok")].toBool(), false);
        QCOMPARE(answers[4][QStringLiteral("exit")].toInt(), 1);
        QVERIFY(answers[4][QStringLiteral("error")].toString().startsWith(QStringLiteral("Not enough AI credits")));
        QCOMPARE(answers[5][QStringLiteral("already_recorded")].toBool(), true);
        QCOMPARE(answers[5][QStringLiteral("credits")].toInt(), 20);
        for (int i = 6; i < 12; ++i) {
            QCOMPARE(answers[i][QStringLiteral("exit")].toInt(), 2);
            QCOMPARE(answers[i][QStringLiteral("line")].toInt(), i + 2);
        }
        QVERIFY(answers[7][QStringLiteral("error")].toString().contains(QStringLiteral("Unknown field \"colour\"")));
        QVERIFY(answers[8][QStringLiteral("error")].toString().contains(QStringLiteral("Unknown action \"poetry\"")));
        QCOMPARE(answers[6][QStringLiteral("error")].toString().contains(QStringLiteral("no error occurred")), false);
        QCOMPARE(answers[9][QStringLiteral("error")].toString(),
                 QStringLiteral("The line is JSON, but not an object; an event is one object per line."));
        QCOMPARE(answers[10][QStringLiteral("error")].toString(),
                 QStringLiteral("The field \"action\" is given twice."));
        QCOMPARE(answers[11][QStringLiteral("error")].toString(),
                 QStringLiteral("The line is longer than 65536 bytes."));
        QCOMPARE(reportJson(m_db)[QStringLiteral("used")].toInt(), 100);
        QCOMPARE(cli({QStringLiteral("export")}).out.count('\n'), 6); // the header and five events
    }
};

QTEST_GUILESS_MAIN(TestCliTransfer)
#include "tst_clitransfer.moc"
