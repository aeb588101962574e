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
        QNetworkAccessManager network;
        ProviderSync sync(network, Clock::fixedAt(TestSupport::at("2026-11-02T12:00:00Z")));
        sync.setRequestTimeout(timeoutMs);
        std::optional<Result<ProviderReportSet>> answer;
        int answers = 0;
        connect(&sync, &ProviderSync::finished, this, [&](const Result<ProviderReportSet>& read) {
            answer = read;
            ++answers;
        });
        sync.start(anthropic(), server.baseUrl(), adminKey, first, last);
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
