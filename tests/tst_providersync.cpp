#include "TestSupport.h"

#include "FakeProvider.h"
#include "keys/ProviderSync.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

// The sync of a provider's reports over real HTTP against the loopback provider: each request bounded, a stalled
// answer ends the sync with a sentence and no rows, a cancel ends it at once, pages follow their tokens and a page
// that names itself again does not loop.
class TestProviderSync : public QObject
{
    Q_OBJECT

    const QString adminKey = QStringLiteral("sk-ant-admin01-") + QString(70, QLatin1Char('A')) + QStringLiteral("adm1");
    static const Provider& anthropic() { return *TestSupport::catalog().provider(QStringLiteral("anthropic")); }
    const QDate first{2026, 11, 1};
    const QDate last{2026, 11, 2};

    static QByteArray page(const char* next)
    {
        return QByteArray(R"({"data":[{"starting_at":"2026-11-01T00:00:00Z","results":[)"
                          R"({"uncached_input_tokens":1,"api_key_id":"k","model":"m"}]}],"has_more":)") +
               (next ? QByteArray("true,\"next_page\":\"") + next + "\"}" : QByteArray("false}"));
    }

    Result<ProviderReportSet> run(FakeProvider& server, int timeoutMs,
                                  const std::function<void(ProviderSync&)>& during = {})
    {
        return runWith(server, timeoutMs, adminKey, first, last, during);
    }

