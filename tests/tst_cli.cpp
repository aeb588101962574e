#include "CliFixture.h"

// The command line's reports and refusals: a new ledger's report, costs, exit codes and one-sentence errors,
// forecasts and warnings, storage that cannot be reached, the database from the environment, past plans, the
// user's language, roles and help.
class TestCli : public CliFixture
{
    Q_OBJECT

private slots:
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
        QVERIFY(*start <= now() && now() < *end);
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
        QCOMPARE(cli({QStringLiteral("models"), QStringLiteral("set"), QStringLiteral("content"),
                      QStringLiteral("claude-opus-4-6")})
                     .exitCode,
                 0);
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
        QTest::newRow("unknown option") << QStringList{"report", "--jsn"} << 2 << "Unknown option 'jsn'.\n";
        QTest::newRow("unknown options") << QStringList{"report", "--jsn", "--xml"} << 2
                                         << "Unknown options: jsn, xml.\n";
        QTest::newRow("unknown action") << QStringList{"record", "--action", "poetry"} << 2
                                        << "Unknown action \"poetry\"";
        QTest::newRow("bad time") << QStringList{"record", "--action", "theme", "--at", "yesterday"} << 2
                                  << "--at \"yesterday\" is not an ISO 8601 time";
        QTest::newRow("bad period") << QStringList{"report", "--period", "2026-13"} << 2
                                    << "The period \"2026-13\" is not a month like 2026-11.";
        QTest::newRow("unknown plan") << QStringList{"plan", "set", "gold"} << 2 << "Unknown plan \"gold\"";
        QTest::newRow("unknown tenant") << QStringList{"report", "--tenant", "ghost"} << 2
                                        << "There is no tenant \"ghost\"; add it with";
        QTest::newRow("bad role") << QStringList{"members", "add", "bob", "--role", "boss"} << 2
                                  << "members add needs --role";
        QTest::newRow("missing import file")
            << QStringList{"import", "/nonexistent/x.csv"} << 2 << "Cannot read /nonexistent/x.csv";
        QTest::newRow("short of credits")
            << QStringList{"record", "--action", "trigger"} << 1 << "Not enough AI credits";
        QTest::newRow("history") << QStringList{"record", "--action", "theme", "--at", "2026-01-01T00:00:00Z"} << 2
                                 << "The time 2026-01-01T00:00:00Z is before the running period began at ";
    }

    void exitCodesAndOneSentenceErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, error);
        if (exitCode == 1) // make the pool too small for the action first
            for (int i = 0; i < 5; ++i)
                QCOMPARE(cli({"record", "--action", "trigger"}).exitCode, 0);
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
        QVERIFY(r[QStringLiteral("forecast")]
                    .toObject()[QStringLiteral("runs_out_at")]
                    .isNull()); // nothing used: they last
        const qint64 now = this->now();
        for (int i = 1; i <= 4; ++i) // 80 of 100 credits, in the last minutes
            QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("trigger"),
                          QStringLiteral("--at"), IsoTime::formatUtc(now - i * 60000)})
                         .exitCode,
                     0);
        r = reportJson(m_db);
        QCOMPARE(r[QStringLiteral("alert_level")].toInt(), 80);
        // The pace: the credits of the last seven whole UTC days, or of the period so far when it is younger.
        const qint64 periodStart =
            *IsoTime::parse(r[QStringLiteral("period")].toObject()[QStringLiteral("start")].toString());
        const qint64 resets = *IsoTime::parse(r[QStringLiteral("resets_at")].toString());
        const qint64 sevenDaysBack =
            QDateTime(QDateTime::fromMSecsSinceEpoch(now - 7 * 86400000LL, Qt::UTC).date(), QTime(0, 0), Qt::UTC)
                .toMSecsSinceEpoch();
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
        QVERIFY2(text.contains("Warning: 80% of the credits are used; when all are used, actions on credits are "
                               "refused until the reset on "),
                 qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral(
                     "At this pace \\([0-9.]+ credits a day\\) the credits (last until the reset|run out on)"))),
                 qPrintable(text));
        // A past period has no forecast and speaks in the past tense.
        QVERIFY(reportJson(m_db, {QStringLiteral("--period"), QStringLiteral("2026-01")})[QStringLiteral("forecast")]
                    .isNull());
        const QString january =
            cli({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("2026-01")}).out;
        QVERIFY2(january.contains(QStringLiteral("0 of 100 credits used in January 2026 (0%).")), qPrintable(january));
        QVERIFY2(january.contains(QStringLiteral("100 credits were left when the period ended on Sun 1 Feb 2026 at "
                                                 "00:00 UTC; unused credits did not roll over.")),
                 qPrintable(january));
        for (const char* present : {"this month", "remaining", "Warning", "At this pace", "refused until"})
            QVERIFY2(!january.contains(QLatin1String(present)), present);
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("trigger"),
                      QStringLiteral("--at"), IsoTime::formatUtc(now - 5 * 60000)})
                     .exitCode,
                 0);
        r = reportJson(m_db);
        QCOMPARE(r[QStringLiteral("alert_level")].toInt(), 100);
        QCOMPARE(r[QStringLiteral("forecast")].toObject()[QStringLiteral("runs_out_at")].toString().isEmpty(), false);
    }

    // What a model change would have done over the last 30 days, against the same computation done by hand here:
    // the runs of the slot's actions in the window, at both models' multipliers, the runs on a key apart, the
    // forecast at that pace.
    void modelsPreviewIsTheHandComputation()
    {
        const qint64 now = this->now();
        const auto daysAgo = [&](double days) { return IsoTime::formatUtc(now - qint64(days * 86400000)).toUtf8(); };
        QByteArray csv = "id,occurred_at,tenant,action,model,billing,credits\n";
        // The analysis slot in the window: three data analysis and two trigger runs on credits (one charged at
        // Opus), one trigger run on a key; a content run (another slot); a data analysis run before the window.
        csv += "p1," + daysAgo(29.5) + ",,analysis,claude-opus-4-6,credits,20\n";
        csv += "p2," + daysAgo(10) + ",acme,analysis,claude-sonnet-4-6,credits,10\n";
        csv += "p3," + daysAgo(2) + ",,analysis,claude-sonnet-4-6,credits,10\n";
        csv += "p4," + daysAgo(5) + ",acme,trigger,claude-sonnet-4-6,credits,20\n";
        csv += "p5," + daysAgo(1) + ",,trigger,claude-sonnet-4-6,credits,20\n";
        csv += "p6," + daysAgo(3) + ",,trigger,claude-sonnet-4-6,byok,0\n";
        csv += "p7," + daysAgo(4) + ",,content,claude-sonnet-4-6,credits,5\n";
        csv += "p8," + daysAgo(30.5) + ",,analysis,claude-sonnet-4-6,credits,10\n";
        const QString file = newPath(".csv");
        writeFile(file, csv);
        const auto imported = cli({QStringLiteral("import"), file});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());

        const auto run = cli({QStringLiteral("models"), QStringLiteral("preview"), QStringLiteral("analysis"),
                              QStringLiteral("claude-opus-4-6"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject p = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(p[QStringLiteral("slot")].toString(), QStringLiteral("analysis"));
        QCOMPARE(p[QStringLiteral("model")].toString(), QStringLiteral("claude-sonnet-4-6"));
        QCOMPARE(p[QStringLiteral("new_model")].toString(), QStringLiteral("claude-opus-4-6"));
        QCOMPARE(p[QStringLiteral("days")].toInt(), 30);
        QCOMPARE(p[QStringLiteral("credit_runs")].toInt(), 5);
        QCOMPARE(p[QStringLiteral("credits_charged")].toInt(), 20 + 10 + 10 + 20 + 20);
        QCOMPARE(p[QStringLiteral("credits_at_model")].toInt(), 3 * 10 + 2 * 20);     // Sonnet: ×1
        QCOMPARE(p[QStringLiteral("credits_at_new_model")].toInt(), 3 * 20 + 2 * 40); // Opus: ×2
        QCOMPARE(p[QStringLiteral("byok_runs")].toInt(), 1);
        // The pace the report gives, plus the difference per day of the window.
        const QJsonObject r = reportJson(m_db);
        const double rate =
            r[QStringLiteral("forecast")].toObject()[QStringLiteral("daily_rate")].toDouble() + (140.0 - 70.0) / 30;
        const qint64 remaining = r[QStringLiteral("remaining")].toInteger();
        const qint64 resets = *IsoTime::parse(r[QStringLiteral("resets_at")].toString());
        QCOMPARE(p[QStringLiteral("resets_at")].toString(), r[QStringLiteral("resets_at")].toString());
        const qint64 runsOut = remaining <= 0 ? now : now + qint64(remaining / rate * 86400000.0);
        if (runsOut < resets) {
            const auto at = IsoTime::parse(p[QStringLiteral("runs_out_at_with_new_model")].toString());
            QVERIFY2(at && qAbs(*at - runsOut) < 15 * 60000,
                     qPrintable(p[QStringLiteral("runs_out_at_with_new_model")].toString()));
        } else {
            QVERIFY(p[QStringLiteral("runs_out_at_with_new_model")].isNull());
        }

        const QString text = QString::fromUtf8(cli({QStringLiteral("models"), QStringLiteral("preview"),
                                                    QStringLiteral("analysis"), QStringLiteral("claude-opus-4-6")})
                                                   .out);
        for (const char* said :
             {"Analysis & Triggers on Claude Opus 4.6 instead of Claude Sonnet 4.6, per run: Data analysis 20 credits "
              "instead of 10 credits and Trigger generation 40 credits instead of 20 credits.",
              "Over the last 30 days its 5 runs on credits cost 70 credits at Claude Sonnet 4.6; at Claude Opus 4.6 "
              "they would have cost 140 credits (70 credits more).",
              "They were charged 80 credits, at the models of their day.",
              "Its 1 run on the Anthropic key cost no credits at either model",
              "Anthropic's list prices per million tokens: $3 input and $15 output at Claude Sonnet 4.6; $5 input and "
              "$25 output at Claude Opus 4.6."})
            QVERIFY2(text.contains(QString::fromUtf8(said)), qPrintable(text));
        // Nothing changed.
        QVERIFY(cli({QStringLiteral("models"), QStringLiteral("show")})
                    .out.contains("Analysis & Triggers (analysis): Claude Sonnet 4.6 [claude-sonnet-4-6]"));
        // A slot or model that does not exist is a usage error in one sentence.
        const auto badSlot = cli({QStringLiteral("models"), QStringLiteral("preview"), QStringLiteral("analytics"),
                                  QStringLiteral("claude-opus-4-6")});
        QCOMPARE(badSlot.exitCode, 2);
        QVERIFY2(badSlot.err.contains("Unknown model slot \"analytics\"; expected content or analysis."),
                 badSlot.err.constData());
        const auto badModel = cli({QStringLiteral("models"), QStringLiteral("preview"), QStringLiteral("analysis"),
                                   QStringLiteral("claude-opus-9")});
        QCOMPARE(badModel.exitCode, 2);
        QVERIFY2(badModel.err.contains("Unknown model \"claude-opus-9\""), badModel.err.constData());
    }

    // The first minutes of a period: the report says it is too early for a forecast, never that the credits last.
    void theFirstMinutesOfAPeriodAreTooEarlyForAForecast()
    {
        startClockAt(TestSupport::at("2026-12-01T00:02:00Z"));
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("content")}).exitCode, 0);
        QJsonObject r = reportJson(m_db);
        QCOMPARE(r[QStringLiteral("period")].toObject()[QStringLiteral("start")].toString(),
                 QStringLiteral("2026-12-01T00:00:00Z"));
        QCOMPARE(r[QStringLiteral("used")].toInt(), 5);
        QJsonObject forecast = r[QStringLiteral("forecast")].toObject();
        QCOMPARE(forecast[QStringLiteral("too_early")].toBool(), true);
        QVERIFY(forecast[QStringLiteral("runs_out_at")].isNull());
        const QString text = cli({QStringLiteral("report")}).out;
        QVERIFY2(text.contains(
                     QStringLiteral("\nIt is too early in the period for a forecast; there is one from 01:00 UTC.\n")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("At this pace")), qPrintable(text));
        // An hour in, the pace of that hour is the forecast's.
        startClockAt(TestSupport::at("2026-12-01T01:00:30Z"));
        forecast = reportJson(m_db)[QStringLiteral("forecast")].toObject();
        QCOMPARE(forecast[QStringLiteral("too_early")].toBool(), false);
        // 5 credits in the hour and a half-minute since the period began: 119 a day.
        QCOMPARE(qRound(forecast[QStringLiteral("daily_rate")].toDouble()), 119);
        QVERIFY(
            cli({QStringLiteral("report")})
                .out.contains(
                    "At this pace (119.0 credits a day) the credits run out on Tue 1 Dec, 31 days before the reset."));
    }

    // The last second of a month and the first of the next: an event belongs to the period it happened in, and
    // the report of each instant is of its own period.
    void theLastSecondOfAMonthAndTheFirstOfTheNext()
    {
        startClockAt(TestSupport::at("2026-12-31T23:59:59Z"));
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("content")}).exitCode, 0);
        QJsonObject december = reportJson(m_db);
        QCOMPARE(december[QStringLiteral("period")].toObject()[QStringLiteral("start")].toString(),
                 QStringLiteral("2026-12-01T00:00:00Z"));
        QCOMPARE(december[QStringLiteral("resets_at")].toString(), QStringLiteral("2027-01-01T00:00:00Z"));
        QCOMPARE(december[QStringLiteral("used")].toInt(), 5);
        startClockAt(TestSupport::at("2027-01-01T00:00:01Z"));
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")}).exitCode, 0);
        const QJsonObject january = reportJson(m_db);
        QCOMPARE(january[QStringLiteral("period")].toObject()[QStringLiteral("start")].toString(),
                 QStringLiteral("2027-01-01T00:00:00Z"));
        QCOMPARE(january[QStringLiteral("used")].toInt(), 1);
        QCOMPARE(january[QStringLiteral("remaining")].toInt(), 99);
        QCOMPARE(
            reportJson(m_db, {QStringLiteral("--period"), QStringLiteral("2026-12")})[QStringLiteral("used")].toInt(),
            5);
        const QString text = cli({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("2026-12")}).out;
        QVERIFY2(text.contains(QStringLiteral("5 of 100 credits used in December 2026 (5%).")), qPrintable(text));
    }

    // `period set` says when a new calendar takes effect; `period show` and the report say what waits for the
    // reset, and `report --json` carries it; the short period it makes is named by its first day.
    void aBillingPeriodChangeIsToldWhereItWaits()
    {
        startClockAt(TestSupport::at("2026-11-22T12:00:00Z"));
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")}).exitCode, 0);
        const auto set = cli(
            {QStringLiteral("period"), QStringLiteral("set"), QStringLiteral("--anchor-day"), QStringLiteral("15")});
        QCOMPARE(set.exitCode, 0);
        QVERIFY2(set.out.startsWith("From 1 Dec 2026, credits reset on day 15 of each month at 00:00 UTC. This period "
                                    "keeps its dates (1 Nov 2026 \xe2\x80\x93 30 Nov 2026)"),
                 set.out.constData());
        const auto show = cli({QStringLiteral("period"), QStringLiteral("show")});
        QVERIFY2(show.out.contains("Credits reset on day 1 of each month at 00:00 UTC. The current period runs from "
                                   "1 Nov 2026 to 30 Nov 2026.\nFrom 1 Dec 2026, credits reset on day 15"),
                 show.out.constData());
        const QJsonObject pending = reportJson(m_db)[QStringLiteral("pending_period_change")].toObject();
        QCOMPARE(pending[QStringLiteral("starts_at")].toString(), QStringLiteral("2026-12-01T00:00:00Z"));
        QCOMPARE(pending[QStringLiteral("anchor_day")].toInt(), 15);
        QCOMPARE(pending[QStringLiteral("first_period")].toObject()[QStringLiteral("id")].toString(),
                 QStringLiteral("2026-12-01"));
        startClockAt(TestSupport::at("2026-12-03T12:00:00Z"));
        const QJsonObject shortPeriod = reportJson(m_db);
        QCOMPARE(shortPeriod[QStringLiteral("period")].toObject()[QStringLiteral("id")].toString(),
                 QStringLiteral("2026-12-01"));
        QCOMPARE(shortPeriod[QStringLiteral("resets_at")].toString(), QStringLiteral("2026-12-15T00:00:00Z"));
        QVERIFY(shortPeriod[QStringLiteral("pending_period_change")].isNull());
        QCOMPARE(
            reportJson(m_db, {QStringLiteral("--period"), QStringLiteral("2026-11")})[QStringLiteral("used")].toInt(),
            1);
        const auto unknown = cli({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("2026-12-02")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("No billing period starts on \"2026-12-02\"."), unknown.err.constData());
    }

    // Lists read as columns, however long an id or a name is.
    void listsAreAligned()
    {
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("add"), QStringLiteral("acme"),
                      QStringLiteral("--name"), QStringLiteral("Acme")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("add"), QStringLiteral("northwind-traders-eu"),
                      QStringLiteral("--name"), QStringLiteral("Northwind")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("add"), QStringLiteral("solo")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("list")}).out,
                 QByteArray("acme                  Acme\nnorthwind-traders-eu  Northwind\nsolo\n"));
        TestBackend::serverRole(QStringLiteral("a-rather-long-user-name-of-31ch"));
        QCOMPARE(
            cli({QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("a-rather-long-user-name-of-31ch"),
                 QStringLiteral("--role"), QStringLiteral("viewer")})
                .exitCode,
            0);
        const QList<QByteArray> members =
            cli({QStringLiteral("members"), QStringLiteral("list")}).out.trimmed().split('\n');
        QCOMPARE(members.size(), 2);
        const QByteArray me = Environment::currentUserName().toUtf8();
        for (const QByteArray& line : members)
            QCOMPARE(line.indexOf(line.startsWith(me) ? "Owner" : "Viewer"), 33);
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
        QProcessEnvironment env = cliEnvironment();
        env.insert(QStringLiteral("AI_SETTINGS_DB"), m_db);
        QCOMPARE(
            runCli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}, {}, env).exitCode, 0);
        QCOMPARE(reportJson(m_db)[QStringLiteral("allocation")].toInt(), 2000);
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
        QVERIFY2(
            upgrade.out.startsWith(
                "Plan changed from Essentials to Enterprise: this period's allocation is 2,000 credits from now on."),
            upgrade.out.constData());
        const QJsonObject october = reportJson(m_db, {QStringLiteral("--period"), QStringLiteral("2026-10")});
        QCOMPARE(october[QStringLiteral("allocation")].toInt(), 100);
        QCOMPARE(october[QStringLiteral("plan_id")].toString(), QStringLiteral("essentials"));
        QCOMPARE(reportJson(m_db)[QStringLiteral("allocation")].toInt(), 2000);
        const QString text = cli({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("2026-10")}).out;
        QVERIFY2(text.contains(QStringLiteral("381 of 100 credits used in October 2026 (381%).")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Imported usage exceeded the plan by 281 credits.")), qPrintable(text));

        const auto downgrade = cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("professional")});
        QVERIFY2(downgrade.out.contains(
                     "Plan changed from Enterprise to Professional.\nThe plan changes to Professional (500 "
                     "credits a month) at the next period, on "),
                 downgrade.out.constData());
        QVERIFY(downgrade.out.contains("this period keeps 2,000 credits."));
        QCOMPARE(reportJson(m_db)[QStringLiteral("allocation")].toInt(), 2000);
        // Shown again, the plan is the one in force this period, not the one that waits for the next.
        const QByteArray shown = cli({QStringLiteral("plan"), QStringLiteral("show")}).out;
        QVERIFY2(shown.startsWith("The install is on Enterprise (2,000 credits a month) until this period ends. "),
                 shown.constData());
        QVERIFY2(shown.contains("\nTypical month on Enterprise: "), shown.constData());
        QVERIFY2(shown.contains("\nThe plan changes to Professional (500 credits a month) at the next period, on "),
                 shown.constData());
    }

    // The user's language for words, numbers and dates; never for machine-readable output.
    void reportSpeaksTheUsersLanguage()
    {
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}).exitCode, 0);
        QProcessEnvironment german = cliEnvironment();
        german.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        german.remove(QStringLiteral("LC_ALL"));
        german.remove(QStringLiteral("LC_MESSAGES"));
        const QStringList report{QStringLiteral("--db"), m_db, QStringLiteral("report")};
        const auto text = runCli(report, {}, german);
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        QVERIFY2(out.startsWith(QStringLiteral("KI-Credits: Tarif Enterprise, die ganze Installation\n")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("0 von 2.000 Credits in diesem Monat verbraucht (0 %).")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("2.000 Credits übrig; Rücksetzung am ")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Trigger-Erstellung")));
        QVERIFY(cli({QStringLiteral("report")}).out.contains("0 of 2,000 credits used this month (0%)."));
        const QStringList json = report + QStringList{QStringLiteral("--json")};
        const auto germanJson = runCli(json, {}, german);
        QCOMPARE(germanJson.exitCode, 0);
        QCOMPARE(germanJson.out, cli({QStringLiteral("report"), QStringLiteral("--json")}).out);
        const QStringList exportJsonl{QStringLiteral("--db"), m_db, QStringLiteral("export"),
                                      QStringLiteral("--format"), QStringLiteral("csv")};
        QCOMPARE(runCli(exportJsonl, {}, german).out, runCli(exportJsonl, {}, cliEnvironment()).out);
        // A refusal is told in German too, through the same core sentence the window shows; a program reading
        // record --stdin gets the English sentence whatever the locale.
        const auto refusal = runCli({QStringLiteral("--db"), m_db, QStringLiteral("record"), QStringLiteral("--action"),
                                     QStringLiteral("nope")},
                                    {}, german);
        QCOMPARE(refusal.exitCode, 2);
        QVERIFY2(QString::fromUtf8(refusal.err)
                     .startsWith(QStringLiteral("Unbekannte Aktion \"nope\"; erwartet wird eine von theme,")),
                 refusal.err.constData());
        const QStringList stdinRecord{QStringLiteral("--db"), m_db, QStringLiteral("record"),
                                      QStringLiteral("--stdin")};
        const QByteArray badEvent = "{\"action\":\"nope\",\"id\":\"x1\"}\n";
        const auto germanLines = runCli(stdinRecord, badEvent, german);
        QVERIFY2(germanLines.out.contains("\"error\":\"Unknown action \\\"nope\\\"; expected one of"),
                 germanLines.out.constData());
        QCOMPARE(germanLines.out, runCli(stdinRecord, badEvent, cliEnvironment()).out);
        // Plurals come from the translation, in English too: "1 credit", never "1 credits".
        const auto one = runCli({QStringLiteral("--db"), m_db, QStringLiteral("record"), QStringLiteral("--action"),
                                 QStringLiteral("theme")},
                                {}, cliEnvironment());
        QVERIFY2(one.out.contains(": 1 credit; id "), one.out.constData());
    }

    void rolesAreEnforcedForTheRealUser()
    {
        const QString me = Environment::currentUserName();
        if (TestBackend::postgres()) {
            // db init made the command line's role the Owner: it hands the ledger to someone else.
            const QString other = TestBackend::as(m_db, QStringLiteral("someone-else"));
            {
                auto mine = TestSupport::openLedger(m_db, me);
                QVERIFY(mine->directory().setMember(QStringLiteral("someone-else"), Role::Owner).ok());
            }
            auto theirs = TestSupport::openLedger(other, QStringLiteral("someone-else"));
            QVERIFY(theirs->directory().removeMember(me).ok());
        } else {
            auto ledger = TestSupport::openLedger(TestBackend::as(m_db, QStringLiteral("someone-else")),
                                                  QStringLiteral("someone-else"));
        }
        const auto stranger = cli({QStringLiteral("report")});
        QCOMPARE(stranger.exitCode, 1);
        QVERIFY(stranger.err.startsWith(me.toUtf8() + " is not a member of this database"));
        {
            auto ledger = TestSupport::openLedger(TestBackend::as(m_db, QStringLiteral("someone-else")),
                                                  QStringLiteral("someone-else"));
            QVERIFY(ledger->directory().setMember(me, Role::Viewer).ok());
        }
        QCOMPARE(cli({QStringLiteral("report")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("members"), QStringLiteral("list")}).exitCode, 0);
        for (const QStringList& change :
             {QStringList{"plan", "set", "enterprise"}, QStringList{"models", "set", "analysis", "claude-opus-4-6"},
              QStringList{"tenants", "add", "acme"}, QStringList{"record", "--action", "theme"},
              QStringList{"members", "add", me, "--role", "owner"}}) {
            const auto r = cli(change);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(" role, and " + me.toUtf8() + " is a Viewer."), r.err.constData());
        }
        QCOMPARE(reportJson(m_db)[QStringLiteral("plan")].toString(), QStringLiteral("Essentials"));
    }

    void helpIsThereForEveryCommand()
    {
        const auto overview = runCli({QStringLiteral("--help")});
        QCOMPARE(overview.exitCode, 0);
        for (const char* command :
             {"report", "record", "import", "export", "plan", "models", "tenants", "members", "period"}) {
            QVERIFY(overview.out.contains(QByteArray("  ") + command));
            const auto help = runCli({QLatin1String(command), QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.startsWith(QByteArray("Usage: ai-settings [--db PATH] ") + command),
                     help.out.constData());
        }
        const auto version = runCli({QStringLiteral("--version")});
        QVERIFY(version.out.startsWith("ai-settings "));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
