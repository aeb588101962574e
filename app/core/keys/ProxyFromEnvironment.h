#pragma once

#include <QNetworkProxyFactory>

// The proxy a provider request goes through, from the environment as command-line tools read it: https_proxy for
// https, http_proxy for http (either case; all_proxy for both when neither is set), and no_proxy's hosts and domain
// suffixes ("*" for every host) reached directly. Loopback addresses are always reached directly.
//
// Qt's system configuration on Linux asks libproxy instead, on a thread of its own that outlives main(): the program
// then printed "QThreadStorage: Thread … exited after QThreadStorage 0 destroyed" after its last line, now and then.
class ProxyFromEnvironment : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query = QNetworkProxyQuery()) override;

    // Sets a ProxyFromEnvironment as the proxy factory of every network access in the program.
    static void install();
};
