#pragma once

#include "KeyState.h"

#include <QNetworkReply>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

// Asks a provider whether it accepts a key: GET {base}/v1/models, the cheapest authenticated call both offer.
// The key travels only in a request header; it is never put in a URL, a log line or a message.
class ProviderCheck : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        KeyState state = KeyState::NotVerified;
        QString message;   // why, in one sentence, when not active
        QStringList models; // the model ids the key can see, when active
        std::optional<int> retryAfterSeconds;
    };

    ProviderCheck(QNetworkAccessManager& network, QObject* parent = nullptr);

    // The public API, unless the environment (ANTHROPIC_BASE_URL, OPENAI_BASE_URL, as the providers' own SDKs
    // read them) or the configured value says otherwise; the environment wins.
    static QUrl baseUrl(const QString& provider, const QString& configured = {});

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Starts a check; `finished` follows exactly once, after at most the timeout. A running check is abandoned.
    void start(const QString& provider, const QUrl& base, const QString& key);

    // Maps an HTTP answer to an outcome; public so that the table of answers can be tested without a network.
    static Outcome interpret(const QString& provider, int status, const QByteArray& body,
                             const QByteArray& retryAfter, const QString& key);

signals:
    void finished(const ProviderCheck::Outcome& outcome);

private:
    void abandonReply();
    void onReplyFinished();
    void onTimeout();
    void finish(const Outcome& outcome);

    QNetworkAccessManager& m_network;
    QNetworkReply* m_reply = nullptr;
    QTimer m_timer;
    QString m_provider;
    QString m_key;
    int m_timeoutMs = 15000;
};
