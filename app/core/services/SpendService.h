#pragma once

#include "keys/KeyVault.h"
#include "keys/ProviderSync.h"
#include "ledger/Ledger.h"
#include "services/SpendBooks.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

// What the BYOK keys cost by the providers' own reports, for the command line and the window alike: syncing the
// reports into the ledger with the usage keys, and the spend report of a period built from what the ledger holds
// (offline, like the rest).
class SpendService : public QObject
{
    Q_OBJECT

public:
    SpendService(Ledger& ledger, KeyVault& vault, QNetworkAccessManager& network, QObject* parent = nullptr);

    void setRequestTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // What one provider's sync read and found.
    struct Synced
    {
        QString provider;
        QDate first;
        QDate last;
        int usageRows = 0;
        int costRows = 0;
        int keys = 0;
        QVector<SpendFinding> findings;
        bool perKey = true; // false: read with a read-only key, the whole organisation per model
    };
    using Done = std::function<void(Result<Synced>)>;

    // Reads `provider`'s reports from `since` (default: the previous billing period's first day, or, once the
    // ledger holds those, the last two days it holds, which the providers complete late) to today, UTC, with
    // its usage key, and stores them with the findings of the reconciliation. Owner or Admin. `done` follows
    // exactly once, asynchronously; a failure stores nothing.
    void sync(const QString& provider, const std::optional<QDate>& since, Done done);
    // Stops the running sync; its `done` hears that it was cancelled.
    void cancel();
    bool running() const { return m_sync != nullptr; }
    // The providers a usage key is set for.
    Result<QStringList> providersWithUsageKeys();

    // The spend of the period `periodId` ("YYYY-MM", default: the running one) from what the ledger holds, for
    // the whole install or one tenant (its keys and runs only), and where the books disagree. Any member.
    static Result<SpendReport> report(Ledger& ledger, const std::optional<QString>& periodId,
                                      const std::optional<QString>& tenant);

    // Ledger::previewSlotModel, and for the slot's runs on keys a dollar estimate from the providers' reports held
    // over the same 30 days (SpendBooks::estimate). Any member.
    static Result<ModelChangePreview> previewSlotModel(Ledger& ledger, const QString& slot, const QString& model);

signals:
    void progress(const QString& provider, int pages, const QString& reading);

private:
    void store(const ProviderReportSet& set, Done done);

    Ledger& m_ledger;
    KeyVault& m_vault;
    QNetworkAccessManager& m_network;
    QPointer<ProviderSync> m_sync;
    Done m_done;
    int m_timeoutMs = 15000;
};
