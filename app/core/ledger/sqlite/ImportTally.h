#pragma once

#include "ledger/sqlite/ImportRuns.h"
#include "ledger/UsageTotals.h"

#include <QHash>

// An import's events added up for the totals by the numbers its runs give tenants and actions, and by a day looked
// up once an hour of the history. Added to UsageTotals one at a time, ten million events hashed their tenant and
// action texts twice each and searched their period and day: a quarter of the import's move.
class ImportTally
{
public:
    explicit ImportTally(const BillingCalendar& calendar) : m_calendar(calendar) {}

    void add(const ImportRuns::Row& row);
    // What was added up, into `totals`: one amount per period, tenant and action, one per day and tenant.
    void addTo(UsageTotals& totals, const ImportRuns& runs) const;

private:
    const BillingCalendar::Day& dayOf(qint64 at);

    struct PeriodKey
    {
        qint64 periodStart;
        quint32 tenant, action;
        bool operator==(const PeriodKey& o) const
        {
            return periodStart == o.periodStart && tenant == o.tenant && action == o.action;
        }
    };
    struct DayKey
    {
        qint64 dayStart;
        quint32 tenant;
        bool operator==(const DayKey& o) const { return dayStart == o.dayStart && tenant == o.tenant; }
    };
    friend size_t qHash(const PeriodKey& k, size_t seed) { return qHashMulti(seed, k.periodStart, k.tenant, k.action); }
    friend size_t qHash(const DayKey& k, size_t seed) { return qHashMulti(seed, k.dayStart, k.tenant); }

    const BillingCalendar& m_calendar;
    // By hour since the epoch: the day that hour began in. A day that starts within an hour (a zone half an hour off
    // UTC) holds that hour's later instants, which are looked up again.
    QHash<qint64, BillingCalendar::Day> m_days;
    QHash<PeriodKey, UsageTotals::Amount> m_periods;
    QHash<DayKey, UsageTotals::Amount> m_daily;
};
