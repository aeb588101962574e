#include "TestSupport.h"

#include "FakeProvider.h"
#include "keys/ProviderCheck.h"
#include "words/KeySentences.h"
#include "words/Translations.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSignalSpy>

Q_DECLARE_METATYPE(ProviderCheck::Outcome)
Q_DECLARE_METATYPE(KeyState)

// The provider check over real HTTP against a loopback server that answers like the providers.
class TestProviderCheck : public QObject
{
    Q_OBJECT

private:
    const QString anthropicKey =
        QStringLiteral("sk-ant-api03-") + QString(60, QLatin1Char('k')) + QStringLiteral("wxyz");
    const QString openAiKey = QStringLiteral("sk-proj-") + QString(40, QLatin1Char('q')) + QStringLiteral("abcd");

    // The checks read this clock: a retry-after given as a date is counted from it.
    const qint64 now = TestSupport::at("2026-11-20T10:00:00Z");

    QString keyFor(const QString& provider) const
    {
        return provider == QLatin1String("anthropic") ? anthropicKey : openAiKey;
    }
    static const Provider& provider(const QString& id) { return *TestSupport::catalog().provider(id); }
    // A verdict as the command line and the window word it (English in these tests).
    static QString sentence(const KeyVerdict& v, const QString& id) { return KeySentences::verdict(v, provider(id)); }
    static QString sentence(const ProviderCheck::Outcome& o, const QString& id) { return sentence(o.verdict, id); }

    ProviderCheck::Outcome run(FakeProvider& server, const QString& provider, int timeoutMs = 10000)
    {
        QNetworkAccessManager network;
        ProviderCheck check(network, Clock::fixedAt(now));
        check.setTimeout(timeoutMs);
        QSignalSpy spy(&check, &ProviderCheck::finished);
        check.start(this->provider(provider), server.baseUrl(), keyFor(provider));
        if (!spy.wait(timeoutMs + 5000))
            qFatal("the provider check never finished");
        return spy.first().first().value<ProviderCheck::Outcome>();
    }

private slots:
    void initTestCase() { qRegisterMetaType<ProviderCheck::Outcome>(); }
    void init() { TestSupport::failOnAnyWarning(); }