    Result<ProviderReportSet> runWith(FakeProvider& server, int timeoutMs, const QString& key, QDate from, QDate to,
                                      const std::function<void(ProviderSync&)>& during = {})
    {
        QNetworkAccessManager network;
        ProviderSync sync(network, Clock::fixedAt(TestSupport::at("2026-11-02T12:00:00Z")));
        sync.setRequestTimeout(timeoutMs);
        std::optional<Result<ProviderReportSet>> answer;
        int answers = 0;
        connect(&sync, &ProviderSync::finished, this, [&](const Result<ProviderReportSet>& read) {
            answer = read;
            ++answers;
        });
        sync.start(anthropic(), server.baseUrl(), key, from, to);
        if (during)
            during(sync);
        if (!QTest::qWaitFor([&] { return answers > 0; }, timeoutMs * 4 + 5000))
            qFatal("the sync never finished");
        QTest::qWait(50); // a second answer would come on the event loop's next turns
        if (answers != 1)
            qFatal("the sync finished %d times", answers);
        return *answer;
    }

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void pagesAreFollowedToTheEnd()
    {
        FakeProvider server;
        server.route("page=p3", 200, page("p3")); // a page that names itself again ends the list
        server.route("page=p2", 200, page("p3"));
        server.route("usage_report", 200, page("p2"));
        server.route("cost_report", 200, R"({"data":[],"has_more":false})");
        server.route("api_keys", 200, R"({"data":[],"has_more":false})");
        const auto read = run(server, 5000);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.failure().message));
        QCOMPARE(read->usage.size(), 3);
        QCOMPARE(server.requests.size(), 5);
        QCOMPARE(read->first, first);
        QCOMPARE(read->last, last);
        QCOMPARE(read->syncedAt, TestSupport::at("2026-11-02T12:00:00Z"));
    }

    // A read-only key reads the analytics reports: per model, with the beta they need, at most 31 days a request,
    // a cursor page without "has_more" followed by its "next_page"; every row counts the whole organisation, and no
    // key list is read (the key may not read one).
    void aReadOnlyKeyReadsTheAnalyticsReportsAWindowAtATime()
    {
        const QString analyticsKey =
            QStringLiteral("sk-ant-api01-") + QString(70, QLatin1Char('R')) + QStringLiteral("ana1");
        FakeProvider server;
        server.route("page=u2", 200,
                     R"({"data":[{"starting_at":"2026-11-20T00:00:00Z","ending_at":"2026-11-21T00:00:00Z",)"
                     R"("results":[{"uncached_input_tokens":7,"cache_creation":{"ephemeral_5m_input_tokens":1,)"
                     R"("ephemeral_1h_input_tokens":2},"cache_read_input_tokens":3,"output_tokens":4,)"
                     R"("model":"claude-sonnet-4-6","requests":2,"server_tool_use":{"web_search_requests":0}}]}],)"
                     R"("next_page":null})");
        server.route("analytics/usage_report?starting_at=2026-11", 200,
                     R"({"data":[{"starting_at":"2026-11-01T00:00:00Z","ending_at":"2026-11-02T00:00:00Z",)"
                     R"("results":[{"uncached_input_tokens":5,"output_tokens":6,"model":"claude-opus-4-6"}]}],)"
                     R"("next_page":"u2"})");
        server.route("analytics/cost_report?starting_at=2026-11", 200,
                     R"({"data":[{"starting_at":"2026-11-20T00:00:00Z","ending_at":"2026-11-21T00:00:00Z",)"
                     R"("results":[{"amount":"123.45","list_amount":"150","currency":"USD",)"
                     R"("model":"claude-sonnet-4-6","cost_type":"tokens","token_type":"output_tokens"},)"
                     R"({"amount":"1","list_amount":"1","currency":"USD","model":null,"cost_type":"web_search",)"
                     R"("token_type":null}]}],"next_page":null})");
        // A window's answer with a day outside it (which the next window reads): left out, not counted twice.
        server.route("usage_report?starting_at=2026-10-01", 200,
                     R"({"data":[{"starting_at":"2026-11-20T00:00:00Z","ending_at":"2026-11-21T00:00:00Z",)"
                     R"("results":[{"uncached_input_tokens":7,"output_tokens":4,"model":"claude-sonnet-4-6"}]}],)"
                     R"("next_page":null})");
        server.route("analytics/", 200, R"({"data":[],"next_page":null})");
        const auto read = runWith(server, 5000, analyticsKey, QDate(2026, 10, 1), QDate(2026, 11, 20));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.failure().message));

        QStringList asked;
        for (const FakeProvider::Request& r : server.requests) {
            asked << QString::fromLatin1(r.path);
            QCOMPARE(r.header("x-api-key"), analyticsKey.toLatin1());
            QCOMPARE(r.header("anthropic-beta"), QByteArray("analytics-usage-cost-2026-08-24"));
        }
        QCOMPARE(asked.size(), 5);
        QVERIFY2(asked.at(0).startsWith("/v1/organizations/analytics/usage_report?starting_at=2026-10-01T00:00:00Z"
                                        "&ending_at=2026-11-01T00:00:00Z&bucket_width=1d&group_by[]=model&limit=31"),
                 qPrintable(asked.at(0)));
        QVERIFY2(asked.at(1).startsWith("/v1/organizations/analytics/cost_report?starting_at=2026-10-01T00:00:00Z"
                                        "&ending_at=2026-11-01T00:00:00Z&bucket_width=1d&group_by[]=model"
                                        "&group_by[]=cost_type&group_by[]=token_type"),
                 qPrintable(asked.at(1)));
        QVERIFY2(asked.at(2).contains("usage_report?starting_at=2026-11-01T00:00:00Z&ending_at=2026-11-21T00:00:00Z"),
                 qPrintable(asked.at(2)));
        QVERIFY2(asked.at(3).contains("usage_report?") && asked.at(3).endsWith("page=u2"), qPrintable(asked.at(3)));
        QVERIFY(asked.at(4).contains("cost_report?starting_at=2026-11-01T00:00:00Z"));

        QCOMPARE(read->usage.size(), 2);
        ProviderUsageRow opus;
        opus.day = QDate(2026, 11, 1);
        opus.apiKeyId = wholeOrganisationKeyId();
        opus.model = QStringLiteral("claude-opus-4-6");
        opus.uncachedInput = 5;
        opus.output = 6;
        QCOMPARE(read->usage.at(0), opus);
        const ProviderUsageRow& sonnet = read->usage.at(1);
        QCOMPARE(sonnet.apiKeyId, wholeOrganisationKeyId());
        QCOMPARE(sonnet.tokens().total(), qint64(7 + 1 + 2 + 3 + 4));
        QCOMPARE(read->costs.size(), 2);
        QCOMPARE(read->costs.at(0),
                 (ProviderCostRow{QDate(2026, 11, 20), wholeOrganisationKeyId(), QStringLiteral("claude-sonnet-4-6"),
                                  QStringLiteral("output_tokens"), 1234500, QStringLiteral("USD")}));
        QCOMPARE(read->costs.at(1).kind, QStringLiteral("web_search"));
        QCOMPARE(read->costs.at(1).micros, qint64(10000));
        QVERIFY(read->keys.isEmpty());
    }

    // A request that never answers ends the sync after the bound, in one sentence that says where it stopped.
    void aStalledAnswerEndsTheSync()
    {
        FakeProvider server;
        server.route("usage_report", 200, page(nullptr));
        server.stall(); // the cost report, which no route names, is never answered
        const auto read = run(server, 300);
        QVERIFY(!read.ok());
        QCOMPARE(read.failure().kind, Failure::Unavailable);
        QVERIFY2(read.failure().message.contains("(while reading the cost report, page 1)."),
                 qPrintable(read.failure().message));
        QVERIFY(!read.failure().message.contains(adminKey));
    }

    void aCancelEndsItAtOnce()
    {
        FakeProvider server;
        server.stall();
        const auto read = run(server, 60000, [](ProviderSync& sync) { sync.cancel(); });
        QVERIFY(!read.ok());
        QCOMPARE(read.failure().message,
                 QStringLiteral("The sync of Anthropic's reports was cancelled; nothing of it was stored."));
    }
};

QTEST_GUILESS_MAIN(TestProviderSync)
#include "tst_providersync.moc"
