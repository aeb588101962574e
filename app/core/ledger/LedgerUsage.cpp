// The usage half of the Ledger: reports, recording, import and export.
#include "Ledger.h"

#include "IsoTime.h"
#include "SqlSupport.h"
#include "Text.h"
#include "UsageTotals.h"

#include <QRegularExpression>
#include <QSet>
#include <QUuid>

using CreditRules::Billing;

namespace {

UsageEvent eventFrom(const QSqlQuery& q)
{
    UsageEvent e;
    e.id = q.value(0).toString();
    e.occurredAt = q.value(1).toLongLong();
    e.tenant = q.value(2).toString();
    e.action = q.value(3).toString();
    e.model = q.value(4).toString();
    e.billing = CreditRules::billingFromId(q.value(5).toString()).value_or(Billing::Credits);
    e.credits = q.value(6).toInt();
    return e;
}

const QString eventColumns = QStringLiteral("id, occurred_at, tenant, action, model, billing, credits");

} // namespace

QVariantList Ledger::eventRow(const UsageEvent& e, const QString& recordedBy)
{
    return {e.id, e.occurredAt, Sql::text(e.tenant), e.action, Sql::text(e.model), CreditRules::billingId(e.billing),
            e.credits, recordedBy};
}

Result<BillingPeriod> Ledger::periodFor(const LedgerSettings& settings, const std::optional<QString>& periodId)
{
    const auto cal = calendar(settings);
    if (!cal)
        return cal.failure();
    const BillingCalendar& calendar = *cal.value();
    if (!periodId)
        return calendar.containing(now());
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral("(\\d{4})-(\\d{2})")));
    const QRegularExpressionMatch m = pattern.match(*periodId);
    const int month = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (month < 1 || month > 12)
        return badInput(QStringLiteral("The period %1 is not a month like 2026-11.").arg(Text::quoted(*periodId)));
    // Usage begins in 2000 (DESIGN.md §1); earlier months have no usage and no meaningful reset date.
    if (m.captured(1).toInt() < 2000)
        return badInput(QStringLiteral("The period %1 is before 2000-01, when usage records begin.").arg(Text::quoted(*periodId)));
    return calendar.startingIn(m.captured(1).toInt(), month);
}

Result<qint64> Ledger::poolUsed(qint64 periodStart)
{
    QSqlQuery& q = query(QStringLiteral("SELECT COALESCE(SUM(credits), 0) FROM usage_totals WHERE period_start = ?"));
    q.bindValue(0, periodStart);
    if (Status s = Sql::exec(q, QStringLiteral("reading usage totals")); !s)
        return s.failure();
    const qint64 used = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return used;
}

