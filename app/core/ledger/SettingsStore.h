#pragma once

#include "ledger/Database.h"
#include "ledger/ScopedMemo.h"
#include "model/Settings.h"
#include "rules/BillingPeriod.h"

#include <memory>

// The settings table: the plan, the models, the billing calendar, provider addresses and the install's id,
// each declared once (Settings::declarations).
class SettingsStore
{
public:
    explicit SettingsStore(Database& db);

    // Reading needs membership with any role. Settings read less than a second ago are answered again without
    // asking the database (a page asks a dozen times as it opens); a write here forgets them at once.
    Result<LedgerSettings> current();
    // The same without the role check, for operations that made theirs; read afresh, except a second time inside
    // one read scope.
    Result<LedgerSettings> load();

    Status setPlan(const QString& planIdOrName);
    Status setProviderBaseUrl(const QString& provider, const QString& url);
    // Writes declared settings inside the caller's write transaction: each value is checked by its declaration,
    // and each change is audited as "old -> new" under the setting's name.
    Status write(const QList<QPair<QString, QString>>& values);

    // The settings with the billing calendar they describe, read together (no role check).
    struct Snapshot
    {
        LedgerSettings settings;
        const BillingCalendar* calendar = nullptr;
    };
    Result<Snapshot> snapshot();
    // The period named "YYYY-MM", or the one running now, by the stored calendar (no role check).
    Result<BillingPeriod> period(const std::optional<QString>& periodId);

    // The billing calendar the settings describe (kept while they stay the same).
    Result<const BillingCalendar*> calendar(const LedgerSettings& settings);
    // The period named "YYYY-MM", or the one running now.
    Result<BillingPeriod> periodFor(const LedgerSettings& settings, const std::optional<QString>& periodId);
    Result<QString> currentPeriodId();
    // "YYYY-MM-DD" (the start of that day in the install's zone) or an ISO 8601 time with Z or an offset.
    Result<qint64> momentFrom(const QString& dateOrTime);

private:
    const SettingDeclaration* declaration(const QString& name) const;
    Result<LedgerSettings> read();

    Database& m_db;
    QVector<SettingDeclaration> m_declared;
    std::unique_ptr<BillingCalendar> m_calendar;
    ScopedMemo<int, LedgerSettings> m_inScope; // one entry: what load() read in the open read scope
};
