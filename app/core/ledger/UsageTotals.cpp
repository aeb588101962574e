#include "ledger/UsageTotals.h"

#include "ledger/SqlSupport.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};
} // namespace

void UsageTotals::add(qint64 at, const QString& tenant, const QString& action, bool byok, qint64 credits)
{
    const BillingCalendar::Day day = m_calendar.dayContaining(at);
    m_delta[Key{day.periodStart, tenant, action}].count(byok, credits);
    m_daily[{day.start, tenant}].count(byok, credits);
}

void UsageTotals::addToPeriod(qint64 periodStart, const QString& tenant, const QString& action, const Amount& amount)
{
    m_delta[Key{periodStart, tenant, action}] += amount;
}

void UsageTotals::addToDay(qint64 dayStart, const QString& tenant, const Amount& amount)
{
    m_daily[{dayStart, tenant}] += amount;
}

namespace {

// ON CONFLICT … DO UPDATE is understood by SQLite (3.24+) and PostgreSQL (9.5+) alike.
const char* const totalsColumns =
    "INSERT INTO usage_totals (period_start, tenant, action, runs, credits, byok_runs) VALUES ";
const char* const totalsConflict =
    " ON CONFLICT (period_start, tenant, action) DO UPDATE SET runs = usage_totals.runs + excluded.runs, "
    "credits = usage_totals.credits + excluded.credits, byok_runs = usage_totals.byok_runs + excluded.byok_runs";
const char* const dailyColumns = "INSERT INTO usage_daily (day_start, tenant, runs, credits, byok_runs) VALUES ";
const char* const dailyConflict =
    " ON CONFLICT (day_start, tenant) DO UPDATE SET runs = usage_daily.runs + excluded.runs, "
    "credits = usage_daily.credits + excluded.credits, byok_runs = usage_daily.byok_runs + excluded.byok_runs";

// An import touches tens of thousands of (day, tenant) rows: they go 200 to a statement, not one round trip each.
constexpr int rowsPerStatement = 200;

QString upsertSql(const char* columns, const char* conflict, int width, qsizetype rows)
{
    const QString row =
        QLatin1Char('(') + QStringList(width, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    return QLatin1String(columns) + QStringList(rows, row).join(QLatin1Char(',')) + QLatin1String(conflict);
}

// Writes `rows` (each a list of `width` values) with as few statements as their number allows.
Status upsert(const std::function<QSqlQuery&(const QString&)>& prepared, const char* columns, const char* conflict,
              int width, const QVector<QVariantList>& rows, const QString& doing)
{
    for (qsizetype start = 0; start < rows.size(); start += rowsPerStatement) {
        const qsizetype count = qMin<qsizetype>(rowsPerStatement, rows.size() - start);
        QSqlQuery& q = prepared(upsertSql(columns, conflict, width, count));
        int index = 0;
        for (qsizetype r = start; r < start + count; ++r)
            for (const QVariant& value : rows[r])
                q.bindValue(index++, value);
        if (Status s = Sql::exec(q, doing); !s)
            return s;
    }
    return success();
}

} // namespace

Status UsageTotals::flush(const QSqlDatabase& db)
{
    QHash<QString, QSqlQuery> statements;
    return flush([&](const QString& sql) -> QSqlQuery& {
        auto it = statements.find(sql);
        if (it == statements.end()) {
            QSqlQuery q(db);
            q.prepare(sql);
            it = statements.insert(sql, q);
        }
        return it.value();
    });
}

namespace {

// The map's entries in key order: written so, the rows one period or one day holds end up side by side in the
// table (PostgreSQL's heap, SQLite's rowid order), and the page reads a month from a few pages instead of one
// page per row, as hash order left them.
template <typename Map> QVector<typename Map::const_iterator> inKeyOrder(const Map& map)
{
    QVector<typename Map::const_iterator> entries;
    entries.reserve(map.size());
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        entries.append(it);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.key() < b.key(); });
    return entries;
}

} // namespace

Status UsageTotals::flush(const std::function<QSqlQuery&(const QString&)>& prepared)
{
    QVector<QVariantList> rows;
    rows.reserve(m_delta.size());
    for (const auto& it : inKeyOrder(m_delta))
        rows.append({it.key().periodStart, Sql::text(it.key().tenant), it.key().action, it.value().runs,
                     it.value().credits, it.value().byokRuns});
    if (Status s = upsert(prepared, totalsColumns, totalsConflict, 6, rows, Words::tr("updating the usage totals")); !s)
        return s;
    m_delta.clear();
    rows.clear();
    for (const auto& it : inKeyOrder(m_daily))
        rows.append(
            {it.key().first, Sql::text(it.key().second), it.value().runs, it.value().credits, it.value().byokRuns});
    if (Status s = upsert(prepared, dailyColumns, dailyConflict, 5, rows, Words::tr("updating the daily totals")); !s)
        return s;
    m_daily.clear();
    return success();
}

Status UsageTotals::rebuild(const QSqlDatabase& db, const BillingCalendar& calendar)
{
    for (const char* table : {"usage_totals", "usage_daily"})
        if (Status s = Sql::execText(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)),
                                     QStringLiteral("clearing the usage totals"));
            !s)
            return s;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT occurred_at, tenant, action, billing, credits FROM usage_events"));
    if (Status s = Sql::exec(q, Words::tr("reading usage events")); !s)
        return s;
    UsageTotals totals(calendar);
    while (q.next())
        totals.add(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString() == QLatin1String("byok"), q.value(4).toLongLong());
    return totals.flush(db);
}
