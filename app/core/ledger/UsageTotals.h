#pragma once

#include "rules/BillingPeriod.h"
#include "support/Result.h"

#include <QHash>
#include <QSqlQuery>

#include <functional>
#include <QSqlDatabase>
#include <QString>
#include <tuple>

// Running totals per billing period, tenant and action (usage_totals) and per local day and tenant
// (usage_daily), kept in step with usage_events inside the same transaction. They make a period's report and
// its daily chart cost the same whatever the length of the history.
class UsageTotals
{
public:
    explicit UsageTotals(const BillingCalendar& calendar) : m_calendar(calendar) {}

    void add(qint64 at, const QString& tenant, const QString& action, bool byok, qint64 credits);

    // What a run of events adds to a total.
    struct Amount
    {
        qint64 runs = 0;
        qint64 credits = 0;
        qint64 byokRuns = 0;
        void count(bool byok, qint64 eventCredits)
        {
            runs += 1;
            credits += eventCredits;
            byokRuns += byok ? 1 : 0;
        }
        Amount& operator+=(const Amount& o)
        {
            runs += o.runs;
            credits += o.credits;
            byokRuns += o.byokRuns;
            return *this;
        }
    };
    // Amounts added up elsewhere (an import's ImportTally), for the period that starts at `periodStart` and for the
    // local day that starts at `dayStart`, as this calendar draws them.
    void addToPeriod(qint64 periodStart, const QString& tenant, const QString& action, const Amount& amount);
    void addToDay(qint64 dayStart, const QString& tenant, const Amount& amount);
    const BillingCalendar& calendar() const { return m_calendar; }

    // Adds the collected amounts to the tables (upsert) and forgets them; with `prepared` answering a prepared
    // statement for each SQL text (the ledger's Database keeps them: recording flushes once per event).
    Status flush(const QSqlDatabase& db);
    Status flush(const std::function<QSqlQuery&(const QString&)>& prepared);

    // Recomputes the whole table from the events, for a new schema or a changed anchor day or time zone.
    static Status rebuild(const QSqlDatabase& db, const BillingCalendar& calendar);

private:
    struct Key
    {
        qint64 periodStart;
        QString tenant;
        QString action;
        bool operator==(const Key& o) const
        {
            return periodStart == o.periodStart && tenant == o.tenant && action == o.action;
        }
        bool operator<(const Key& o) const
        {
            return std::tie(periodStart, tenant, action) < std::tie(o.periodStart, o.tenant, o.action);
        }
    };
    friend size_t qHash(const Key& k, size_t seed) { return qHashMulti(seed, k.periodStart, k.tenant, k.action); }

    const BillingCalendar& m_calendar;
    QHash<Key, Amount> m_delta;
    QHash<QPair<qint64, QString>, Amount> m_daily; // (day start, tenant)
};
