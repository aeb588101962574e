#include "TestSupport.h"

#include "FakeProvider.h"
#include "ProviderCheck.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

Q_DECLARE_METATYPE(ProviderCheck::Outcome)
Q_DECLARE_METATYPE(KeyState)

// The provider check over real HTTP against a loopback server that answers like the providers.
class TestProviderCheck : public QObject
{
    Q_OBJECT

private:
    const QString anthropicKey = QStringLiteral("sk-ant-api03-") + QString(60, QLatin1Char('k')) + QStringLiteral("wxyz");
    const QString openAiKey = QStringLiteral("sk-proj-") + QString(40, QLatin1Char('q')) + QStringLiteral("abcd");

    QString keyFor(const QString& provider) const { return provider == QLatin1String("anthropic") ? anthropicKey : openAiKey; }

    ProviderCheck::Outcome run(FakeProvider& server, const QString& provider, int timeoutMs = 10000)
    {
        QNetworkAccessManager network;
        ProviderCheck check(network);
        check.setTimeout(timeoutMs);
        QSignalSpy spy(&check, &ProviderCheck::finished);
        check.start(provider, server.baseUrl(), keyFor(provider));
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
        const QByteArray models = R"({"data":[{"id":"claude-sonnet-4-6","type":"model"},{"id":"claude-opus-4-6","type":"model"}],"has_more":false})";
        const QByteArray anthropic401 = R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})";
        const QByteArray openai401 = R"({"error":{"message":"Incorrect API key provided: sk-proj-qqqq************abcd. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","code":"invalid_api_key"}})";
        const QByteArray quota = R"({"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","code":"insufficient_quota"}})";
        const QByteArray overloaded = R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})";
        QTest::newRow("anthropic 200") << "anthropic" << 200 << models << QByteArray() << KeyState::Active << "";
        QTest::newRow("openai 200") << "openai" << 200 << QByteArray(R"({"object":"list","data":[{"id":"dall-e-3"}]})") << QByteArray() << KeyState::Active << "";
        QTest::newRow("anthropic 401") << "anthropic" << 401 << anthropic401 << QByteArray() << KeyState::Invalid << "Anthropic rejected the key (401): invalid x-api-key.";
        QTest::newRow("openai 401 quoting the key") << "openai" << 401 << openai401 << QByteArray() << KeyState::Invalid << "OpenAI rejected the key (401): Incorrect API key provided: sk-…. You can find your API key at https://platform.openai.com/account/api-keys.";
        QTest::newRow("403") << "anthropic" << 403 << QByteArray(R"({"type":"error","error":{"type":"permission_error","message":"no access"}})") << QByteArray() << KeyState::Invalid << "Anthropic rejected the key (403): no access.";
        QTest::newRow("429 retry-after") << "anthropic" << 429 << QByteArray("{}") << QByteArray("30") << KeyState::NotVerified << "Anthropic is limiting requests; check again in 30 seconds.";
        QTest::newRow("429 without retry-after") << "anthropic" << 429 << QByteArray("{}") << QByteArray() << KeyState::NotVerified << "The Anthropic account behind this key is out of budget";
        QTest::newRow("429 quota") << "openai" << 429 << quota << QByteArray("5") << KeyState::NotVerified << "The OpenAI account behind this key is out of budget or over its spend limit: You exceeded your current quota.";
        QTest::newRow("529 overloaded") << "anthropic" << 529 << overloaded << QByteArray() << KeyState::NotVerified << "Anthropic is overloaded (529)";
        QTest::newRow("500") << "openai" << 500 << QByteArray("oops") << QByteArray() << KeyState::NotVerified << "OpenAI is having trouble (500)";
        QTest::newRow("200 garbage") << "anthropic" << 200 << QByteArray("<html>captive portal</html>") << QByteArray() << KeyState::NotVerified << "Anthropic answered with something that is not a model list";
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
        if (message.isEmpty())
            QVERIFY2(o.message.isEmpty(), qPrintable(o.message));
        else
            QVERIFY2(o.message.startsWith(message), qPrintable(o.message));
        QVERIFY2(!o.message.contains(QStringLiteral("qqqq")) && !o.message.contains(QStringLiteral("kkkk")), qPrintable(o.message));
        if (o.state == KeyState::Active)
            QVERIFY(!o.models.isEmpty());
        if (status == 429 && message.contains(QStringLiteral("check again")))
            QCOMPARE(o.retryAfterSeconds, std::optional<int>(retryAfter.toInt()));

        // What went over the wire: the documented endpoint and headers, the key only in its header.
        QCOMPARE(server.requests.size(), 1);
        const FakeProvider::Request& r = server.requests.first();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QByteArray("/v1/models"));
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

    void stalledConnectionTimesOut()
    {
        FakeProvider server;
        server.stall();
        const ProviderCheck::Outcome o = run(server, QStringLiteral("anthropic"), 400);
        QCOMPARE(o.state, KeyState::NotVerified);
        QVERIFY2(o.message.startsWith(QStringLiteral("Anthropic did not answer within 0.4 seconds")), qPrintable(o.message));
    }

    void unreachableServerIsNotVerified()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there any more: the connection is refused
        QNetworkAccessManager network;
        ProviderCheck check(network);
        QSignalSpy spy(&check, &ProviderCheck::finished);
        check.start(QStringLiteral("openai"), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), openAiKey);
        QVERIFY(spy.wait(15000));
        const auto o = spy.first().first().value<ProviderCheck::Outcome>();
        QCOMPARE(o.state, KeyState::NotVerified);
        QVERIFY2(o.message.startsWith(QStringLiteral("OpenAI could not be reached (Connection refused)")), qPrintable(o.message));
    }

    void baseUrlComesFromTheEnvironmentFirst()
    {
        QCOMPARE(ProviderCheck::baseUrl(QStringLiteral("anthropic")), QUrl(QStringLiteral("https://api.anthropic.com")));
        QCOMPARE(ProviderCheck::baseUrl(QStringLiteral("openai"), QStringLiteral("http://gateway.local:8080/v1")),
                 QUrl(QStringLiteral("http://gateway.local:8080/v1")));
        qputenv("OPENAI_BASE_URL", "http://127.0.0.1:9/proxy");
        QCOMPARE(ProviderCheck::baseUrl(QStringLiteral("openai"), QStringLiteral("http://gateway.local")),
                 QUrl(QStringLiteral("http://127.0.0.1:9/proxy")));
        qunsetenv("OPENAI_BASE_URL");
    }

    void basesEndingInV1AreNotDoubled()
    {
        FakeProvider server;
        server.respond(200, R"({"data":[]})");
        QNetworkAccessManager network;
        ProviderCheck check(network);
        QSignalSpy spy(&check, &ProviderCheck::finished);
        QUrl base = server.baseUrl();
        base.setPath(QStringLiteral("/gateway/v1/"));
        check.start(QStringLiteral("openai"), base, openAiKey);
        QVERIFY(spy.wait(10000));
        QCOMPARE(server.requests.first().path, QByteArray("/gateway/v1/models"));
    }
};

QTEST_GUILESS_MAIN(TestProviderCheck)
#include "tst_providercheck.moc"
