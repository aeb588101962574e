#pragma once

#include "BillingPeriod.h"
#include "Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

// Running totals per billing period, tenant and action, kept in step with usage_events inside the same
// transaction. They make a period's report cost the same whatever the length of the history.
class UsageTotals
{
public:
    void add(qint64 periodStart, const QString& tenant, const QString& action, bool byok, qint64 credits);
    bool isEmpty() const { return m_delta.isEmpty(); }

    // Adds the collected amounts to the table (upsert) and forgets them.
    Status flush(const QSqlDatabase& db);

    // Recomputes the whole table from the events, for a new schema or a changed anchor day or time zone.
    static Status rebuild(const QSqlDatabase& db, const BillingCalendar& calendar);

private:
    struct Key
    {
        qint64 periodStart;
        QString tenant;
        QString action;
        bool operator==(const Key& o) const { return periodStart == o.periodStart && tenant == o.tenant && action == o.action; }
    };
    struct Amount
    {
        qint64 runs = 0;
        qint64 credits = 0;
        qint64 byokRuns = 0;
    };
    friend size_t qHash(const Key& k, size_t seed) { return qHashMulti(seed, k.periodStart, k.tenant, k.action); }

    QHash<Key, Amount> m_delta;
};
