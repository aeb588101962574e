#include "keys/ProxyFromEnvironment.h"

#include <QTest>

// Which proxy a provider request takes, from the variables command-line tools read: never libproxy's thread.
class TestProxyFromEnvironment : public QObject
{
    Q_OBJECT

    static QNetworkProxy proxyFor(const char* url)
    {
        ProxyFromEnvironment factory;
        const QList<QNetworkProxy> proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(url))));
        return proxies.value(0);
    }

private slots:
    void init()
    {
        for (const char* name : {"https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY",
                                 "no_proxy", "NO_PROXY"})
            qunsetenv(name);
    }

    void withoutVariablesEveryRequestGoesDirectly()
    {
        QCOMPARE(proxyFor("https://api.anthropic.com/v1/models").type(), QNetworkProxy::NoProxy);
    }

    void httpsRequestsTakeHttpsProxyAndHttpRequestsHttpProxy()
    {
        qputenv("https_proxy", "http://secure.proxy.test:3128");
        qputenv("HTTP_PROXY", "plain.proxy.test"); // upper case, no scheme, no port: curl's reading
        const QNetworkProxy secure = proxyFor("https://api.anthropic.com/v1/models");
        QCOMPARE(secure.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(secure.hostName(), QStringLiteral("secure.proxy.test"));
        QCOMPARE(secure.port(), quint16(3128));
        const QNetworkProxy plain = proxyFor("http://gateway.internal.test/v1/models");
        QCOMPARE(plain.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(plain.hostName(), QStringLiteral("plain.proxy.test"));
        QCOMPARE(plain.port(), quint16(1080));
    }

    void allProxyIsTheFallbackAndSocksIsUnderstood()
    {
        qputenv("all_proxy", "socks5h://user:pw@socks.proxy.test");
        const QNetworkProxy socks = proxyFor("https://api.openai.com/v1/models");
        QCOMPARE(socks.type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(socks.hostName(), QStringLiteral("socks.proxy.test"));
        QCOMPARE(socks.port(), quint16(1080));
        QCOMPARE(socks.user(), QStringLiteral("user"));
        QVERIFY(socks.capabilities() & QNetworkProxy::HostNameLookupCapability);
    }

    void noProxyHostsAndSuffixesGoDirectly()
    {
        qputenv("https_proxy", "http://proxy.test:3128");
        qputenv("no_proxy", " internal.test, *.corp.test ,api.openai.com");
        QCOMPARE(proxyFor("https://gateway.internal.test/").type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor("https://internal.test/").type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor("https://a.b.corp.test/").type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor("https://API.OpenAI.com/").type(), QNetworkProxy::NoProxy);
        // A suffix is a whole domain: "badinternal.test" is not "internal.test".
        QCOMPARE(proxyFor("https://badinternal.test/").type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxyFor("https://api.anthropic.com/").type(), QNetworkProxy::HttpProxy);
        qputenv("no_proxy", "*");
        QCOMPARE(proxyFor("https://api.anthropic.com/").type(), QNetworkProxy::NoProxy);
    }

    void loopbackAndUnknownKindsOfProxyGoDirectly()
    {
        qputenv("https_proxy", "http://proxy.test:3128");
        qputenv("http_proxy", "http://proxy.test:3128");
        for (const char* url : {"http://127.0.0.1:8080/v1", "http://localhost/v1", "http://[::1]:9000/v1"})
            QCOMPARE(proxyFor(url).type(), QNetworkProxy::NoProxy);
        qputenv("https_proxy", "socks4://old.proxy.test:1080");
        QCOMPARE(proxyFor("https://api.anthropic.com/").type(), QNetworkProxy::NoProxy);
    }
};

QTEST_GUILESS_MAIN(TestProxyFromEnvironment)
#include "tst_proxyfromenvironment.moc"