Result<UsageReport> Ledger::reportFor(const LedgerSettings& settings, const BillingPeriod& period,
                                      const std::optional<QString>& tenant)
{
    UsageReport r;
    r.period = period;
    r.timeZone = settings.timeZone;
    r.plan = settings.plan;
    r.tenant = tenant;
    r.allocation = settings.plan->monthlyCredits;
    for (const Action& a : m_catalog.actions())
        r.byAction.append({a.id, 0, 0, 0});

    QSqlQuery& q = tenant ? query(QStringLiteral("SELECT action, SUM(runs), SUM(credits), SUM(byok_runs) FROM usage_totals "
                                                 "WHERE period_start = ? AND tenant = ? GROUP BY action"))
                          : query(QStringLiteral("SELECT action, SUM(runs), SUM(credits), SUM(byok_runs) FROM usage_totals "
                                                 "WHERE period_start = ? GROUP BY action"));
    q.bindValue(0, period.start);
    if (tenant)
        q.bindValue(1, Sql::text(*tenant));
    if (Status s = Sql::exec(q, QStringLiteral("reading usage totals")); !s)
        return s.failure();
    while (q.next()) {
        const QString action = q.value(0).toString();
        for (ActionUsage& u : r.byAction) {
            if (u.action == action) {
                u.runs = q.value(1).toLongLong();
                u.credits = q.value(2).toLongLong();
                u.byokRuns = q.value(3).toLongLong();
            }
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
    return r;
}

Result<UsageReport> Ledger::report(const std::optional<QString>& periodId, const std::optional<QString>& tenant)
{
    if (Status s = requireMember(); !s)
        return s.failure();
    const auto settings = loadSettings();
    if (!settings)
        return settings.failure();
    if (tenant)
        if (Status s = requireTenant(*tenant); !s)
            return s.failure();
    const auto period = periodFor(settings.value(), periodId);
    if (!period)
        return period.failure();
    return reportFor(settings.value(), period.value(), tenant);
}

Status Ledger::forEachEvent(const std::optional<QString>& periodId, const std::function<bool(const UsageEvent&)>& visit)
{
    if (Status s = requireMember(); !s)
        return s;
    qint64 from = std::numeric_limits<qint64>::min(), to = std::numeric_limits<qint64>::max();
    if (periodId) {
        const auto settings = loadSettings();
        if (!settings)
            return settings.failure();
        const auto period = periodFor(settings.value(), periodId);
        if (!period)
            return period.failure();
        from = period->start;
        to = period->end;
    }
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM usage_events WHERE occurred_at >= ? AND occurred_at < ? "
                             "ORDER BY occurred_at, id").arg(eventColumns));
    q.bindValue(0, from);
    q.bindValue(1, to);
    if (Status s = Sql::exec(q, QStringLiteral("reading usage events")); !s)
        return s;
    while (q.next())
        if (!visit(eventFrom(q)))
            break;
    return success();
}

Result<QVector<qint64>> Ledger::recentQueries(const QString& tenant, Billing billing, qint64 at)
{
    QSqlQuery& q = query(QStringLiteral("SELECT occurred_at FROM usage_events WHERE tenant = ? AND billing = ? "
                                        "AND occurred_at > ? AND occurred_at <= ? ORDER BY occurred_at"));
    q.bindValue(0, Sql::text(tenant));
    q.bindValue(1, CreditRules::billingId(billing));
    q.bindValue(2, at - static_cast<qint64>(m_catalog.rateLimit().windowMinutes) * 60000);
    q.bindValue(3, at);
    if (Status s = Sql::exec(q, QStringLiteral("reading recent usage")); !s)
        return s.failure();
    QVector<qint64> times;
    while (q.next())
        times.append(q.value(0).toLongLong());
    q.finish();
    return times;
}

Result<RecordOutcome> Ledger::record(const RecordRequest& request)
{
    if (!m_catalog.action(request.action))
        return badInput(QStringLiteral("Unknown action %1; expected one of %2.").arg(Text::quoted(request.action), m_catalog.actionIds()));
    if (!request.tenant.isEmpty() && !isValidTenantId(request.tenant))
        return badInput(QStringLiteral("Tenant id %1 is not valid.").arg(Text::quoted(request.tenant)));
    if (!request.id.isEmpty() && !isValidEventId(request.id))
        return badInput(QStringLiteral("Event id %1 is not valid; use up to 128 letters, digits or ._:@/+=- characters.")
                            .arg(Text::quoted(request.id)));
    const qint64 at = request.at.value_or(now());
    if (const auto problem = CreditRules::eventTimeProblem(at, now()))
        return badInput(problem->at(0).toUpper() + problem->mid(1) + QLatin1Char('.'));

    Sql::WriteTransaction tx(db());
    if (Status s = tx.begin(); !s)
        return s.failure();
    if (Status s = requireAdministrator(QStringLiteral("Recording usage")); !s)
        return s.failure();
    auto outcome = recordLocked(request, at);
    if (!outcome)
        return outcome;
    if (!outcome->alreadyRecorded)
        if (Status s = tx.commit(); !s)
            return s.failure();
    return outcome;
}

