#include "KeysFixture.h"

#include <QFile>

// `ai-settings spend sync` and `spend report` end to end: the providers' usage and cost reports read from the
// loopback provider with the usage keys (pages, null key ids, cents as text, a key list to match), stored in the
// ledger, priced and set beside the ledger's BYOK runs; each planted difference found, and nothing else; the books
// checked against sums done by hand; the report answers from the ledger with the provider gone.
class TestSpend : public KeysFixture
{
    Q_OBJECT

    const QByteArray anthropicAdminKey = "sk-ant-admin01-" + QByteArray(70, 'A') + "Qw3_adm1";
    const QByteArray openAiAdminKey = "sk-admin-" + QByteArray(40, 'B') + "Zx8-adm2";

    // The clock stands at 2026-11-20T12:00Z (ProgramClock): November is the running period, October the one
    // before. The install's Anthropic key ends in "wxyz", its OpenAI key in "abcd".
    static QByteArray anthropicUsagePage1()
    {
        return R"({"data":[{"starting_at":"2026-11-17T00:00:00Z","ending_at":"2026-11-18T00:00:00Z","results":[)"
               R"({"uncached_input_tokens":1000000,"cache_creation":{"ephemeral_5m_input_tokens":200000,)"
               R"("ephemeral_1h_input_tokens":0},"cache_read_input_tokens":500000,"output_tokens":100000,)"
               R"("api_key_id":"apikey_inst","model":"claude-sonnet-4-6"},)"
               R"({"uncached_input_tokens":0,"cache_creation":null,"cache_read_input_tokens":0,"output_tokens":1000000,)"
               R"("api_key_id":"apikey_other","model":"claude-sonnet-4-6"},)"
               R"({"uncached_input_tokens":2000000,"cache_read_input_tokens":0,"output_tokens":0,)"
               R"("api_key_id":null,"model":"claude-sonnet-4-6"}]}],)"
               R"("has_more":true,"next_page":"page_two"})";
    }
    // The outside use: the install's key at work on a day the ledger recorded no BYOK run.
    static QByteArray anthropicUsagePage2(qint64 input)
    {
        return QByteArray(R"({"data":[{"starting_at":"2026-11-18T00:00:00Z","results":[)"
                          R"({"uncached_input_tokens":)") +
               QByteArray::number(input) +
               R"(,"output_tokens":1000,"api_key_id":"apikey_inst","model":"claude-sonnet-4-6"}]}],)"
               R"("has_more":false,"next_page":null})";
    }

    void routeProviders(qint64 lateInput = 10000)
    {
        m_provider.clearRoutes();
        m_provider.route("page=page_two", 200, anthropicUsagePage2(lateInput));
        m_provider.route("/v1/organizations/usage_report/messages", 200, anthropicUsagePage1());
        m_provider.route("/v1/organizations/cost_report", 200,
                         R"({"data":[{"starting_at":"2026-11-17T00:00:00Z","results":[{"currency":"USD",)"
                         R"("amount":"1234.5678","cost_type":"tokens","description":"Claude Sonnet 4.6 Usage",)"
                         R"("model":"claude-sonnet-4-6","token_type":"uncached_input_tokens"}]}],)"
                         R"("has_more":false,"next_page":null})");
        m_provider.route(
            "/v1/organizations/api_keys", 200,
            R"({"data":[{"id":"apikey_inst","name":"AI Settings","partial_key_hint":"sk-ant-api03-KKK...wxyz"},)"
            R"({"id":"apikey_other","name":"Data team","partial_key_hint":"sk-ant-api03-abc...zzzz"}],)"
            R"("has_more":false,"last_id":"apikey_other"})");
        m_provider.route("/v1/organization/usage/completions", 200, R"({"object":"page","data":[],"has_more":false})");
        m_provider.route("/v1/organization/usage/images", 200,
                         R"({"object":"page","data":[)"
                         R"({"start_time":1794873600,"results":[{"images":3,"num_model_requests":3,)"
                         R"("api_key_id":"key_inst","model":"dall-e-3"}]},)"
                         R"({"start_time":1794960000,"results":[{"images":20,"num_model_requests":20,)"
                         R"("api_key_id":"key_inst","model":"dall-e-3"}]}],"has_more":false,"next_page":null})");
        m_provider.route("/v1/organization/costs", 200,
                         R"({"object":"page","data":[)"
                         R"({"start_time":1794873600,"results":[{"amount":{"value":0.12,"currency":"usd"},)"
                         R"("line_item":"dall-e-3, image","api_key_id":"key_inst"}]},)"
                         R"({"start_time":1794960000,"results":[{"amount":{"value":0.8,"currency":"usd"},)"
                         R"("line_item":"dall-e-3, image","api_key_id":"key_inst"}]}],"has_more":false})");
        m_provider.route("/v1/organization/projects/proj_1/api_keys", 200,
                         R"({"object":"list","data":[{"id":"key_inst","name":"AI Settings",)"
                         R"("redacted_value":"sk-pro...bcd"}],"has_more":false})");
        m_provider.route("/v1/organization/projects", 200,
                         R"({"object":"list","data":[{"id":"proj_1","name":"Default project"}],"has_more":false})");
        m_provider.route("/v1/models", 200, models);
    }

