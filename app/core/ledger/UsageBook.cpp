// The usage book's reading half: reports and the events of a period.
#include "ledger/UsageBook.h"

#include "ledger/EventRow.h"
#include "ledger/SqlSupport.h"
#include "ledger/UsageTotals.h"
#include "support/IsoTime.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};

// Every catalog action, in catalog order, nothing used yet: what a breakdown adds its rows to.
QVector<ActionUsage> noUsage(const Catalog& catalog)
{
    QVector<ActionUsage> usage;
    for (const Action& a : catalog.actions())
        usage.append({a.id, 0, 0, 0});
    return usage;
}

// The row of `action`, or null for one the catalog no longer lists.
ActionUsage* usageOf(QVector<ActionUsage>& usage, const QString& action)
{
    const auto it = std::find_if(usage.begin(), usage.end(), [&](const ActionUsage& u) { return u.action == action; });
    return it == usage.end() ? nullptr : &*it;
}
} // namespace

using CreditRules::Billing;

Result<qint64> UsageBook::poolUsed(qint64 periodStart)
{
    QSqlQuery& q =
        m_db.query(QStringLiteral("SELECT COALESCE(SUM(credits), 0) FROM usage_totals WHERE period_start = ?"));
    q.bindValue(0, periodStart);
    return Sql::number(q, Words::tr("reading usage totals"));
}

Result<UsageReport> UsageBook::reportFor(const LedgerSettings& settings, const BillingPeriod& period,
                                         const std::optional<QString>& tenant)
{
    UsageReport r;
    r.period = period;
    r.timeZone = settings.timeZone;
    const qint64 now = m_db.now();
    r.finished = period.end <= now;
    r.upcoming = period.start > now;
    const PlanHistory::InForce plan = planInForce(m_db.catalog(), settings, period, now);
    r.plan = plan.plan;
    r.nextPlan = period.contains(now) ? plan.next : nullptr;
    r.tenant = tenant;
    r.allocation = plan.plan->monthlyCredits;
    r.byAction = noUsage(m_db.catalog());

    QSqlQuery& q =
        tenant ? m_db.query(QStringLiteral("SELECT action, SUM(runs), SUM(credits), SUM(byok_runs) FROM usage_totals "
                                           "WHERE period_start = ? AND tenant = ? GROUP BY action"))
               : m_db.query(QStringLiteral("SELECT action, SUM(runs), SUM(credits), SUM(byok_runs) FROM usage_totals "
                                           "WHERE period_start = ? GROUP BY action"));
    q.bindValue(0, period.start);
    if (tenant)
        q.bindValue(1, Sql::text(*tenant));
    if (Status s = Sql::exec(q, Words::tr("reading usage totals")); !s)
        return s.failure();
    while (q.next()) {
        if (ActionUsage* u = usageOf(r.byAction, q.value(0).toString())) {
            u->runs = q.value(1).toLongLong();
            u->credits = q.value(2).toLongLong();
            u->byokRuns = q.value(3).toLongLong();
        }
        r.used += q.value(2).toLongLong();
    }
    q.finish();
    if (tenant) {
        const auto pool = poolUsed(period.start);
        if (!pool)
            return pool.failure();
        r.poolUsed = pool.value();
    } else {
        r.poolUsed = r.used;
    }
    r.remaining = qMax<qint64>(0, r.allocation - r.poolUsed);
    r.alertLevel = CreditRules::alertLevel(r.poolUsed, r.allocation);
    if (period.contains(now)) {
        const auto cal = m_settings.calendar(settings);
        if (!cal)
            return cal.failure();
        // Whole local days, from the per-day totals: the last seven, or the period so far when it is younger.
        const qint64 windowStart =
            qMax(period.start, cal.value()->dayStartContaining(now - CreditRules::forecastWindowMs));
        const auto pool = recentCredits(windowStart, now, std::nullopt);
        const auto mine = tenant ? recentCredits(windowStart, now, tenant) : pool;
        if (!pool || !mine)
            return (!pool ? pool : mine).failure();
        CreditRules::Forecast f = CreditRules::forecast(r.remaining, pool.value(), windowStart, now, period.end);
        f.dailyRate = CreditRules::forecast(r.remaining, mine.value(), windowStart, now, period.end).dailyRate;
        r.forecast = f;
        if ((r.nextCalendar = cal.value()->pendingAt(now)))
            r.nextCalendarPeriod = cal.value()->containing(r.nextCalendar->at);
    }
    return r;
}

Result<qint64> UsageBook::recentCredits(qint64 from, qint64 to, const std::optional<QString>& tenant)
{
    // Bounded on both sides: a ledger may hold days after `to` (a clock set back, history reviewed as of a date),
    // and reading them would cost as much as they are many.
    QSqlQuery& q =
        tenant ? m_db.query(QStringLiteral("SELECT COALESCE(SUM(credits), 0) FROM usage_daily WHERE day_start >= ? AND "
                                           "day_start <= ? AND tenant = ?"))
               : m_db.query(QStringLiteral(
                     "SELECT COALESCE(SUM(credits), 0) FROM usage_daily WHERE day_start >= ? AND day_start <= ?"));
    q.bindValue(0, from);
    q.bindValue(1, to);
    if (tenant)
        q.bindValue(2, Sql::text(*tenant));
    return Sql::number(q, Words::tr("reading daily usage"));
}

