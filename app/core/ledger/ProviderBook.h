#pragma once

#include "ledger/Database.h"
#include "model/ProviderUsage.h"

#include <optional>

// The providers' own reports as the last syncs read them (provider_usage, provider_costs, provider_keys,
// provider_syncs), and the reconciliation's findings the audit trail has told (spend_findings). Never a key.
class ProviderBook
{
public:
    explicit ProviderBook(Database& db) : m_db(db) {}

    // What a sync read replaces what was held for its days, the provider's key list as a whole, and when it was
    // read, in one transaction; each of `findings` not told before gets its line in the audit trail. Owner or
    // Admin.
    Status store(const ProviderReportSet& set, const QVector<SpendFinding>& findings);
    // When `provider` was last read, and which days the ledger holds of it; nullopt: never. Any member.
    Result<std::optional<ProviderSyncMark>> lastSync(const QString& provider);
    // What is held of `provider` for the days `first` to `last`: usage, costs, the organisation's keys, in
    // syncedAt the last sync (0: never), and in first and last the days of the range a sync has read (invalid:
    // none). Any member.
    Result<ProviderReportSet> held(const QString& provider, QDate first, QDate last);

    // The audit trail's line for a finding ("provider saw usage on install key …igAA on 2026-11-14, no BYOK run
    // recorded").
    static QString auditLine(const SpendFinding& finding);
    static QString kindId(SpendFinding::Kind kind);

private:
    Database& m_db;
};
