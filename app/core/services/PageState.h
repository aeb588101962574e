#pragma once

#include "ledger/Ledger.h"
#include "model/AuditEntry.h"
#include "model/Directory.h"
#include "model/KeyRecords.h"
#include "model/Settings.h"
#include "model/Spend.h"
#include "model/Usage.h"
#include "rules/BillingPeriod.h"
#include "support/Result.h"

#include <QDate>
#include <QHash>
#include <QVector>

#include <optional>

// What the page asks to be read: the selection, and what its parts show beyond the running period (a past period
// stepped back to, the activity trail's filter). Equal requests read the same.
struct PageRequest
{
    QString tenant;                 // empty: the whole install
    QString period;                 // a past period's id; empty: the running period only
    AuditFilter audit;              // kind and actor; the days below bound it
    std::optional<QDate> auditFrom; // whole days in the install's zone, `auditTo` included
    std::optional<QDate> auditTo;
    bool spend = false;  // the providers' books are shown: read them (SpendReport)
    QString spendPeriod; // their period's id; empty: the running one

    bool operator==(const PageRequest& o) const
    {
        return tenant == o.tenant && period == o.period && audit.kind == o.audit.kind && audit.actor == o.audit.actor &&
               auditFrom == o.auditFrom && auditTo == o.auditTo && spend == o.spend && spendPeriod == o.spendPeriod;
    }
    bool operator!=(const PageRequest& o) const { return !(*this == o); }
};

// Everything the settings page shows at one moment, read in one read transaction (Ledger::readScope), so that
// every section tells the same facts the same way: the settings in force and pending, the running period of the
// selection and of the whole install, the key in force per provider, the rate limit's standing, who may do what.
// The sections render from it and from the core's sentences; they read nothing themselves.
struct PageState
{
    qint64 now = 0;
    QString userName;
    Role role = Role::Viewer;
    LedgerSettings settings;
    CalendarHistory calendar; // the billing calendar through its changes (settings), to walk periods with
    QString timeZone;         // the zone in force now, in which times are shown
    QVector<Tenant> tenants;
    QVector<Member> members;
    QStringList actors; // who appears in the audit trail

    QString tenant;                // the selection; empty: the whole install
    UsageReport running;           // the running period, of the selection
    UsageReport installRunning;    // the running period, of the whole install (the plan, the pool)
    QVector<UsageReport> recent;   // the whole install's running period and the two before it, oldest first
    QVector<DayUsage> days;        // the running period's days, of the selection
    QVector<ActionCost> costs;     // what each action costs now, for the selection
    RateLimits rateLimits;         // of the selection
    qint64 firstPeriodStart = 0;   // the oldest period with usage (or the running one)
    bool hasUsage = false;         // any usage recorded at all
    QVector<KeyRecord> storedKeys; // every stored key record, any scope
    struct ProviderKeys
    {
        KeyStatus inForce;                      // for the selection
        KeyRecord own;                          // the selection's own record (NotSet when none)
        KeyStatus install;                      // the install's
        std::optional<QStringList> modelsByKey; // the models the install's key can use, when it listed them
        KeyRecord usage;                        // the provider's usage key (KeyPurpose::Usage), NotSet when none
    };
    QHash<QString, ProviderKeys> keys; // provider id -> its keys

    std::optional<UsageReport> past;  // the past period asked for, of the selection
    QVector<DayUsage> pastDays;       // its days
    AuditFilter audit;                // the trail's filter, its days as moments
    qint64 auditCount = 0;            // the lines it selects
    QVector<AuditEntry> auditFirst;   // the newest of them, up to auditPageSize
    QHash<QString, qint64> syncedAt;  // provider id -> when its reports were last read (0: never)
    std::optional<SpendReport> spend; // when asked: the providers' books for the selection
    static constexpr int auditPageSize = 200;

    // Reads what `request` asks for; any member may.
    static Result<PageState> read(Ledger& ledger, const PageRequest& request);
};