Result<QVector<ActionUsage>> UsageBook::runsBetween(qint64 from, qint64 to)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QVector<ActionUsage> runs = noUsage(m_db.catalog());
    // Through the rate limit's index (tenant, billing, occurred_at): one range per tenant with usage and billing
    // kind, not a pass over the whole history.
    QSqlQuery& q = m_db.query(
        QStringLiteral("SELECT action, billing, COUNT(*), COALESCE(SUM(credits), 0) FROM usage_events "
                       "WHERE tenant IN (SELECT DISTINCT tenant FROM usage_totals) AND billing IN ('credits', 'byok') "
                       "AND occurred_at >= ? AND occurred_at < ? GROUP BY action, billing"));
    q.bindValue(0, from);
    q.bindValue(1, to);
    if (Status s = Sql::exec(q, Words::tr("reading recent usage")); !s)
        return s.failure();
    while (q.next())
        if (ActionUsage* u = usageOf(runs, q.value(0).toString())) {
            u->runs += q.value(2).toLongLong();
            u->credits += q.value(3).toLongLong();
            if (q.value(1).toString() == CreditRules::billingId(Billing::Byok))
                u->byokRuns += q.value(2).toLongLong();
        }
    q.finish();
    return runs;
}

Result<QVector<LedgerByokRuns>> UsageBook::byokRunsBetween(qint64 from, qint64 to)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    constexpr qint64 dayMs = 86400000;
    QSqlQuery& q = m_db.query(
        QStringLiteral("SELECT occurred_at / %1, tenant, action, model, COUNT(*) FROM usage_events "
                       "WHERE tenant IN (SELECT DISTINCT tenant FROM usage_totals) AND billing = 'byok' "
                       "AND occurred_at >= ? AND occurred_at < ? GROUP BY occurred_at / %1, tenant, action, model "
                       "ORDER BY 1, 2, 3, 4")
            .arg(dayMs));
    q.bindValue(0, from);
    q.bindValue(1, to);
    if (Status s = Sql::exec(q, Words::tr("reading recent usage")); !s)
        return s.failure();
    QVector<LedgerByokRuns> runs;
    const QDate epoch(1970, 1, 1);
    while (q.next())
        runs.append({epoch.addDays(q.value(0).toLongLong()), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toLongLong()});
    q.finish();
    return runs;
}

Result<bool> UsageBook::hasUsage()
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT EXISTS (SELECT 1 FROM usage_totals WHERE runs > 0)"));
    const auto any = Sql::number(q, Words::tr("reading usage totals"));
    if (!any)
        return any.failure();
    return any.value() != 0;
}

Result<qint64> UsageBook::tenantEventCount(const QString& tenant)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT COALESCE(SUM(runs), 0) FROM usage_totals WHERE tenant = ?"));
    q.bindValue(0, tenant);
    return Sql::number(q, Words::tr("reading usage totals"));
}

Result<UsageReport> UsageBook::report(const std::optional<QString>& periodId, const std::optional<QString>& tenant)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    const auto settings = m_settings.load();
    if (!settings)
        return settings.failure();
    if (tenant)
        if (Status s = m_directory.requireTenant(*tenant); !s)
            return s.failure();
    const auto period = m_settings.periodFor(settings.value(), periodId);
    if (!period)
        return period.failure();
    // Several parts of a page show the same period's report (the overview, the usage, the alerts).
    const QString key = QString::number(period->start) + (tenant ? QStringLiteral(" tenant ") + *tenant : QString());
    if (const UsageReport* known = m_reports.find(m_db, key))
        return *known;
    auto r = reportFor(settings.value(), period.value(), tenant);
    if (r)
        m_reports.keep(m_db, key, r.value());
    return r;
}

Status UsageBook::forEachEvent(const std::optional<QString>& periodId,
                               const std::function<bool(const UsageEvent&)>& visit)
{
    if (Status s = m_db.requireMember(); !s)
        return s;
    qint64 from = std::numeric_limits<qint64>::min(), to = std::numeric_limits<qint64>::max();
    if (periodId) {
        const auto period = m_settings.period(periodId);
        if (!period)
            return period.failure();
        from = period->start;
        to = period->end;
    }
    QSqlQuery q(m_db.handle());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM usage_events WHERE occurred_at >= ? AND occurred_at < ? "
                             "ORDER BY occurred_at, id")
                  .arg(QLatin1String(EventRow::columns)));
    q.bindValue(0, from);
    q.bindValue(1, to);
    if (Status s = Sql::exec(q, Words::tr("reading usage events")); !s)
        return s;
    while (q.next())
        if (!visit(EventRow::read(q)))
            break;
    return success();
}
