#include "UsageTotals.h"

#include "Database.h"
#include "SqlSupport.h"

void UsageTotals::count(Amount& a, bool byok, qint64 credits)
{
    a.runs += 1;
    a.credits += credits;
    a.byokRuns += byok ? 1 : 0;
}

void UsageTotals::add(qint64 at, const QString& tenant, const QString& action, bool byok, qint64 credits)
{
    count(m_delta[Key{m_calendar.containing(at).start, tenant, action}], byok, credits);
    count(m_daily[{m_calendar.dayStartContaining(at), tenant}], byok, credits);
}

namespace {

// ON CONFLICT … DO UPDATE is understood by SQLite (3.24+) and PostgreSQL (9.5+) alike.
const char* const addToTotals =
    "INSERT INTO usage_totals (period_start, tenant, action, runs, credits, byok_runs) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (period_start, tenant, action) DO UPDATE SET runs = usage_totals.runs + excluded.runs, "
    "credits = usage_totals.credits + excluded.credits, byok_runs = usage_totals.byok_runs + excluded.byok_runs";
const char* const addToDaily =
    "INSERT INTO usage_daily (day_start, tenant, runs, credits, byok_runs) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (day_start, tenant) DO UPDATE SET runs = usage_daily.runs + excluded.runs, "
    "credits = usage_daily.credits + excluded.credits, byok_runs = usage_daily.byok_runs + excluded.byok_runs";

} // namespace

Status UsageTotals::flush(const QSqlDatabase& db)
{
    QSqlQuery totals(db), daily(db);
    totals.prepare(QLatin1String(addToTotals));
    daily.prepare(QLatin1String(addToDaily));
    return flush(totals, daily);
}

Status UsageTotals::flush(Database& db)
{
    return flush(db.query(QLatin1String(addToTotals)), db.query(QLatin1String(addToDaily)));
}

Status UsageTotals::flush(QSqlQuery& q, QSqlQuery& d)
{
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
    for (auto it = m_daily.cbegin(); it != m_daily.cend(); ++it) {
        d.bindValue(0, it.key().first);
        d.bindValue(1, Sql::text(it.key().second));
        d.bindValue(2, it.value().runs);
        d.bindValue(3, it.value().credits);
        d.bindValue(4, it.value().byokRuns);
        if (Status s = Sql::exec(d, QStringLiteral("updating the daily totals")); !s)
            return s;
    }
    m_daily.clear();
    return success();
}

Status UsageTotals::rebuild(const QSqlDatabase& db, const BillingCalendar& calendar)
{
    for (const char* table : {"usage_totals", "usage_daily"})
        if (Status s = Sql::execText(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), QStringLiteral("clearing the usage totals")); !s)
            return s;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT occurred_at, tenant, action, billing, credits FROM usage_events"));
    if (Status s = Sql::exec(q, QStringLiteral("reading usage events")); !s)
        return s;
    UsageTotals totals(calendar);
    while (q.next())
        totals.add(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString() == QLatin1String("byok"), q.value(4).toLongLong());
    return totals.flush(db);
}
