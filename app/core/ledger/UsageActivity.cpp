// What the window shows besides the report: usage per day, the rate-limit standing, the periods with data.
#include "UsageBook.h"

#include "CreditRules.h"
#include "SqlSupport.h"

#include <algorithm>

Result<QVector<DayUsage>> UsageBook::dailyUsage(const std::optional<QString>& periodId, const std::optional<QString>& tenant)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    const auto current = m_settings.snapshot();
    if (!current)
        return current.failure();
    const auto period = m_settings.periodFor(current->settings, periodId);
    if (!period)
        return period.failure();
    const BillingCalendar& cal = *current->calendar;

    QVector<DayUsage> days;
    QVector<qint64> dayStarts;
    for (QDate d = period->firstDay; d <= period->lastDay; d = d.addDays(1)) {
        days.append({d, 0, 0, 0});
        dayStarts.append(d == period->firstDay ? period->start : cal.localDayStart(d));
    }
    // The tenants with usage in the period come from the totals, so that each (tenant, billing) range below
    // is read through the (tenant, billing, occurred_at) index instead of scanning every event.
    QStringList tenants;
    if (tenant) {
        tenants << *tenant;
    } else {
        QSqlQuery& t = m_db.query(QStringLiteral("SELECT DISTINCT tenant FROM usage_totals WHERE period_start = ?"));
        t.bindValue(0, period->start);
        if (Status s = Sql::exec(t, QStringLiteral("reading usage totals")); !s)
            return s.failure();
        while (t.next())
            tenants << t.value(0).toString();
        t.finish();
    }
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT occurred_at, credits FROM usage_events WHERE tenant = ? AND billing = ? "
                                        "AND occurred_at >= ? AND occurred_at < ?"));
    for (const QString& t : tenants) {
        for (const auto billing : {CreditRules::Billing::Credits, CreditRules::Billing::Byok}) {
            q.bindValue(0, Sql::text(t));
            q.bindValue(1, CreditRules::billingId(billing));
            q.bindValue(2, period->start);
            q.bindValue(3, period->end);
            if (Status s = Sql::exec(q, QStringLiteral("reading daily usage")); !s)
                return s.failure();
            while (q.next()) {
                const qint64 at = q.value(0).toLongLong();
                const auto index = std::upper_bound(dayStarts.cbegin(), dayStarts.cend(), at) - dayStarts.cbegin() - 1;
                DayUsage& day = days[qMax<qsizetype>(0, index)];
                ++day.runs;
                day.credits += q.value(1).toLongLong();
                if (billing == CreditRules::Billing::Byok)
                    ++day.byokRuns;
            }
            q.finish();
        }
    }
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
        const auto refusal = key.inForce() ? CreditRules::keyRefusalShort(key.record.state, *m_db.catalog().provider(a.provider))
                                           : std::nullopt;
        costs.append({&a, model, CreditRules::cost(a, model), key.inForce() && !refusal, refusal.value_or(QString())});
    }
    return costs;
}

Result<RateLimits> UsageBook::rateLimits(const QString& tenant)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
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
    if (Status s = Sql::exec(q, QStringLiteral("reading usage totals")); !s)
        return s.failure();
    const QVariant first = q.next() ? q.value(0) : QVariant();
    q.finish();
    return current->calendar->containing(first.isNull() ? m_db.now() : qMin(first.toLongLong(), m_db.now())).id();
}
