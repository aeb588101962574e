#include "TestBackend.h"
#include "TestSupport.h"

#include "Environment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using TestSupport::runCli;

// The real ai-settings executable, as scripts use it; on an SQLite file, and (AI_SETTINGS_TEST_BACKEND=postgresql)
// on a PostgreSQL database of the test cluster.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_db;

    QString newPath(const char* suffix) { return m_dir.filePath(QStringLiteral("f%1%2").arg(++m_counter).arg(QLatin1String(suffix))); }
    // A new ledger on the suite's backend, for the user running the tests.
    QString newLedger()
    {
        return TestBackend::newLocation(m_dir, QStringLiteral("f%1").arg(++m_counter), Environment::currentUserName());
    }

    TestSupport::Run cli(const QStringList& args, const QString& db = {}, const QByteArray& input = {})
    {
        return runCli(QStringList{QStringLiteral("--db"), db.isEmpty() ? m_db : db} + args, input);
    }

    QJsonObject reportJson(const QString& db, const QStringList& extra = {})
    {
        const auto r = cli(QStringList{QStringLiteral("report"), QStringLiteral("--json")} + extra, db);
        if (r.exitCode != 0)
            qWarning("report failed: %s", r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
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
            const QByteArray when = QStringLiteral("2026-%1-%2T%3:15:00Z").arg(8 + (i / 3) % 3, 2, 10, QLatin1Char('0')).arg(1 + i % 28, 2, 10, QLatin1Char('0')).arg(i % 24, 2, 10, QLatin1Char('0')).toLatin1();
            csv += "ev-" + QByteArray::number(i) + ',' + when + ',' + tenants[i % 3] + ',' + action + ',' + model + ',' +
                   (i % 5 == 0 ? "byok" : "credits") + ",\n";
        }
        return csv;
    }