    // The ledger's BYOK runs: content on Anthropic (5 credits each without a key), images on OpenAI (10 each).
    void importRuns()
    {
        const QString file = m_dir.filePath(QStringLiteral("runs-%1.csv").arg(m_dbCount));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("id,occurred_at,tenant,action,model,billing,credits\n"
                  "a1,2026-11-17T09:00:00Z,,content,claude-sonnet-4-6,byok,0\n"
                  "a2,2026-11-17T23:59:59Z,,content,claude-sonnet-4-6,byok,0\n"
                  "a3,2026-11-19T08:00:00Z,,content,claude-sonnet-4-6,byok,0\n"
                  "c1,2026-11-18T08:00:00Z,,content,claude-sonnet-4-6,credits,5\n");
        for (int i = 0; i < 3; ++i)
            csv.write(QStringLiteral("i17-%1,2026-11-17T10:00:00Z,,image,,byok,0\n").arg(i).toLatin1());
        for (int i = 0; i < 10; ++i)
            csv.write(QStringLiteral("i18-%1,2026-11-18T10:00:00Z,,image,,byok,0\n").arg(i).toLatin1());
        csv.close();
        const Run imported = cli({QStringLiteral("import"), file});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
    }

    void setKeys()
    {
        routeProviders();
        for (const auto& [command, key] : {std::pair{"keys set anthropic", anthropicKey},
                                           {"keys set openai", openAiKey},
                                           {"keys set-usage anthropic", anthropicAdminKey},
                                           {"keys set-usage openai", openAiAdminKey}}) {
            const Run set = cli(words(command), key);
            QVERIFY2(set.exitCode == 0, set.err.constData());
        }
        m_provider.requests.clear();
    }

