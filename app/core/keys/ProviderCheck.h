#pragma once

#include "model/KeyRecords.h"
#include "model/KeyVerdict.h"
#include "rules/Catalog.h"
#include "rules/KeyState.h"
#include "support/Clock.h"

#include <QNetworkReply>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

// Asks a provider whether it accepts a key and which models it may use: GET {base}{modelsPath}, the cheapest
// authenticated call the providers offer, following the list's pages to the end (ProviderProtocol). The key travels
// only in a request header; it is never put in a URL, a log line or a message.
class ProviderCheck : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        KeyState state = KeyState::NotVerified;
        KeyVerdict verdict;    // what the provider said or why there is no verdict, as facts, when not active
        QStringList models;    // the model ids the key can see, when active: every page of them
        QString requestId;     // the provider's id for the (last) request, when it gave one
        QString nextPageAfter; // a page of a longer list: the id to continue after
    };

    // `clock` reads a retry-after given as a date.
    ProviderCheck(QNetworkAccessManager& network, Clock clock = {}, QObject* parent = nullptr);

    // The provider's public API (catalog), unless the environment (the variable its own SDKs read, such as
    // ANTHROPIC_BASE_URL) or the configured value says otherwise; the environment wins.
    static QUrl baseUrl(const Provider& provider, const QString& configured = {});

    // The bound on the whole check, every page included.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Starts a check; `finished` follows exactly once, after at most the timeout. A running check is abandoned.
    // A usage key is checked by reading one day of the usage report (Provider::usagePath), which is all it may do;
    // one that is no admin key, by reading a day of the read-only report (Provider::ReadOnlyReports).
    void start(const Provider& provider, const QUrl& base, const QString& key,
               KeyPurpose purpose = KeyPurpose::Inference);

    // Maps one HTTP answer to an outcome; public so that the table of answers can be tested without a network.
    // `retryAfter` is the header as sent: seconds, or an HTTP date, read against `now`.
    static Outcome interpret(const Provider& provider, int status, const QByteArray& body, const QByteArray& retryAfter,
                             const QString& key, qint64 now, const QByteArray& requestId = {},
                             KeyPurpose purpose = KeyPurpose::Inference);

signals:
    void finished(const ProviderCheck::Outcome& outcome);

private:
    void request(const QString& afterId);
    void abandonReply();
    void onReplyFinished();
    void onTimeout();
    void finish(const Outcome& outcome);

    QNetworkAccessManager& m_network;
    Clock m_clock;
    QNetworkReply* m_reply = nullptr;
    QTimer m_timer;
    Provider m_provider;
    QUrl m_base;
    QString m_key;
    KeyPurpose m_purpose = KeyPurpose::Inference;
    QStringList m_models; // gathered from the pages read so far
    int m_pages = 0;
    int m_timeoutMs = 15000;
};
