#pragma once

#include "model/ProviderUsage.h"
#include "rules/Catalog.h"
#include "support/Clock.h"
#include "support/Result.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// Reads a provider organisation's usage and cost reports and its list of keys with a usage key, for a range of
// days: daily buckets grouped by key and model, page after page, each request bounded (15 s), and cancellable. A
// read-only key (one that is no admin key) reads the provider's read-only reports instead: per model, for the
// whole organisation, without a key list.
// The answer is all of it or a failure in one sentence; nothing is half-read. The key travels only in a header.
class ProviderSync : public QObject
{
    Q_OBJECT

public:
    ProviderSync(QNetworkAccessManager& network, Clock clock = {}, QObject* parent = nullptr);
    ~ProviderSync() override;

    // The bound on each request (not on the whole sync, whose length depends on the range).
    void setRequestTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Starts reading the days `first` to `last` (UTC, both included); `finished` follows exactly once, unless
    // cancelled. A running sync is abandoned.
    void start(const Provider& provider, const QUrl& base, const QString& key, QDate first, QDate last);
    // Stops at once; `finished` follows with a failure that says so.
    void cancel();
    bool running() const { return m_reply != nullptr; }

signals:
    // After each page: how many pages are read, and what is being read now ("the usage report").
    void progress(int pages, const QString& reading);
    void finished(const Result<ProviderReportSet>& result);

private:
    // One list the sync reads, page after page: where it is, how to ask for a page, and what to do with one
    // (which answers the next page's token, empty at the end).
    struct Step
    {
        Step(QString path, QString reading, std::function<void(QUrl&, const QString&)> ask,
             std::function<Result<QString>(const QByteArray&)> take, QString beta = {})
            : path(std::move(path)), reading(std::move(reading)), ask(std::move(ask)), take(std::move(take)),
              beta(std::move(beta))
        {
        }
        QString path;
        QString reading; // what it is, in the progress and the failure's words
        std::function<void(QUrl&, const QString& page)> ask;
        std::function<Result<QString>(const QByteArray& body)> take;
        QString beta; // the beta feature its requests name, if any
    };

    void planAnthropic();
    // With a read-only key (Provider::ReadOnlyReports): the organisation's usage and cost per model, no key list.
    void planReadOnly();
    void planOpenAi();
    // Adds OpenAI's key list of one project, found on the project list.
    void addProjectKeys(const QString& projectId);
    void request();
    void onReplyFinished();
    void onTimeout();
    void abandonReply();
    void fail(const Failure& failure);

    QNetworkAccessManager& m_network;
    Clock m_clock;
    QTimer m_timer;
    QNetworkReply* m_reply = nullptr;
    int m_timeoutMs = 15000;
    Provider m_provider;
    QUrl m_base;
    QString m_key;
    QVector<Step> m_steps;
    int m_step = 0;
    QString m_page;      // the page of the running step to ask for; empty: its first
    int m_pages = 0;     // of the whole sync
    int m_stepPages = 0; // of the running step
    ProviderReportSet m_set;
};
