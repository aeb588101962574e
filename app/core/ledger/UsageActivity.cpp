// What the window shows besides the report: usage per day, the rate-limit standing, the periods with data.
#include "ledger/UsageBook.h"

#include "ledger/SqlSupport.h"
#include "rules/CreditRules.h"

#include <algorithm>
#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};
} // namespace

Result<QVector<DayUsage>> UsageBook::dailyUsage(const std::optional<QString>& periodId,
                                                const std::optional<QString>& tenant)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    const auto current = m_settings.snapshot();
    if (!current)
        return current.failure();
    const auto period = m_settings.periodFor(current->settings, periodId);
    if (!period)
        return period.failure();
    const std::vector<qint64>& dayStarts = current->calendar->dayStarts(period.value());
    QVector<DayUsage> days;
    for (QDate d = period->firstDay; d <= period->lastDay; d = d.addDays(1))
        days.append({d, 0, 0, 0});
    // From the per-day totals: the chart costs the same whatever the length of the history.
    QSqlQuery& q =
        tenant ? m_db.query(QStringLiteral("SELECT day_start, runs, credits, byok_runs FROM usage_daily "
                                           "WHERE day_start >= ? AND day_start < ? AND tenant = ?"))
               : m_db.query(QStringLiteral("SELECT day_start, SUM(runs), SUM(credits), SUM(byok_runs) FROM usage_daily "
                                           "WHERE day_start >= ? AND day_start < ? GROUP BY day_start"));
    q.bindValue(0, period->start);
    q.bindValue(1, period->end);
    if (tenant)
        q.bindValue(2, Sql::text(*tenant));
    if (Status s = Sql::exec(q, Words::tr("reading daily usage")); !s)
        return s.failure();
    while (q.next()) {
        const qint64 start = q.value(0).toLongLong();
        const auto index = std::upper_bound(dayStarts.cbegin(), dayStarts.cend(), start) - dayStarts.cbegin() - 1;
        DayUsage& day = days[qBound<qsizetype>(qsizetype(0), index, days.size() - 1)];
        day.runs += q.value(1).toLongLong();
        day.credits += q.value(2).toLongLong();
        day.byokRuns += q.value(3).toLongLong();
    }
    q.finish();
    return days;
}

Result<QVector<ActionCost>> UsageBook::costsNow(const QString& tenant)
{
    const auto current = m_settings.current();
    if (!current)
        return current.failure();
    QHash<QString, KeyStatus> keys; // per provider
    for (const Provider& p : m_db.catalog().providers()) {
        const auto key = m_keys.keyStatus(tenant, p.id);
        if (!key)
            return key.failure();
        keys.insert(p.id, key.value());
    }
    QVector<ActionCost> costs;
    for (const Action& a : m_db.catalog().actions()) {
        const Model* model = a.slot.isEmpty() ? nullptr : m_db.catalog().model(current->slotModels.value(a.slot));
        const KeyStatus& key = keys[a.provider];
        // The same rule `record` applies: a key in force that is known not to work refuses the action.
        const auto refusal = key.inForce()
                                 ? CreditRules::keyRefusalShort(key.record.state, *m_db.catalog().provider(a.provider))
                                 : std::nullopt;
        costs.append({&a, model, CreditRules::cost(a, model), key.inForce() && !refusal, refusal.value_or(QString())});
    }
    return costs;
}

Result<RateLimits> UsageBook::rateLimits(const QString& tenant)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    if (const RateLimits* known = m_rateLimits.find(m_db, tenant)) // the overview and the rate-limit section
        return *known;
    const qint64 at = m_db.now();
    const RateLimitRule& rule = m_db.catalog().rateLimit();
    RateLimits limits;
    for (const auto billing : {CreditRules::Billing::Credits, CreditRules::Billing::Byok}) {
        const auto recent = recentQueries(tenant, billing, at);
        if (!recent)
            return recent.failure();
        const int limit = billing == CreditRules::Billing::Byok ? rule.onByok : rule.onCredits;
        RateStanding& standing = billing == CreditRules::Billing::Byok ? limits.onByok : limits.onCredits;
        standing.limit = limit;
        standing.used = int(recent->size());
        standing.nextFreeAt = recent->isEmpty() ? 0 : recent->first() + qint64(rule.windowMinutes) * 60000;
    }
    m_rateLimits.keep(m_db, tenant, limits);
    return limits;
}

Result<QString> UsageBook::firstPeriodId()
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    const auto current = m_settings.snapshot();
    if (!current)
        return current.failure();
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT MIN(period_start) FROM usage_totals"));
    if (Status s = Sql::exec(q, Words::tr("reading usage totals")); !s)
        return s.failure();
    const QVariant first = q.next() ? q.value(0) : QVariant();
    q.finish();
    return current->calendar->containing(first.isNull() ? m_db.now() : qMin(first.toLongLong(), m_db.now())).id();
}
