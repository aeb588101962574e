#include "UsageTotals.h"

#include "SqlSupport.h"

void UsageTotals::add(qint64 periodStart, const QString& tenant, const QString& action, bool byok, qint64 credits)
{
    Amount& a = m_delta[Key{periodStart, tenant, action}];
    a.runs += 1;
    a.credits += credits;
    a.byokRuns += byok ? 1 : 0;
}

Status UsageTotals::flush(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    // ON CONFLICT … DO UPDATE is understood by SQLite (3.24+) and PostgreSQL (9.5+) alike.
    q.prepare(QStringLiteral(
        "INSERT INTO usage_totals (period_start, tenant, action, runs, credits, byok_runs) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (period_start, tenant, action) DO UPDATE SET runs = usage_totals.runs + excluded.runs, "
        "credits = usage_totals.credits + excluded.credits, byok_runs = usage_totals.byok_runs + excluded.byok_runs"));
    for (auto it = m_delta.cbegin(); it != m_delta.cend(); ++it) {
        q.bindValue(0, it.key().periodStart);
        q.bindValue(1, Sql::text(it.key().tenant));
        q.bindValue(2, it.key().action);
        q.bindValue(3, it.value().runs);
        q.bindValue(4, it.value().credits);
        q.bindValue(5, it.value().byokRuns);
        if (Status s = Sql::exec(q, QStringLiteral("updating the usage totals")); !s)
            return s;
    }
    m_delta.clear();
    return success();
}

Status UsageTotals::rebuild(const QSqlDatabase& db, const BillingCalendar& calendar)
{
    if (Status s = Sql::execText(db, QStringLiteral("DELETE FROM usage_totals"), QStringLiteral("clearing the usage totals")); !s)
        return s;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT occurred_at, tenant, action, billing, credits FROM usage_events"));
    if (Status s = Sql::exec(q, QStringLiteral("reading usage events")); !s)
        return s;
    UsageTotals totals;
    while (q.next())
        totals.add(calendar.containing(q.value(0).toLongLong()).start, q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString() == QLatin1String("byok"), q.value(4).toLongLong());
    return totals.flush(db);
}