Result<RecordOutcome> Ledger::recordLocked(const RecordRequest& request, qint64 at)
{
    const Action& action = *m_catalog.action(request.action);
    const auto settings = loadSettings();
    if (!settings)
        return settings.failure();
    const auto cal = calendar(settings.value());
    if (!cal)
        return cal.failure();
    RecordOutcome out;

    if (!request.id.isEmpty()) {
        // A retried record with the same id must not charge twice.
        QSqlQuery& q = query(QStringLiteral("SELECT %1 FROM usage_events WHERE id = ?").arg(eventColumns));
        q.bindValue(0, request.id);
        if (Status s = Sql::exec(q, QStringLiteral("reading usage events")); !s)
            return s.failure();
        const bool found = q.next();
        if (found)
            out.event = eventFrom(q);
        q.finish();
        if (found) {
            if (out.event.action != request.action || out.event.tenant != request.tenant)
                return badInput(QStringLiteral("Event id %1 was already recorded for another action or tenant.")
                                    .arg(Text::quoted(request.id)));
            out.alreadyRecorded = true;
            out.period = cal.value()->containing(out.event.occurredAt);
            const auto used = poolUsed(out.period.start);
            if (!used)
                return used.failure();
            out.allocation = settings->plan->monthlyCredits;
            out.remaining = qMax<qint64>(0, out.allocation - used.value());
            return out;
        }
    }
    if (!request.tenant.isEmpty())
        if (Status s = requireTenant(request.tenant); !s)
            return s.failure();
    const auto tenantKey = request.tenant.isEmpty() ? Result<KeyState>(KeyState::NotSet)
                                                    : keyState(request.tenant, action.provider);
    const auto installKey = keyState(QString(), action.provider);
    if (!tenantKey || !installKey)
        return (!tenantKey ? tenantKey : installKey).failure();

    CreditRules::Request r;
    r.action = &action;
    r.slotModel = action.slot.isEmpty() ? nullptr : m_catalog.model(settings->slotModels.value(action.slot));
    r.provider = m_catalog.provider(action.provider);
    r.key = CreditRules::chooseKey(settings->plan->tenantKeys, !request.tenant.isEmpty(), tenantKey.value(),
                                   installKey.value());
    r.allocation = settings->plan->monthlyCredits;
    out.period = cal.value()->containing(at);
    r.resetsAt = out.period.end;
    r.at = at;
    const auto used = poolUsed(out.period.start);
    const auto recent = recentQueries(request.tenant, CreditRules::billingFor(r.key), at);
    if (!used || !recent)
        return (!used ? used.failure() : recent.failure());
    r.poolUsed = used.value();
    r.recent = recent.value();

    const auto decision = CreditRules::decide(r, m_catalog.rateLimit());
    if (!decision)
        return decision.failure();

    UsageEvent& e = out.event;
    e.id = request.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : request.id;
    e.occurredAt = at;
    e.tenant = request.tenant;
    e.action = action.id;
    e.model = r.slotModel ? r.slotModel->id : QString();
    e.billing = decision->billing;
    e.credits = decision->credits;
    QSqlQuery& insert = query(QStringLiteral("INSERT INTO usage_events (%1, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                                  .arg(eventColumns));
    const QVariantList values = eventRow(e, m_userName);
    for (int i = 0; i < values.size(); ++i)
        insert.bindValue(i, values[i]);
    if (Status s = Sql::exec(insert, QStringLiteral("recording usage")); !s)
        return s.failure();
    UsageTotals totals;
    totals.add(out.period.start, e.tenant, e.action, e.billing == Billing::Byok, e.credits);
    if (Status s = totals.flush(db()); !s)
        return s.failure();

    out.source = r.key.source;
    out.allocation = r.allocation;
    out.remaining = qMax<qint64>(0, r.allocation - r.poolUsed - e.credits);
    return out;
}