private slots:
    void init()
    {
        TestSupport::failOnAnyWarning();
        m_db = newLedger();
    }

    void newDatabaseReport()
    {
        const QJsonObject r = reportJson(m_db);
        QCOMPARE(r[QStringLiteral("plan")].toString(), QStringLiteral("Essentials"));
        QCOMPARE(r[QStringLiteral("allocation")].toInt(), 100);
        QCOMPARE(r[QStringLiteral("used")].toInt(), 0);
        QCOMPARE(r[QStringLiteral("remaining")].toInt(), 100);
        const QJsonArray byAction = r[QStringLiteral("by_action")].toArray();
        QCOMPARE(byAction.size(), 6);
        for (const QJsonValue& row : byAction)
            for (const char* key : {"action", "count", "credits", "byok_count"})
                QVERIFY(row.toObject().contains(QLatin1String(key)));
        const QJsonObject period = r[QStringLiteral("period")].toObject();
        const auto start = IsoTime::parse(period[QStringLiteral("start")].toString());
        const auto end = IsoTime::parse(period[QStringLiteral("end")].toString());
        QVERIFY(start && end);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(*start <= now && now < *end);
        QCOMPARE(r[QStringLiteral("resets_at")].toString(), period[QStringLiteral("end")].toString());

        const auto text = cli({QStringLiteral("report")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("0 of 100 credits used this month"));
        QVERIFY(text.out.contains("Unused credits do not roll over."));
        QVERIFY(text.out.contains("Trigger generation"));
    }

    void opusDoublesContentButNotImages()
    {
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("professional")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("models"), QStringLiteral("set"), QStringLiteral("content"), QStringLiteral("claude-opus-4-6")}).exitCode, 0);
        const auto content = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("content")});
        QCOMPARE(content.exitCode, 0);
        QVERIFY2(content.out.contains(": 10 credits"), content.out.constData());
        QCOMPARE(reportJson(m_db)[QStringLiteral("used")].toInt(), 10);
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("image")}).exitCode, 0);
        QCOMPARE(reportJson(m_db)[QStringLiteral("used")].toInt(), 20);
        QCOMPARE(reportJson(m_db)[QStringLiteral("remaining")].toInt(), 480);
    }

    void exitCodesAndOneSentenceErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "Unknown command \"frobnicate\"";
        QTest::newRow("record without action") << QStringList{"record"} << 2 << "record needs --action";
        QTest::newRow("unknown option") << QStringList{"report", "--jsn"} << 2 << "Unknown option 'jsn'.";
        QTest::newRow("unknown action") << QStringList{"record", "--action", "poetry"} << 2 << "Unknown action \"poetry\"";
        QTest::newRow("bad time") << QStringList{"record", "--action", "theme", "--at", "yesterday"} << 2 << "--at \"yesterday\" is not an ISO 8601 time";
        QTest::newRow("bad period") << QStringList{"report", "--period", "2026-13"} << 2 << "The period \"2026-13\" is not a month like 2026-11.";
        QTest::newRow("unknown plan") << QStringList{"plan", "set", "gold"} << 2 << "Unknown plan \"gold\"";
        QTest::newRow("unknown tenant") << QStringList{"report", "--tenant", "ghost"} << 2 << "There is no tenant \"ghost\"; add it with";
        QTest::newRow("bad role") << QStringList{"members", "add", "bob", "--role", "boss"} << 2 << "members add needs --role";
        QTest::newRow("missing import file") << QStringList{"import", "/nonexistent/x.csv"} << 2 << "Cannot read /nonexistent/x.csv";
        QTest::newRow("short of credits") << QStringList{"record", "--action", "trigger", "--at", "2026-11-02T00:00:00Z"} << 1 << "Not enough AI credits";
    }

    void exitCodesAndOneSentenceErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, error);
        if (exitCode == 1) // make the pool too small for the action first
            for (int i = 0; i < 5; ++i)
                QCOMPARE(cli({"record", "--action", "trigger", "--at", QStringLiteral("2026-11-01T0%1:00:00Z").arg(i)}).exitCode, 0);
        const auto r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.startsWith(error.toUtf8()), r.err.constData());
        QVERIFY2(r.err.count('\n') <= 2, r.err.constData()); // the sentence, and for usage errors the synopsis
    }

    // The forecast and the warning step, against the same computation done by hand here.
    void reportForecastsAndWarns()
    {
        QJsonObject r = reportJson(m_db);
        QCOMPARE(r[QStringLiteral("alert_level")].toInt(), 0);
        QCOMPARE(r[QStringLiteral("forecast")].toObject()[QStringLiteral("daily_rate")].toDouble(), 0.0);
        QVERIFY(r[QStringLiteral("forecast")].toObject()[QStringLiteral("runs_out_at")].isNull()); // nothing used: they last
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 1; i <= 4; ++i) // 80 of 100 credits, in the last minutes
            QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("trigger"), QStringLiteral("--at"),
                          IsoTime::formatUtc(now - i * 60000)}).exitCode, 0);
        r = reportJson(m_db);
        QCOMPARE(r[QStringLiteral("alert_level")].toInt(), 80);
        // The pace: the credits of the last seven whole UTC days, or of the period so far when it is younger.
        const qint64 periodStart = *IsoTime::parse(r[QStringLiteral("period")].toObject()[QStringLiteral("start")].toString());
        const qint64 resets = *IsoTime::parse(r[QStringLiteral("resets_at")].toString());
        const qint64 sevenDaysBack = QDateTime(QDateTime::fromMSecsSinceEpoch(now - 7 * 86400000LL, Qt::UTC).date(),
                                               QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 windowStart = qMax(periodStart, sevenDaysBack);
        const double rate = 80.0 / (qMax<qint64>(now - windowStart, 3600000) / 86400000.0);
        const QJsonObject forecast = r[QStringLiteral("forecast")].toObject();
        QVERIFY2(qAbs(forecast[QStringLiteral("daily_rate")].toDouble() - rate) < rate * 0.01 + 0.01,
                 qPrintable(QString::number(forecast[QStringLiteral("daily_rate")].toDouble())));
        const qint64 runsOut = now + qint64(20 / rate * 86400000.0);
        if (runsOut < resets) {
            const auto at = IsoTime::parse(forecast[QStringLiteral("runs_out_at")].toString());
            QVERIFY(at);
            QVERIFY2(qAbs(*at - runsOut) < 15 * 60000, qPrintable(forecast[QStringLiteral("runs_out_at")].toString()));
        } else {
            QVERIFY(forecast[QStringLiteral("runs_out_at")].isNull());
        }
        const QString text = cli({QStringLiteral("report")}).out;
        QVERIFY2(text.contains("Warning: 80% of the credits are used; when all are used, actions on credits are refused until the reset on "),
                 qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("At this pace \\([0-9.]+ credits a day\\) the credits (last until the reset|run out on)"))),
                 qPrintable(text));
        // A past period has no forecast and speaks in the past tense.
        QVERIFY(reportJson(m_db, {QStringLiteral("--period"), QStringLiteral("2026-01")})[QStringLiteral("forecast")].isNull());
        const QString january = cli({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("2026-01")}).out;
        QVERIFY2(january.contains(QStringLiteral("0 of 100 credits used in January 2026 (0%).")), qPrintable(january));
        QVERIFY2(january.contains(QStringLiteral("100 credits were left when the period ended on Sun 1 Feb 2026 at 00:00 UTC; unused credits did not roll over.")),
                 qPrintable(january));
        for (const char* present : {"this month", "remaining", "Warning", "At this pace", "refused until"})
            QVERIFY2(!january.contains(QLatin1String(present)), present);
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("trigger"), QStringLiteral("--at"),
                      IsoTime::formatUtc(now - 5 * 60000)}).exitCode, 0);
        r = reportJson(m_db);
        QCOMPARE(r[QStringLiteral("alert_level")].toInt(), 100);
        QCOMPARE(r[QStringLiteral("forecast")].toObject()[QStringLiteral("runs_out_at")].toString().isEmpty(), false);
    }

    void unavailableStorageIsExitThree()
    {
        if (TestBackend::postgres()) {
            const QString missing = QStringLiteral("postgresql:///no_such_database?host=") + TestBackend::clusterHost();
            const auto r = cli({QStringLiteral("report")}, missing);
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.err.startsWith("Cannot connect to " + missing.toUtf8()), r.err.constData());
            QVERIFY(r.err.contains("does not exist"));
            return;
        }
        const auto r = cli({QStringLiteral("report")}, QStringLiteral("/nonexistent-folder/x.sqlite"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.startsWith("Cannot open the database at /nonexistent-folder/x.sqlite"));
    }

    void databaseFromTheEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AI_SETTINGS_DB"), m_db);
        QCOMPARE(runCli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}, {}, env).exitCode, 0);
        QCOMPARE(reportJson(m_db)[QStringLiteral("allocation")].toInt(), 2000);
    }

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
                QStringList args{QStringLiteral("--period"), QLatin1String(period)};
                if (!tenant.isEmpty())
                    args << QStringLiteral("--tenant") << tenant;
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
        QVERIFY2(r.err.startsWith("Line 92: occurred_at \"2026-11-31T00:00:00Z\" is not an ISO 8601 time"), r.err.constData());
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
        QVERIFY2(second.out.startsWith("Imported 0 of 90 events (0 credits); 90 were already recorded."), second.out.constData());
        QCOMPARE(cli({QStringLiteral("export")}).out.count('\n'), 91);
    }

    void pastPeriodsKeepTheirPlanAfterAnUpgrade()
    {
        const QString file = newPath(".csv");
        writeFile(file, "id,occurred_at,tenant,action,model,billing,credits\n"
                        "o1,2026-10-05T09:00:00Z,,trigger,,credits,\n"
                        "o2,2026-10-06T09:00:00Z,,analysis,,credits,361\n");
        QCOMPARE(cli({QStringLiteral("import"), file}).exitCode, 0);
        const auto upgrade = cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")});
        QCOMPARE(upgrade.exitCode, 0);
        QVERIFY2(upgrade.out.startsWith("Plan changed from Essentials to Enterprise: this period's allocation is 2,000 credits from now on."),
                 upgrade.out.constData());
        const QJsonObject october = reportJson(m_db, {QStringLiteral("--period"), QStringLiteral("2026-10")});
        QCOMPARE(october[QStringLiteral("allocation")].toInt(), 100);
        QCOMPARE(october[QStringLiteral("plan_id")].toString(), QStringLiteral("essentials"));
        QCOMPARE(reportJson(m_db)[QStringLiteral("allocation")].toInt(), 2000);
        const QString text = cli({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("2026-10")}).out;
        QVERIFY2(text.contains(QStringLiteral("381 of 100 credits used in October 2026 (381%).")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Imported usage exceeded the plan by 281 credits.")), qPrintable(text));

        const auto downgrade = cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("professional")});
        QVERIFY2(downgrade.out.contains("Plan changed from Enterprise to Professional.\nThe plan changes to Professional (500 "
                                        "credits a month) at the next period, on "),
                 downgrade.out.constData());
        QVERIFY(downgrade.out.contains("this period keeps 2,000 credits."));
        QCOMPARE(reportJson(m_db)[QStringLiteral("allocation")].toInt(), 2000);
    }

    // The user's language for words, numbers and dates; never for machine-readable output.
    void reportSpeaksTheUsersLanguage()
    {
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}).exitCode, 0);
        QProcessEnvironment german = QProcessEnvironment::systemEnvironment();
        german.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        german.remove(QStringLiteral("LC_ALL"));
        german.remove(QStringLiteral("LC_MESSAGES"));
        const QStringList report{QStringLiteral("--db"), m_db, QStringLiteral("report")};
        const auto text = runCli(report, {}, german);
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        QVERIFY2(out.startsWith(QStringLiteral("KI-Credits: Tarif Enterprise, die ganze Installation\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("0 von 2.000 Credits in diesem Monat verbraucht (0 %).")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("2.000 Credits übrig; Rücksetzung am ")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Trigger-Erstellung")));
        QVERIFY(cli({QStringLiteral("report")}).out.contains("0 of 2,000 credits used this month (0%)."));
        const QStringList json = report + QStringList{QStringLiteral("--json")};
        const auto germanJson = runCli(json, {}, german);
        QCOMPARE(germanJson.exitCode, 0);
        QCOMPARE(germanJson.out, cli({QStringLiteral("report"), QStringLiteral("--json")}).out);
        const QStringList exportJsonl{QStringLiteral("--db"), m_db, QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")};
        QCOMPARE(runCli(exportJsonl, {}, german).out, runCli(exportJsonl).out);
        // A refusal is told in German too, through the same core sentence the window shows; a program reading
        // record --stdin gets the English sentence whatever the locale.
        const auto refusal = runCli({QStringLiteral("--db"), m_db, QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("nope")}, {}, german);
        QCOMPARE(refusal.exitCode, 2);
        QVERIFY2(QString::fromUtf8(refusal.err).startsWith(QStringLiteral("Unbekannte Aktion \"nope\"; erwartet wird eine von theme,")),
                 refusal.err.constData());
        const QStringList stdinRecord{QStringLiteral("--db"), m_db, QStringLiteral("record"), QStringLiteral("--stdin")};
        const QByteArray badEvent = "{\"action\":\"nope\",\"id\":\"x1\"}\n";
        const auto germanLines = runCli(stdinRecord, badEvent, german);
        QVERIFY2(germanLines.out.contains("\"error\":\"Unknown action \\\"nope\\\"; expected one of"), germanLines.out.constData());
        QCOMPARE(germanLines.out, runCli(stdinRecord, badEvent).out);
        // Plurals come from the translation, in English too: "1 credit", never "1 credits".
        const auto one = runCli({QStringLiteral("--db"), m_db, QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")});
        QVERIFY2(one.out.contains(": 1 credit; id "), one.out.constData());
    }

    void rolesAreEnforcedForTheRealUser()
    {
        const QString me = Environment::currentUserName();
        {
            auto ledger = TestSupport::openLedger(TestBackend::as(m_db, QStringLiteral("someone-else")), QStringLiteral("someone-else"));
        }
        const auto stranger = cli({QStringLiteral("report")});
        QCOMPARE(stranger.exitCode, 1);
        QVERIFY(stranger.err.startsWith(me.toUtf8() + " is not a member of this database"));
        {
            auto ledger = TestSupport::openLedger(TestBackend::as(m_db, QStringLiteral("someone-else")), QStringLiteral("someone-else"));
            QVERIFY(ledger->directory().setMember(me, Role::Viewer).ok());
        }
        QCOMPARE(cli({QStringLiteral("report")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("members"), QStringLiteral("list")}).exitCode, 0);
        for (const QStringList& change : {QStringList{"plan", "set", "enterprise"}, QStringList{"models", "set", "analysis", "claude-opus-4-6"},
                                          QStringList{"tenants", "add", "acme"}, QStringList{"record", "--action", "theme"},
                                          QStringList{"members", "add", me, "--role", "owner"}}) {
            const auto r = cli(change);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(" role, and " + me.toUtf8() + " is a Viewer."), r.err.constData());
        }
        QCOMPARE(reportJson(m_db)[QStringLiteral("plan")].toString(), QStringLiteral("Essentials"));
    }

    // SQLite → the suite's backend → SQLite: on the PostgreSQL run, the move up to a shared ledger and back.
    void dbCopyRoundTripKeepsEveryReport()
    {
        const QString first = newPath(".sqlite");
        const QString source = newPath(".csv");
        writeFile(source, sampleCsv());
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}, first).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), source}, first).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("val"), QStringLiteral("--role"), QStringLiteral("viewer")}, first).exitCode, 0);
        {
            auto ledger = TestSupport::openLedger(first, Environment::currentUserName());
            QVERIFY(ledger->keys().setKeyRecord({QStringLiteral("acme"), QStringLiteral("anthropic"), KeyState::Active, QStringLiteral("wxyz"),
                                          ledger->now(), {}, {QStringLiteral("claude-opus-4-6")}, std::nullopt, {}, {}},
                                         KeyChange::Set)
                        .ok());
        }

        const auto up = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"), m_db}, first);
        QVERIFY2(up.exitCode == 0, up.err.constData());
        QVERIFY2(up.out.contains("90 usage_events"), up.out.constData());
        // A second copy into the same database is refused, and changes nothing.
        const auto again = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"), m_db}, first);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already holds a ledger; db copy writes only into an empty database."), again.err.constData());
        const QString back = newPath(".sqlite");
        const auto down = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--from"), m_db}, back);
        QVERIFY2(down.exitCode == 0, down.err.constData());

        for (const char* period : {"2026-08", "2026-09", "2026-10", "2026-11"})
            for (const QString& tenant : {QString(), QStringLiteral("acme"), QStringLiteral("beta")}) {
                QStringList args{QStringLiteral("--period"), QLatin1String(period)};
                if (!tenant.isEmpty())
                    args << QStringLiteral("--tenant") << tenant;
                const QJsonObject expected = reportJson(first, args);
                QVERIFY(!expected.isEmpty());
                QCOMPARE(reportJson(m_db, args), expected);
                QCOMPARE(reportJson(back, args), expected);
            }
        for (const QStringList& view : {QStringList{"export"}, QStringList{"members", "list"}, QStringList{"tenants", "list"},
                                        QStringList{"models", "show"}, QStringList{"keys", "status", "--json", "--tenant", "acme"}}) {
            const QByteArray expected = cli(view, first).out;
            QVERIFY(!expected.isEmpty());
            QCOMPARE(cli(view, m_db).out, expected);
            QCOMPARE(cli(view, back).out, expected);
        }
        QVERIFY(cli({QStringLiteral("keys"), QStringLiteral("status"), QStringLiteral("--tenant"), QStringLiteral("acme")}, back)
                    .out.contains("Active (BYOK)"));
    }

    // The README's recipe for a shared ledger: ordinary roles, the owner's database, grants for a server role.
    void ordinaryRolesShareALedgerWithTheReadmesGrants()
    {
        if (!TestBackend::postgres())
            QSKIP("roles and grants are PostgreSQL's");
        const QString suffix = QString::number(++m_counter);
        const QString owner = QStringLiteral("alice_") + suffix, server = QStringLiteral("web_") + suffix,
                      database = QStringLiteral("shared_") + suffix;
        TestBackend::admin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(owner));
        TestBackend::admin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(server));
        TestBackend::admin(QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(database, owner));
        TestBackend::admin(QStringLiteral("GRANT ALL ON SCHEMA public TO %1").arg(server), database);
        TestBackend::admin(QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1 GRANT ALL ON TABLES TO %2").arg(owner, server), database);
        const QString base = QStringLiteral("postgresql:///%1?host=%2&user=").arg(database, TestBackend::clusterHost());
        // Before anyone adds it, the server role is no member: the server vouches for who it is, nothing more.
        QCOMPARE(cli({QStringLiteral("report")}, base + owner).exitCode, 0); // creates the schema; the owner is Owner
        const auto stranger = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")}, base + server);
        QCOMPARE(stranger.exitCode, 1);
        QVERIFY2(stranger.err.startsWith(server.toUtf8() + " is not a member of this database"), stranger.err.constData());
        QCOMPARE(cli({QStringLiteral("members"), QStringLiteral("add"), server, QStringLiteral("--role"), QStringLiteral("admin")}, base + owner).exitCode, 0);
        const auto recorded = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")}, base + server);
        QVERIFY2(recorded.exitCode == 0, recorded.err.constData());
        QCOMPARE(reportJson(base + owner)[QStringLiteral("used")].toInt(), 1);
    }

    void dbCopyNeedsOneDirection()
    {
        QCOMPARE(cli({QStringLiteral("db"), QStringLiteral("copy")}).exitCode, 2);
        const auto missing = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--from"), m_dir.filePath(QStringLiteral("nothing.sqlite"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith("There is no ledger at"));
        const auto password = cli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"), QStringLiteral("postgresql://alice:hunter2@localhost/x")});
        QCOMPARE(password.exitCode, 2);
        QVERIFY(password.err.contains("must not carry a password"));
        QVERIFY(!password.err.contains("hunter2"));
    }

    void recordStreamAnswersEachEventAsItComes()
    {
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("add"), QStringLiteral("acme")}).exitCode, 0);
        QProcess p;
        p.start(QStringLiteral(AI_SETTINGS_BIN), {QStringLiteral("--db"), m_db, QStringLiteral("record"), QStringLiteral("--stdin")});
        QVERIFY(p.waitForStarted(10000));
        // One event in, one answer out, while the input is still open: a server waits for it.
        p.write(R"({"action":"trigger","tenant":"acme","id":"job-1"})" "\n");
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 20000);
        QJsonObject first = QJsonDocument::fromJson(p.readLine()).object();
        QCOMPARE(first[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(first[QStringLiteral("id")].toString(), QStringLiteral("job-1"));
        QCOMPARE(first[QStringLiteral("credits")].toInt(), 20);
        QCOMPARE(first[QStringLiteral("remaining")].toInt(), 80);
        QCOMPARE(first[QStringLiteral("billing")].toString(), QStringLiteral("credits"));

        QByteArray rest;
        for (int i = 2; i <= 5; ++i)
            rest += QStringLiteral(R"({"action":"trigger","at":"2026-11-0%1T10:00:00Z","id":"job-%1"})").arg(i).toUtf8() + "\n";
        rest += R"({"action":"trigger","id":"job-6"})" "\n";    // the pool is empty by now
        rest += R"({"action":"trigger","tenant":"acme","id":"job-1"})" "\n"; // the same event: nothing charged again
        rest += "not json\n";
        rest += R"({"action":"theme","colour":"red"})" "\n";
        rest += R"({"action":"poetry"})" "\n";
        p.write(rest);
        p.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30000);
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 9);
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
        for (int i = 6; i < 9; ++i) {
            QCOMPARE(answers[i][QStringLiteral("exit")].toInt(), 2);
            QCOMPARE(answers[i][QStringLiteral("line")].toInt(), i + 2);
        }
        QVERIFY(answers[7][QStringLiteral("error")].toString().contains(QStringLiteral("Unknown field \"colour\"")));
        QVERIFY(answers[8][QStringLiteral("error")].toString().contains(QStringLiteral("Unknown action \"poetry\"")));
        QCOMPARE(reportJson(m_db)[QStringLiteral("used")].toInt(), 100);
        QCOMPARE(cli({QStringLiteral("export")}).out.count('\n'), 6); // the header and five events
    }

    void helpIsThereForEveryCommand()
    {
        const auto overview = runCli({QStringLiteral("--help")});
        QCOMPARE(overview.exitCode, 0);
        for (const char* command : {"report", "record", "import", "export", "plan", "models", "tenants", "members", "period"}) {
            QVERIFY(overview.out.contains(QByteArray("  ") + command));
            const auto help = runCli({QLatin1String(command), QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.startsWith(QByteArray("Usage: ai-settings [--db PATH] ") + command), help.out.constData());
        }
        const auto version = runCli({QStringLiteral("--version")});
        QVERIFY(version.out.startsWith("ai-settings "));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
