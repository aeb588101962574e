#include "keys/ProxyFromEnvironment.h"

#include <QHostAddress>
#include <QUrl>

namespace {

// The variable as set in lower case (as curl reads it first), else in upper case.
QByteArray variable(const char* lower)
{
    const QByteArray value = qgetenv(lower);
    return value.isEmpty() ? qgetenv(QByteArray(lower).toUpper().constData()) : value;
}

bool reachedDirectly(const QString& host)
{
    if (host.isEmpty() || host == QLatin1String("localhost") || QHostAddress(host).isLoopback())
        return true;
    const QString dotted = QLatin1Char('.') + host.toLower();
    const QList<QByteArray> entries = variable("no_proxy").split(',');
    for (const QByteArray& raw : entries) {
        QString entry = QString::fromLocal8Bit(raw.trimmed()).toLower();
        if (entry == QLatin1String("*"))
            return true;
        if (entry.startsWith(QLatin1String("*.")))
            entry.remove(0, 1);
        if (entry.isEmpty())
            continue;
        if (!entry.startsWith(QLatin1Char('.')))
            entry.prepend(QLatin1Char('.'));
        // ".example.com" covers example.com and its subdomains, not badexample.com.
        if (dotted.endsWith(entry))
            return true;
    }
    return false;
}

} // namespace

QList<QNetworkProxy> ProxyFromEnvironment::queryProxy(const QNetworkProxyQuery& query)
{
    const QString host = query.peerHostName().isEmpty() ? query.url().host() : query.peerHostName();
    if (reachedDirectly(host))
        return {QNetworkProxy::NoProxy};
    const bool https = query.protocolTag().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    QByteArray address = variable(https ? "https_proxy" : "http_proxy");
    if (address.isEmpty())
        address = variable("all_proxy");
    if (address.isEmpty())
        return {QNetworkProxy::NoProxy};
    // "proxy:3128" is an HTTP proxy and a proxy without a port listens on 1080, as curl reads them.
    const QString text = QString::fromLocal8Bit(address.trimmed());
    const QUrl url = QUrl::fromUserInput(text.contains(QLatin1String("://")) ? text : QLatin1String("http://") + text);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        QNetworkProxy proxy(QNetworkProxy::Socks5Proxy, url.host(), quint16(url.port(1080)), url.userName(),
                            url.password());
        if (scheme == QLatin1String("socks5h"))
            proxy.setCapabilities(proxy.capabilities() | QNetworkProxy::HostNameLookupCapability);
        return {proxy};
    }
    if (scheme == QLatin1String("http"))
        return {QNetworkProxy(QNetworkProxy::HttpProxy, url.host(), quint16(url.port(1080)), url.userName(),
                              url.password())};
    return {QNetworkProxy::NoProxy}; // a kind of proxy Qt does not speak (https://, socks4://)
}

void ProxyFromEnvironment::install()
{
    QNetworkProxyFactory::setApplicationProxyFactory(new ProxyFromEnvironment);
}