    void answers_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<KeyState>("state");
        QTest::addColumn<QString>("message");
        const QByteArray models =
            R"({"data":[{"id":"claude-sonnet-4-6","type":"model"},{"id":"claude-opus-4-6","type":"model"}],"has_more":false})";
        const QByteArray anthropic401 =
            R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})";
        const QByteArray openai401 =
            R"({"error":{"message":"Incorrect API key provided: sk-proj-qqqq************abcd. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","code":"invalid_api_key"}})";
        const QByteArray quota =
            R"({"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","code":"insufficient_quota"}})";
        const QByteArray overloaded = R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})";
        QTest::newRow("anthropic 200") << "anthropic" << 200 << models << QByteArray() << KeyState::Active << "";
        QTest::newRow("openai 200") << "openai" << 200 << QByteArray(R"({"object":"list","data":[{"id":"dall-e-3"}]})")
                                    << QByteArray() << KeyState::Active << "";
        QTest::newRow("anthropic 401") << "anthropic" << 401 << anthropic401 << QByteArray() << KeyState::Invalid
                                       << "Anthropic rejected the key (401): invalid x-api-key.";
        QTest::newRow("openai 401 quoting the key")
            << "openai" << 401 << openai401 << QByteArray() << KeyState::Invalid
            << "OpenAI rejected the key (401): Incorrect API key provided: sk-…. You can find your API key at "
               "https://platform.openai.com/account/api-keys.";
        QTest::newRow("403") << "anthropic" << 403
                             << QByteArray(
                                    R"({"type":"error","error":{"type":"permission_error","message":"no access"}})")
                             << QByteArray() << KeyState::Invalid << "Anthropic rejected the key (403): no access.";
        QTest::newRow("429 retry-after")
            << "anthropic" << 429
            << QByteArray(
                   R"({"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}})")
            << QByteArray("30") << KeyState::Throttled
            << "Anthropic is limiting requests (429); check again in 30 seconds.";
        QTest::newRow("429 retry-after as a date")
            << "openai" << 429 << QByteArray("{}") << QByteArray("Fri, 20 Nov 2026 10:02:00 GMT") << KeyState::Throttled
            << "OpenAI is limiting requests (429); check again in 120 seconds.";
        QTest::newRow("429 without retry-after")
            << "anthropic" << 429 << QByteArray("{}") << QByteArray() << KeyState::NotVerified
            << "Anthropic is limiting requests (429) and did not say when to ask again.";
        QTest::newRow("anthropic spend limit")
            << "anthropic" << 429
            << QByteArray(
                   R"({"type":"error","error":{"type":"enforced_spend_limit_reached","message":"Your workspace has reached its spend limit."}})")
            << QByteArray() << KeyState::OutOfBudget
            << "The Anthropic account behind this key is out of budget (429): Your workspace has reached its spend "
               "limit; raise its spend limit or add credit at console.anthropic.com.";
        QTest::newRow("anthropic usage limits")
            << "anthropic" << 400
            << QByteArray(
                   R"({"type":"error","error":{"type":"invalid_request_error","message":"You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC."}})")
            << QByteArray() << KeyState::OutOfBudget
            << "The Anthropic account behind this key is out of budget (400): You have reached";
        // Anthropic's monthly spend limit comes as a rate limit with a retry-after of minutes: no retry helps.
        const QByteArray monthly =
            "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"This request would exceed your "
            "account's monthly spend limit. Please try again later.\"}}";
        const QString monthlySaid = "The Anthropic account behind this key is out of budget (429): This request would "
                                    "exceed your account's monthly spend limit. Please try again later; raise its "
                                    "spend limit or add credit at console.anthropic.com.";
        QTest::newRow("anthropic monthly spend limit, retry-after")
            << "anthropic" << 429 << monthly << QByteArray("900") << KeyState::OutOfBudget << monthlySaid;
        QTest::newRow("anthropic monthly spend limit")
            << "anthropic" << 429 << monthly << QByteArray() << KeyState::OutOfBudget << monthlySaid;
        const QByteArray usageLimits429 =
            R"({"type":"error","error":{"type":"rate_limit_error","message":"You have reached your specified API usage limits. You will regain access on 2027-01-01 at 00:00 UTC."}})";
        QTest::newRow("anthropic usage limits as 429, retry-after")
            << "anthropic" << 429 << usageLimits429 << QByteArray("3600") << KeyState::OutOfBudget
            << "The Anthropic account behind this key is out of budget (429): You have reached your specified API "
               "usage limits. You will regain access on 2027-01-01 at 00:00 UTC; raise";
        QTest::newRow("anthropic usage limits as 429")
            << "anthropic" << 429 << usageLimits429 << QByteArray() << KeyState::OutOfBudget
            << "The Anthropic account behind this key is out of budget (429): You have reached your specified API "
               "usage limits.";
        // The phrase alone, in an answer that is not a limit (a 500 quoting it), is not out of budget.
        QTest::newRow("the phrase in a 500") << "anthropic" << 500 << usageLimits429 << QByteArray()
                                             << KeyState::NotVerified << "Anthropic is having trouble (500)";
        QTest::newRow("anthropic billing")
            << "anthropic" << 402
            << QByteArray(
                   R"({"type":"error","error":{"type":"billing_error","message":"Your credit balance is too low."}})")
            << QByteArray() << KeyState::OutOfBudget << "The Anthropic account behind this key is out of budget (402)";
        QTest::newRow("anthropic other 400")
            << "anthropic" << 400
            << QByteArray(R"({"type":"error","error":{"type":"invalid_request_error","message":"bad limit"}})")
            << QByteArray() << KeyState::NotVerified << "Anthropic answered (400): bad limit.";
        QTest::newRow("openai quota, even with retry-after")
            << "openai" << 429 << quota << QByteArray("5") << KeyState::OutOfBudget
            << "The OpenAI account behind this key is out of budget (429): You exceeded your current quota; raise its "
               "spend limit or add credit at platform.openai.com.";
        QTest::newRow("openai org spend limit")
            << "openai" << 429
            << QByteArray(
                   R"({"error":{"message":"Organization spend limit exceeded.","type":"invalid_request_error","code":"organization_spend_limit_exceeded"}})")
            << QByteArray() << KeyState::OutOfBudget << "The OpenAI account behind this key is out of budget";
        QTest::newRow("openai project spend limit")
            << "openai" << 429
            << QByteArray(
                   R"({"error":{"message":"Project spend limit exceeded.","type":"invalid_request_error","code":"project_spend_limit_exceeded"}})")
            << QByteArray("10") << KeyState::OutOfBudget << "The OpenAI account behind this key is out of budget";
        QTest::newRow("openai rate limit")
            << "openai" << 429
            << QByteArray(
                   R"({"error":{"message":"Rate limit reached.","type":"requests","code":"rate_limit_exceeded"}})")
            << QByteArray("7") << KeyState::Throttled << "OpenAI is limiting requests (429); check again in 7 seconds.";
        QTest::newRow("529 overloaded") << "anthropic" << 529 << overloaded << QByteArray() << KeyState::NotVerified
                                        << "Anthropic is overloaded (529)";
        QTest::newRow("500") << "openai" << 500 << QByteArray("oops") << QByteArray() << KeyState::NotVerified
                             << "OpenAI is having trouble (500)";
        QTest::newRow("200 garbage") << "anthropic" << 200 << QByteArray("<html>captive portal</html>") << QByteArray()
                                     << KeyState::NotVerified
                                     << "Anthropic answered with something that is not a model list";
    }

    void answers()
    {
        QFETCH(QString, provider);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, message);
        FakeProvider server;
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!retryAfter.isEmpty())
            headers.append({"retry-after", retryAfter});
        server.respond(status, body, headers);
        const ProviderCheck::Outcome o = run(server, provider);
        QTEST(o.state, "state");
        const QString said = sentence(o, provider);
        if (message.isEmpty())
            QVERIFY2(said.isEmpty(), qPrintable(said));
        else
            QVERIFY2(said.startsWith(message), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("qqqq")) && !said.contains(QStringLiteral("kkkk")), qPrintable(said));
        // What the ledger keeps is facts, and they read back as the same sentence.
        QCOMPARE(sentence(KeyVerdict::fromStored(o.verdict.toStored()), provider), said);
        if (o.state == KeyState::Active)
            QVERIFY(!o.models.isEmpty());
        if (o.state == KeyState::Throttled) {
            QVERIFY(o.verdict.retrySeconds);
            QCOMPARE(*o.verdict.retrySeconds, retryAfter.toInt() ? retryAfter.toInt() : 120);
        } else {
            QVERIFY(!o.verdict.retrySeconds);
        }

        // What went over the wire: the documented endpoint and headers, the key only in its header.
        QCOMPARE(server.requests.size(), 1);
        const FakeProvider::Request& r = server.requests.first();
        QCOMPARE(r.method, QByteArray("GET"));
        // Anthropic pages its list: the largest page first.
        QCOMPARE(r.path, provider == QLatin1String("anthropic") ? QByteArray("/v1/models?limit=1000")
                                                                : QByteArray("/v1/models"));
        QVERIFY2(r.header("user-agent").startsWith("ai-settings/"), r.header("user-agent").constData());
        if (provider == QLatin1String("anthropic")) {
            QCOMPARE(r.header("x-api-key"), anthropicKey.toUtf8());
            QCOMPARE(r.header("anthropic-version"), QByteArray("2023-06-01"));
            QVERIFY(r.header("authorization").isEmpty());
        } else {
            QCOMPARE(r.header("authorization"), "Bearer " + openAiKey.toUtf8());
            QVERIFY(r.header("x-api-key").isEmpty());
        }
    }

    void theRequestIdIsKeptWithTheVerdict()
    {
        const auto o = ProviderCheck::interpret(
            provider(QStringLiteral("anthropic")), 401,
            R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})", {},
            anthropicKey, now, "req_011CSHoEeqs5C35K2UUqR7Fy");
        QCOMPARE(o.requestId, QStringLiteral("req_011CSHoEeqs5C35K2UUqR7Fy"));
        QCOMPARE(sentence(o, QStringLiteral("anthropic")),
                 QStringLiteral(
                     "Anthropic rejected the key (401, request req_011CSHoEeqs5C35K2UUqR7Fy): invalid x-api-key."));
        // Kept as facts: the code, the status, the provider's error type and words, the request id.
        QCOMPARE(o.verdict.code, KeyVerdict::Code::Rejected);
        QCOMPARE(o.verdict.status, 401);
        QCOMPARE(o.verdict.errorType, QStringLiteral("authentication_error"));
        QCOMPARE(o.verdict.said, QStringLiteral("invalid x-api-key"));
        QCOMPARE(o.verdict.requestId, QStringLiteral("req_011CSHoEeqs5C35K2UUqR7Fy"));
        QCOMPARE(o.verdict.toStored(),
                 QStringLiteral(R"({"code":"rejected","request":"req_011CSHoEeqs5C35K2UUqR7Fy","said":"invalid )"
                                R"(x-api-key","status":401,"type":"authentication_error"})"));
        // A header that is not an id is dropped rather than echoed.
        const auto odd = ProviderCheck::interpret(provider(QStringLiteral("openai")), 500, "{}", {}, openAiKey, now,
                                                  "<script>\r\nx");
        QVERIFY(odd.requestId.isEmpty());
        QCOMPARE(sentence(odd, QStringLiteral("openai")), QStringLiteral("OpenAI is having trouble (500)."));
    }

    void everyPageOfAnthropicsListIsRead()
    {
        FakeProvider server;
        server.respond(
            200,
            R"({"data":[{"id":"claude-sonnet-4-6"}],"has_more":true,"first_id":"claude-sonnet-4-6","last_id":"claude-sonnet-4-6"})");
        server.route(
            "after_id=claude-sonnet-4-6", 200,
            R"({"data":[{"id":"claude-opus-4-6"}],"has_more":true,"first_id":"claude-opus-4-6","last_id":"claude-opus-4-6"})");
        server.route(
            "after_id=claude-opus-4-6", 200,
            R"({"data":[{"id":"claude-sonnet-4-5-20250929"}],"has_more":false,"first_id":"claude-sonnet-4-5-20250929","last_id":"claude-sonnet-4-5-20250929"})");
        const auto o = run(server, QStringLiteral("anthropic"));
        QCOMPARE(o.state, KeyState::Active);
        QCOMPARE(o.models, (QStringList{QStringLiteral("claude-sonnet-4-6"), QStringLiteral("claude-opus-4-6"),
                                        QStringLiteral("claude-sonnet-4-5-20250929")}));
        QCOMPARE(server.requests.size(), 3);
        QCOMPARE(server.requests[1].path, QByteArray("/v1/models?limit=1000&after_id=claude-sonnet-4-6"));
        for (const auto& r : server.requests)
            QCOMPARE(r.header("x-api-key"), anthropicKey.toUtf8());
    }

    void aPageThatFailsFailsTheWholeCheck()
    {
        FakeProvider server;
        server.respond(200, R"({"data":[{"id":"claude-sonnet-4-6"}],"has_more":true,"last_id":"claude-sonnet-4-6"})");
        server.route("after_id=", 401,
                     R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        const auto o = run(server, QStringLiteral("anthropic"));
        QCOMPARE(o.state, KeyState::Invalid);
        QVERIFY(o.models.isEmpty());
    }

    void stalledConnectionTimesOut()
    {
        FakeProvider server;
        server.stall();
        const ProviderCheck::Outcome o = run(server, QStringLiteral("anthropic"), 400);
        QCOMPARE(o.state, KeyState::NotVerified);
        QCOMPARE(sentence(o, QStringLiteral("anthropic")),
                 QStringLiteral("Anthropic did not answer within 0.4 seconds."));
    }

    void unreachableServerIsNotVerified()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there any more: the connection is refused
        QNetworkAccessManager network;
        ProviderCheck check(network, Clock::fixedAt(now));
        QSignalSpy spy(&check, &ProviderCheck::finished);
        check.start(provider(QStringLiteral("openai")), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                    openAiKey);
        QVERIFY(spy.wait(15000));
        const auto o = spy.first().first().value<ProviderCheck::Outcome>();
        QCOMPARE(o.state, KeyState::NotVerified);
        QVERIFY2(sentence(o, QStringLiteral("openai"))
                     .startsWith(QStringLiteral("OpenAI could not be reached (Connection refused)")),
                 qPrintable(sentence(o, QStringLiteral("openai"))));
    }

    // Ledgers written before verdicts were facts hold English sentences: each is read back into facts that say
    // the same sentence again in English, and something else in German.
    void storedSentencesAreReadBackAsFacts_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<int>("code");
        QTest::newRow("rejected") << "anthropic"
                                  << "Anthropic rejected the key (401, request req_1): invalid x-api-key."
                                  << int(KeyVerdict::Code::Rejected);
        QTest::newRow("rejected, no words") << "openai"
                                            << "OpenAI rejected the key (403)." << int(KeyVerdict::Code::Rejected);
        QTest::newRow("out of budget") << "anthropic"
                                       << "The Anthropic account behind this key is out of budget (400): Your credit "
                                          "balance is too low; raise its "
                                          "spend limit or add credit at console.anthropic.com."
                                       << int(KeyVerdict::Code::OutOfBudget);
        QTest::newRow("throttled") << "openai"
                                   << "OpenAI is limiting requests (429); check again in 30 seconds."
                                   << int(KeyVerdict::Code::Throttled);
        QTest::newRow("limited")
            << "openai"
            << "OpenAI is limiting requests (429, request req_9) and did not say when to ask again."
            << int(KeyVerdict::Code::Limited);
        QTest::newRow("overloaded") << "anthropic"
                                    << "Anthropic is overloaded (529)." << int(KeyVerdict::Code::Overloaded);
        QTest::newRow("trouble") << "openai"
                                 << "OpenAI is having trouble (502)." << int(KeyVerdict::Code::ServerTrouble);
        QTest::newRow("other") << "openai"
                               << "OpenAI answered (404): Not found." << int(KeyVerdict::Code::OtherAnswer);
        QTest::newRow("not a list") << "openai"
                                    << "OpenAI answered with something that is not a model list."
                                    << int(KeyVerdict::Code::NotAModelList);
        QTest::newRow("timed out") << "anthropic"
                                   << "Anthropic did not answer within 15 seconds." << int(KeyVerdict::Code::TimedOut);
        QTest::newRow("unreachable") << "openai"
                                     << "OpenAI could not be reached (Host api.openai.com not found)."
                                     << int(KeyVerdict::Code::Unreachable);
        QTest::newRow("not checked") << "openai"
                                     << "Not checked with the provider yet." << int(KeyVerdict::Code::NotChecked);
        QTest::newRow("not in the keychain")
            << "openai"
            << "The key is no longer in the keychain; set it again." << int(KeyVerdict::Code::NotInKeychain);
        QTest::newRow("a sentence no pattern reads") << "openai"
                                                     << "Something else entirely." << int(KeyVerdict::Code::Worded);
    }

    void storedSentencesAreReadBackAsFacts()
    {
        QFETCH(QString, provider);
        QFETCH(QString, stored);
        QFETCH(int, code);
        const KeyVerdict v = KeyVerdict::fromStored(stored);
        QCOMPARE(int(v.code), code);
        QCOMPARE(sentence(v, provider), stored);
        QCOMPARE(KeySentences::verdict(v, this->provider(provider), true), stored);
        if (v.code == KeyVerdict::Code::Worded)
            return;
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        const QString german = sentence(v, provider);
        const QString stillEnglish = KeySentences::verdict(v, this->provider(provider), true);
        TestSupport::speakEnglish();
        QVERIFY2(!german.isEmpty() && german != stored, qPrintable(german));
        QCOMPARE(stillEnglish, stored);
    }

    void baseUrlComesFromTheEnvironmentFirst()
    {
        QCOMPARE(ProviderCheck::baseUrl(provider(QStringLiteral("anthropic"))),
                 QUrl(QStringLiteral("https://api.anthropic.com")));
        QCOMPARE(
            ProviderCheck::baseUrl(provider(QStringLiteral("openai")), QStringLiteral("http://gateway.local:8080/v1")),
            QUrl(QStringLiteral("http://gateway.local:8080/v1")));
        qputenv("OPENAI_BASE_URL", "http://127.0.0.1:9/proxy");
        QCOMPARE(ProviderCheck::baseUrl(provider(QStringLiteral("openai")), QStringLiteral("http://gateway.local")),
                 QUrl(QStringLiteral("http://127.0.0.1:9/proxy")));
        qunsetenv("OPENAI_BASE_URL");
    }

    void basesEndingInV1AreNotDoubled()
    {
        FakeProvider server;
        server.respond(200, R"({"data":[]})");
        QNetworkAccessManager network;
        ProviderCheck check(network, Clock::fixedAt(now));
        QSignalSpy spy(&check, &ProviderCheck::finished);
        QUrl base = server.baseUrl();
        base.setPath(QStringLiteral("/gateway/v1/"));
        check.start(provider(QStringLiteral("openai")), base, openAiKey);
        QVERIFY(spy.wait(10000));
        QCOMPARE(server.requests.first().path, QByteArray("/gateway/v1/models"));
    }
};

QTEST_GUILESS_MAIN(TestProviderCheck)
#include "tst_providercheck.moc"