    QJsonObject spendJson(const char* args = "spend report --json --period 2026-11")
    {
        const Run r = cli(words(args));
        if (r.exitCode != 0)
            qFatal("spend report failed: %s", r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }

    static QJsonObject providerOf(const QJsonObject& report, const QString& id)
    {
        for (const QJsonValue& p : report[QStringLiteral("providers")].toArray())
            if (p[QStringLiteral("provider")].toString() == id)
                return p.toObject();
        return {};
    }

    static QJsonObject holderOf(const QJsonObject& provider, const QString& holder)
    {
        for (const QJsonValue& h : provider[QStringLiteral("holders")].toArray())
            if (h[QStringLiteral("holder")].toString() == holder)
                return h.toObject();
        return {};
    }

    static QStringList findings(const QJsonObject& report)
    {
        QStringList out;
        for (const QJsonValue& f : report[QStringLiteral("findings")].toArray())
            out << QStringLiteral("%1 %2 %3 %4 %5/%6")
                       .arg(f[QStringLiteral("day")].toString(), f[QStringLiteral("provider")].toString(),
                            f[QStringLiteral("holder")].toString(), f[QStringLiteral("kind")].toString())
                       .arg(f[QStringLiteral("recorded_runs")].toInt())
                       .arg(f[QStringLiteral("reported")].toInt());
        return out;
    }

    QStringList spendAudit()
    {
        QStringList lines;
        const Run r = cli(words("audit --kind spend --json"));
        for (const QJsonValue& v : QJsonDocument::fromJson(r.out).array())
            lines.prepend(v[QStringLiteral("change")].toString());
        return lines;
    }

private slots:
    void theBooksAreReadPricedAndReconciled()
    {
        setKeys();
        importRuns();
        const Run synced = cli(words("spend sync"));
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        QVERIFY2(
            synced.out.contains("Anthropic: read 2026-10-01 to 2026-11-20 (UTC): 4 usage rows, 1 cost rows, 2 keys "
                                "of the organisation."),
            synced.out.constData());
        QVERIFY2(synced.out.contains("OpenAI: read 2026-10-01 to 2026-11-20 (UTC)"), synced.out.constData());

        // Every report request carries the usage key, never a key that runs actions, and asks for daily buckets
        // by key and model from the previous period's first day; the second page is asked for by its token.
        QStringList paths;
        for (const FakeProvider::Request& r : m_provider.requests) {
            paths << QString::fromLatin1(r.path.left(r.path.indexOf('?')));
            if (r.path.startsWith("/v1/organizations/"))
                QCOMPARE(r.header("x-api-key"), anthropicAdminKey);
            else
                QCOMPARE(r.header("authorization"), "Bearer " + openAiAdminKey);
        }
        QCOMPARE(
            paths,
            (QStringList{QStringLiteral("/v1/organizations/usage_report/messages"),
                         QStringLiteral("/v1/organizations/usage_report/messages"),
                         QStringLiteral("/v1/organizations/cost_report"), QStringLiteral("/v1/organizations/api_keys"),
                         QStringLiteral("/v1/organization/usage/completions"),
                         QStringLiteral("/v1/organization/usage/images"), QStringLiteral("/v1/organization/costs"),
                         QStringLiteral("/v1/organization/projects"),
                         QStringLiteral("/v1/organization/projects/proj_1/api_keys")}));
        const QByteArray first = m_provider.requests.at(0).path;
        QVERIFY2(first.contains("starting_at=2026-10-01T00:00:00Z") &&
                     first.contains("ending_at=2026-11-21T00:00:00Z") && first.contains("bucket_width=1d") &&
                     first.contains("api_key_id") && first.contains("model"),
                 first.constData());
        QVERIFY(m_provider.requests.at(1).path.contains("page=page_two"));
        QVERIFY2(m_provider.requests.at(4).path.contains("start_time=1790812800") &&
                     m_provider.requests.at(4).path.contains("end_time=1795219200"),
                 m_provider.requests.at(4).path.constData());

        const QJsonObject report = spendJson();
        QCOMPARE(report[QStringLiteral("first_day")].toString(), QStringLiteral("2026-11-01"));
        QCOMPARE(report[QStringLiteral("last_day")].toString(), QStringLiteral("2026-11-30"));
        const QJsonObject anthropic = providerOf(report, QStringLiteral("anthropic"));
        // By hand, Sonnet 4.6 at $3 / $3.75 / $6 / $0.30 / $15 per million: on the 17th 1,000,000 input $3.00,
        // 200,000 5-minute cache writes $0.75, 500,000 cache reads $0.15, 100,000 output $1.50 = $5.40; on the
        // 18th 10,000 input $0.03 and 1,000 output $0.015 = $0.045. Together $5.445.
        const QJsonObject install = holderOf(anthropic, QStringLiteral("install"));
        QCOMPARE(install[QStringLiteral("fingerprint")].toString(), QStringLiteral("wxyz"));
        QCOMPARE(install[QStringLiteral("key_ids")].toArray(), QJsonArray{QStringLiteral("apikey_inst")});
        QCOMPARE(install[QStringLiteral("dollars")].toString(), QStringLiteral("5.445000"));
        const QJsonObject sonnet = install[QStringLiteral("models")].toArray().first().toObject();
        QCOMPARE(sonnet[QStringLiteral("basis")].toString(), QStringLiteral("list_price"));
        QCOMPARE(sonnet[QStringLiteral("tokens")].toObject(), (QJsonObject{{QStringLiteral("input"), 1010000},
                                                                           {QStringLiteral("cache_write_5m"), 200000},
                                                                           {QStringLiteral("cache_write_1h"), 0},
                                                                           {QStringLiteral("cache_read"), 500000},
                                                                           {QStringLiteral("output"), 101000}}));
        QCOMPARE(install[QStringLiteral("days")].toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-17")},
                                         {QStringLiteral("dollars"), QStringLiteral("5.400000")}},
                             QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-18")},
                                         {QStringLiteral("dollars"), QStringLiteral("0.045000")}}}));
        // Three content runs on the key would have cost 5 credits each; the run on credits is not counted.
        QCOMPARE(install[QStringLiteral("byok_runs")].toInt(), 3);
        QCOMPARE(install[QStringLiteral("credits_without_byok")].toInt(), 15);
        // The organisation's other key and the Workbench's usage without a key, apart from the install's.
        QCOMPARE(holderOf(anthropic, QStringLiteral("other"))[QStringLiteral("dollars")].toString(),
                 QStringLiteral("15.000000"));
        QCOMPARE(holderOf(anthropic, QStringLiteral("unnamed"))[QStringLiteral("dollars")].toString(),
                 QStringLiteral("6.000000"));
        // 1234.5678 cents billed to the organisation.
        QCOMPARE(anthropic[QStringLiteral("billed_to_organisation")].toString(), QStringLiteral("12.345678"));

        // OpenAI's cost report names the key: billed, $0.12 + $0.80; 13 image runs at 10 credits.
        const QJsonObject openAi = holderOf(providerOf(report, QStringLiteral("openai")), QStringLiteral("install"));
        QCOMPARE(openAi[QStringLiteral("key_ids")].toArray(), QJsonArray{QStringLiteral("key_inst")});
        QCOMPARE(openAi[QStringLiteral("dollars")].toString(), QStringLiteral("0.920000"));
        QCOMPARE(openAi[QStringLiteral("models")].toArray().first()[QStringLiteral("basis")].toString(),
                 QStringLiteral("billed"));
        QCOMPARE(openAi[QStringLiteral("models")].toArray().first()[QStringLiteral("images")].toInt(), 23);
        QCOMPARE(openAi[QStringLiteral("credits_without_byok")].toInt(), 130);

        // Each planted difference, and nothing else: the 18th's use of the Anthropic key with no run recorded,
        // the 19th's run the provider never saw, the 18th's 10 image runs against 20 requests. The 20th is not
        // finished at the provider and is left out.
        const QStringList expected{QStringLiteral("2026-11-18 anthropic install outside_use 0/1"),
                                   QStringLiteral("2026-11-18 openai install differs 10/20"),
                                   QStringLiteral("2026-11-19 anthropic install not_seen 1/0")};
        QCOMPARE(findings(report), expected);
        const QJsonArray found = report[QStringLiteral("findings")].toArray();
        QCOMPARE(found.first()[QStringLiteral("message")].toString(),
                 QStringLiteral("2026-11-18: Anthropic reports the install's key \u2026wxyz used, and no BYOK run was "
                                "recorded: the key was used outside this install, or runs were not recorded."));
        // Told once in the activity log.
        const QStringList told = spendAudit();
        QCOMPARE(told.size(), 3);
        QVERIFY2(told.contains(QStringLiteral("install key \u2026wxyz used on 2026-11-18 with no BYOK run recorded")),
                 qPrintable(told.join('\n')));

        // The text report says the same.
        const Run text = cli(words("spend report --period 2026-11"));
        QVERIFY2(text.out.contains("The install's key \u2026wxyz: $5.45"), text.out.constData());
        QVERIFY2(text.out.contains("3 BYOK runs recorded; they would have cost 15 credits without BYOK."),
                 text.out.constData());
        QVERIFY2(text.out.contains("Other keys of your organisation (not this install's): $15.00"),
                 text.out.constData());
        QVERIFY2(text.out.contains("Billed to the organisation (cost report): $12.35"), text.out.constData());
    }

    // The preview of a model change prices the slot's runs on the key from the tokens the report counted, shared per
    // run: by hand, Sonnet 4.6's $5.445 (above) for the 3 content runs; at Opus 4.6's $5 / $6.25 / $10 / $0.50 / $25,
    // 1,010,000 input $5.05, 200,000 5-minute writes $1.25, 500,000 reads $0.25, 101,000 output $2.525 = $9.075.
    void theModelPreviewEstimatesTheKeysDollars()
    {
        setKeys();
        importRuns();
        const Run none = cli(words("models preview content claude-opus-4-6"));
        QVERIFY2(none.out.contains("Their cost in dollars cannot be estimated: the providers' reports held here count "
                                   "no tokens of Claude Sonnet 4.6 on this install's keys"),
                 none.out.constData());
        QCOMPARE(cli(words("spend sync --provider anthropic")).exitCode, 0);
        const Run json = cli(words("models preview content claude-opus-4-6 --json"));
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject dollars = QJsonDocument::fromJson(json.out)[QStringLiteral("byok_dollars")].toObject();
        QCOMPARE(dollars[QStringLiteral("runs")].toInt(), 3);
        QCOMPARE(dollars[QStringLiteral("runs_on_model")].toInt(), 3);
        QCOMPARE(dollars[QStringLiteral("at_model")].toString(), QStringLiteral("5.445000"));
        QCOMPARE(dollars[QStringLiteral("at_new_model")].toString(), QStringLiteral("9.075000"));
        QCOMPARE(dollars[QStringLiteral("across_generations")].toBool(), false);
        const Run text = cli(words("models preview content claude-opus-4-6"));
        QVERIFY2(text.out.contains("By Anthropic's report, 3 runs of them from 2026-10-21 to 2026-11-20 cost about "
                                   "$5.45 at Claude Sonnet 4.6 and would have cost about $9.08 at Claude Opus 4.6: "
                                   "estimated from the Claude Sonnet 4.6 tokens counted per run on this install's keys "
                                   "(input 336,667, cache writes 66,667, cache reads 166,667, output 33,667) at list "
                                   "prices."),
                 text.out.constData());
        // Across generations the estimate says it may be low.
        const Run older = cli(words("models preview content claude-sonnet-4-5"));
        QVERIFY2(older.out.contains("tokenizers may count the same text as more tokens"), older.out.constData());
    }

    // Later syncs read the last two days held again, and what they read replaces what was there: a bucket the
    // provider completed late grows, it is not added twice; findings already told are not told again.
    void aLaterSyncReplacesTheLastDaysAndTellsNothingTwice()
    {
        setKeys();
        importRuns();
        QCOMPARE(cli(words("spend sync --provider anthropic")).exitCode, 0);
        routeProviders(20000); // the 18th completed: 20,000 input tokens where there were 10,000
        m_provider.requests.clear();
        const Run again = cli(words("spend sync --provider anthropic --since 2026-11-18"));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY2(m_provider.requests.first().path.contains("starting_at=2026-11-18T00:00:00Z"),
                 m_provider.requests.first().path.constData());
        const QJsonObject install =
            holderOf(providerOf(spendJson(), QStringLiteral("anthropic")), QStringLiteral("install"));
        // The 18th: 20,000 input $0.06 and 1,000 output $0.015. The 17th, on a page outside the days read, stays.
        QCOMPARE(install[QStringLiteral("dollars")].toString(), QStringLiteral("5.475000"));
        QCOMPARE(spendAudit().size(), 2);

        // Without --since, from the last two days held.
        m_provider.requests.clear();
        QCOMPARE(cli(words("spend sync --provider anthropic")).exitCode, 0);
        QVERIFY2(m_provider.requests.first().path.contains("starting_at=2026-11-19T00:00:00Z"),
                 m_provider.requests.first().path.constData());
    }

    // A failed sync stores nothing, says why in one sentence and where it stopped; the report still answers from
    // the ledger, with the time of the last sync, when the provider cannot be reached at all.
    void aFailedSyncKeepsWhatWasHeld_data()
    {
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("said");
        QTest::newRow("401") << 401
                             << QByteArray(R"({"error":{"type":"authentication_error","message":"invalid x-api-key"}})")
                             << 1
                             << "Anthropic rejected the key (401): invalid x-api-key (while reading the cost report, "
                                "page 1).";
        QTest::newRow("403") << 403 << QByteArray(R"({"error":{"type":"permission_error","message":"not allowed"}})")
                             << 1
                             << "Anthropic knows the key but it may not read the organisation's usage reports (403): "
                                "not allowed";
        QTest::newRow("429") << 429 << QByteArray(R"({"error":{"type":"rate_limit_error","message":"slow down"}})") << 3
                             << "(while reading the cost report, page 1).";
        QTest::newRow("not a report") << 200 << QByteArray(R"({"data":[{"results":[]}]})") << 3
                                      << "The Anthropic cost report is not as its provider documents it: a bucket has "
                                         "no start (while reading the cost report, page 1).";
    }

    void aFailedSyncKeepsWhatWasHeld()
    {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(int, exitCode);
        QFETCH(QString, said);
        setKeys();
        importRuns();
        QCOMPARE(cli(words("spend sync --provider anthropic")).exitCode, 0);
        const QJsonObject before = spendJson();
        routeProviders(99999);
        m_provider.clearRoutes();
        m_provider.route("/v1/organizations/cost_report", httpStatus, body);
        m_provider.route("page=page_two", 200, anthropicUsagePage2(99999));
        m_provider.route("/v1/organizations/usage_report/messages", 200, anthropicUsagePage1());
        const Run failed = cli(words("spend sync --provider anthropic"));
        QCOMPARE(failed.exitCode, exitCode);
        QVERIFY2(failed.err.contains(said.toUtf8()), failed.err.constData());
        QVERIFY(!failed.err.contains(anthropicAdminKey));
        QCOMPARE(spendJson(), before);
    }

    void theReportAnswersWithTheProviderGone()
    {
        setKeys();
        importRuns();
        QCOMPARE(cli(words("spend sync --provider anthropic")).exitCode, 0);
        QProcessEnvironment offline = env();
        offline.insert(QStringLiteral("ANTHROPIC_BASE_URL"), QStringLiteral("http://127.0.0.1:9"));
        const Run report = cli(words("spend report --period 2026-11"), {}, offline);
        QVERIFY2(report.exitCode == 0, report.err.constData());
        QVERIFY2(report.out.contains("Anthropic - synced just now (2026-11-20 12:0") ||
                     report.out.contains("Anthropic - synced 1 min ago (2026-11-20 12:0"),
                 report.out.constData());
        QVERIFY2(report.out.contains("OpenAI - never synced"), report.out.constData());
        const Run sync = cli(words("spend sync --provider anthropic"), {}, offline);
        QCOMPARE(sync.exitCode, 3);
        QVERIFY2(sync.err.contains("Anthropic could not be reached"), sync.err.constData());
    }

    // With a read-only analytics key the reports are the whole organisation's per model: its dollars are the cost
    // report's, the install's key has none apart, and nothing is reconciled, though the ledger has BYOK runs on days
    // the provider saw nothing (which an Admin key's sync would report).
    void aReadOnlyKeyGivesTheOrganisationPerModelAndReconcilesNothing()
    {
        const QByteArray analyticsKey = "sk-ant-api01-" + QByteArray(70, 'R') + "Ro9_ana1";
        m_provider.clearRoutes();
        m_provider.route("/v1/models", 200, models);
        m_provider.route("analytics/usage_report?starting_at=2026-11-01", 200,
                         R"({"data":[{"starting_at":"2026-11-17T00:00:00Z","ending_at":"2026-11-18T00:00:00Z",)"
                         R"("results":[{"uncached_input_tokens":1000000,"cache_creation":)"
                         R"({"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},)"
                         R"("cache_read_input_tokens":0,"output_tokens":100000,"model":"claude-sonnet-4-6",)"
                         R"("requests":40}]}],"next_page":null})");
        m_provider.route("analytics/cost_report?starting_at=2026-11-01", 200,
                         R"({"data":[{"starting_at":"2026-11-17T00:00:00Z","ending_at":"2026-11-18T00:00:00Z",)"
                         R"("results":[{"amount":"300","list_amount":"300","currency":"USD",)"
                         R"("model":"claude-sonnet-4-6","cost_type":"tokens","token_type":"uncached_input_tokens"},)"
                         R"({"amount":"150","list_amount":"150","currency":"USD","model":"claude-sonnet-4-6",)"
                         R"("cost_type":"tokens","token_type":"output_tokens"}]}],"next_page":null})");
        m_provider.route("analytics/", 200, R"({"data":[],"next_page":null})");
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        const Run setUsage = cli(words("keys set-usage anthropic"), analyticsKey);
        QVERIFY2(setUsage.exitCode == 0, setUsage.err.constData());
        importRuns();
        m_provider.requests.clear();

        const Run synced = cli(words("spend sync"));
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        QVERIFY2(synced.out.contains("Anthropic: read 2026-10-01 to 2026-11-20 (UTC): 1 usage rows, 2 cost rows, for "
                                     "the whole organisation per model (a read-only analytics key names no key)."),
                 synced.out.constData());
        for (const FakeProvider::Request& r : m_provider.requests) {
            QVERIFY2(r.path.startsWith("/v1/organizations/analytics/"), r.path.constData());
            QCOMPARE(r.header("x-api-key"), analyticsKey);
        }

        const QJsonObject report = spendJson();
        const QJsonObject anthropic = providerOf(report, QStringLiteral("anthropic"));
        QCOMPARE(anthropic[QStringLiteral("per_key")].toBool(true), false);
        // By hand: 300 + 150 cents billed on the 17th, both Sonnet 4.6 token lines.
        const QJsonObject organisation = holderOf(anthropic, QStringLiteral("organisation"));
        QCOMPARE(organisation[QStringLiteral("dollars")].toString(), QStringLiteral("4.500000"));
        const QJsonArray lines = organisation[QStringLiteral("models")].toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0)[QStringLiteral("basis")].toString(), QStringLiteral("billed"));
        QCOMPARE(lines.at(0)[QStringLiteral("tokens")][QStringLiteral("input")].toInt(), 1000000);
        QCOMPARE(organisation[QStringLiteral("key_ids")].toArray().size(), 0);
        // The install's key: its BYOK runs and their credits, but no dollars of its own.
        const QJsonObject install = holderOf(anthropic, QStringLiteral("install"));
        QVERIFY(install[QStringLiteral("dollars")].isNull());
        QCOMPARE(install[QStringLiteral("byok_runs")].toInt(), 3);
        QCOMPARE(install[QStringLiteral("credits_without_byok")].toInt(), 15);
        QCOMPARE(anthropic[QStringLiteral("billed_to_organisation")].toString(), QStringLiteral("4.500000"));
        QVERIFY(anthropic[QStringLiteral("keys_not_in_organisation")].toArray().isEmpty());
        QVERIFY(report[QStringLiteral("findings")].toArray().isEmpty());

        const Run text = cli(words("spend report --period 2026-11"));
        QVERIFY2(text.out.contains("Read with a read-only analytics key: Anthropic's analytics reports count the "
                                   "organisation's usage and cost per model, not per key, so they are neither split "
                                   "by key nor reconciled with the ledger's runs; an Admin key does both.") &&
                     text.out.contains("The install's key …wxyz: not reported per key") &&
                     text.out.contains("The whole organisation (its analytics reports name no key): $4.50"),
                 text.out.constData());
    }

    // Only an Owner or Admin syncs; without a usage key there is nothing to read with, and the sentence says who
    // sets one.
    void withoutAUsageKeyNothingIsRead()
    {
        const Run none = cli(words("spend sync"));
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("No usage key is set; an Owner sets one with \"keys set-usage PROVIDER\"."),
                 none.err.constData());
        const Run one = cli(words("spend sync --provider openai"));
        QCOMPARE(one.exitCode, 2);
        QVERIFY2(one.err.contains("No OpenAI usage key is set"), one.err.constData());
        QVERIFY(m_provider.requests.isEmpty());
        const Run bad = cli(words("spend sync --since 2026-13-01"));
        QCOMPARE(bad.exitCode, 2);
        const Run ghost = cli(words("spend report --tenant ghost"));
        QCOMPARE(ghost.exitCode, 2);
        QVERIFY2(ghost.err.contains("There is no tenant \"ghost\""), ghost.err.constData());
        const Run mixed = cli(words("spend report --provider anthropic"));
        QCOMPARE(mixed.exitCode, 2);
        // Nothing synced: the report says so, per provider, and finds nothing.
        const Run empty = cli(words("spend report"));
        QCOMPARE(empty.exitCode, 0);
        QVERIFY2(empty.out.contains("Anthropic - never synced") &&
                     empty.out.contains("Nothing is held; read the reports with \"spend sync\".") &&
                     empty.out.contains("The ledger and the providers' reports agree on every complete day held."),
                 empty.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestSpend)
#include "tst_spend.moc"
