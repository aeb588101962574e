#pragma once

#include "ledger/Database.h"
#include "ledger/DirectoryStore.h"
#include "ledger/KeyStore.h"
#include "ledger/ScopedMemo.h"
#include "ledger/SettingsStore.h"
#include "ledger/sqlite/DuringImport.h"
#include "model/ImportProgress.h"
#include "model/ProviderUsage.h"
#include "model/Usage.h"
#include "rules/CreditRules.h"

#include <QSet>

#include <functional>
#include <memory>

class UsageTotals;

// The usage_events and usage_totals tables: recording AI queries under the rules, reports, the events of a
// period, per-day usage, the rate-limit standing, what actions cost now, and import.
class UsageBook
{
public:
    UsageBook(Database& db, SettingsStore& settings, DirectoryStore& directory, KeyStore& keys)
        : m_db(db), m_settings(settings), m_directory(directory), m_keys(keys)
    {
    }

    // Reading needs membership with any role.
    Result<UsageReport> report(const std::optional<QString>& periodId, const std::optional<QString>& tenant);
    // Credits and runs per local day of a period (every day of it, in order) for the install or one tenant.
    Result<QVector<DayUsage>> dailyUsage(const std::optional<QString>& periodId, const std::optional<QString>& tenant);
    // Every catalog action, in catalog order, as it would be charged now for the install (empty) or a tenant.
    Result<QVector<ActionCost>> costsNow(const QString& tenant);
    // The rolling-hour standing of the install (empty) or a tenant, for both billing kinds, as of now.
    Result<RateLimits> rateLimits(const QString& tenant);
    // The id ("YYYY-MM") of the earliest period with usage.
    Result<QString> firstPeriodId();
    // Each catalog action's runs of the whole install between `from` and `to` (runs, credits, runs on a key).
    Result<QVector<ActionUsage>> runsBetween(qint64 from, qint64 to);
    // The BYOK runs between `from` and `to` per UTC day, tenant, action and model (what the providers' reports
    // are reconciled with).
    Result<QVector<LedgerByokRuns>> byokRunsBetween(qint64 from, qint64 to);
    // Streams the events of a period (all when nullopt), oldest first.
    Status forEachEvent(const std::optional<QString>& periodId, const std::function<bool(const UsageEvent&)>& visit);

    // Authorises and records one AI query atomically: role, key state, rate limit and credits are checked and
    // the event inserted in one write transaction, so concurrent recorders can never overdraw the pool.
    Result<RecordOutcome> record(const RecordRequest& request);
    // Several events in one write transaction, in order, each decided on what the ones before it left: the
    // answers are those `record` would give one by one, except that a database failure fails them all. One commit
    // for many events is what lets a busy server record thousands a second.
    QVector<Result<RecordOutcome>> recordAll(const QVector<RecordRequest>& requests);

    // Adds historic events, all or none. Rows whose id is already stored are skipped, so importing a file twice
    // adds nothing. `progress` hears each step and how far the whole import is, and may return false to cancel,
    // which rolls everything back. (Progress is a long job's rows: an export's.)
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Where an import's rows come from: `next` gives the next rows (an empty list at the end, a failure for a bad
    // line), `readPermille` how much of the source is read; `name` names the file in the audit trail.
    struct ImportSource
    {
        std::function<Result<QVector<ImportRow>>()> next;
        std::function<int()> readPermille;
        QString name;
    };
    Result<ImportSummary> importFrom(const ImportSource& source, bool dryRun,
                                     const ImportProgress::Overall& progress = {});
    // The same for rows in memory; `source` names the file in the audit trail.
    Result<ImportSummary> importRows(QVector<ImportRow> rows, bool dryRun, const ImportProgress::Overall& progress = {},
                                     const QString& source = {});

    // On SQLite, the events recorded beside an import (DuringImport) that no writer has taken into the ledger
    // yet (after an import that did not commit, or whose process was killed) join it in a write of their own.
    // Without `waitForTheLedger`, only if the lock is free at once (a ledger being opened).
    Status settleRecordedDuringImport(bool waitForTheLedger = true);
    // Every event recorded, from the totals.
    Result<qint64> eventCount();
    // Whether any event is recorded: one row of the totals, however long the history.
    Result<bool> hasUsage();
    // The events a tenant has recorded over all periods (what stays when the tenant is removed).
    Result<qint64> tenantEventCount(const QString& tenant);

private:
    Result<qint64> poolUsed(qint64 periodStart);
    // Credits used on the local days that start between `from` and `to`, by the install or one tenant.
    Result<qint64> recentCredits(qint64 from, qint64 to, const std::optional<QString>& tenant);
    Result<UsageReport> reportFor(const LedgerSettings& settings, const BillingPeriod& period,
                                  const std::optional<QString>& tenant);
    Result<QVector<qint64>> recentQueries(const QString& tenant, CreditRules::Billing billing, qint64 at);
    // Where the rolling window of an event at `at` starts (exclusive).
    qint64 windowStart(qint64 at) const;
    // The times of the events of (tenant, billing) after `from`, in no order.
    Result<QVector<qint64>> recordedAfter(const QString& tenant, CreditRules::Billing billing, qint64 from);
    // What stays the same while one write transaction holds the lock (settings, tenants, key states) is read
    // once for all its events; the pool and the totals are kept in step as events are added.
    struct Batch;
    // How a batch records: under the ledger's write lock, or beside it while an import holds SQLite's
    // (`beside`, in DuringImport's file, the ledger read as last committed). Either way with DuringImport's file
    // locked when the ledger has one.
    struct Recording
    {
        bool beside = false;
        std::optional<DuringImport::Lock> duringImport;
    };
    Result<Recording> beginRecording(Sql::WriteTransaction& tx, Sql::ReadTransaction& read);
    // The event stored with `id`, if any.
    Result<std::optional<UsageEvent>> storedEvent(const QString& id);
    Status insertEvent(const UsageEvent& event, const QString& recordedBy);
    // The events recorded beside an import that the ledger does not hold yet, into the batch (held) or, under
    // the ledger's lock, into the ledger with their totals; `forImport`, an id the ledger holds with other
    // details (the import's line) fails the move.
    Status holdRecordedDuringImport(DuringImport::Lock& duringImport, Batch& batch);
    Status moveRecordedDuringImport(DuringImport::Lock& duringImport, UsageTotals& totals, bool forImport);
    // DuringImport's file, opened once and kept (nullptr when the ledger has none yet).
    Result<DuringImport*> duringImportFile();
    // DuringImport's file locked (waiting at most `waitMs`), or nothing when the ledger has no such file.
    Result<std::optional<DuringImport::Lock>> lockDuringImport(int waitMs = Database::writeWaitMs);
    Result<RecordOutcome> recordLocked(const RecordRequest& request, qint64 at, Batch& batch);
    Result<qint64> batchPoolUsed(Batch& batch, qint64 periodStart);
    Result<KeyState> batchKeyState(Batch& batch, const QString& tenant, const QString& provider);
    // The rolling window's times for (tenant, billing) as of `at`, read once a batch.
    Result<QVector<qint64>> batchRecent(Batch& batch, const QString& tenant, CreditRules::Billing billing, qint64 at);
    std::optional<Failure> requestProblem(const RecordRequest& request, qint64 at, qint64 now);
    void checkRow(ImportRow& row, const LedgerSettings& settings, qint64 now, class LineProblems& problems);
    // Under the write lock: the staged rows into the events, the tenants the file brings, the totals, the audit.
    // On SQLite `duringImport` is left holding DuringImport's file locked, its events moved, until the commit.
    Status moveStaged(class ImportStaging& staging, const QSet<QString>& tenants, ImportSummary& summary,
                      Sql::WriteTransaction& tx, std::optional<DuringImport::Lock>& duringImport,
                      const ImportProgress::Overall& overall);
    Result<ImportSummary> importOnce(const ImportSource& source, bool dryRun, const ImportProgress::Overall& progress,
                                     bool& rolledBack);
    // The tenants the file names that the ledger does not know yet are added.
    Status addTenants(const QSet<QString>& tenantsInFile, ImportSummary& summary);
    Status auditImport(const ImportSummary& summary);

    Database& m_db;
    SettingsStore& m_settings;
    DirectoryStore& m_directory;
    KeyStore& m_keys;
    ScopedMemo<QString, UsageReport> m_reports;   // by period start and tenant, in the open read scope
    ScopedMemo<QString, RateLimits> m_rateLimits; // by tenant, in the open read scope
    std::unique_ptr<DuringImport> m_duringImport; // opened once the ledger has the file
};
