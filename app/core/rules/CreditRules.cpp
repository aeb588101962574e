#include "rules/CreditRules.h"

#include "support/IsoTime.h"

#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(CreditRules)
};
} // namespace

namespace CreditRules {

QString billingId(Billing billing)
{
    return billing == Billing::Byok ? QStringLiteral("byok") : QStringLiteral("credits");
}

std::optional<Billing> billingFromId(QStringView id)
{
    if (id == u"credits")
        return Billing::Credits;
    if (id == u"byok")
        return Billing::Byok;
    return std::nullopt;
}

int cost(const Action& action, const Model* slotModel)
{
    if (action.slot.isEmpty() || !slotModel)
        return action.baseCredits;
    return action.baseCredits * slotModel->multiplier;
}

KeyChoice chooseKey(bool planAllowsTenantKeys, bool forTenant, KeyState tenantKey, KeyState installKey)
{
    KeyChoice choice;
    const bool tenantHasKey = forTenant && tenantKey != KeyState::NotSet;
    if (tenantHasKey && planAllowsTenantKeys) {
        choice.source = KeySource::Tenant;
        choice.state = tenantKey;
        return choice;
    }
    choice.tenantKeyIgnored = tenantHasKey;
    if (installKey != KeyState::NotSet) {
        choice.source = KeySource::Install;
        choice.state = installKey;
    }
    return choice;
}

Billing billingFor(const KeyChoice& key)
{
    return key.source == KeySource::Credits ? Billing::Credits : Billing::Byok;
}

RateVerdict rateLimit(const QVector<qint64>& recent, qint64 at, int limit, int windowMinutes)
{
    const qint64 window = static_cast<qint64>(windowMinutes) * 60000;
    RateVerdict v;
    v.limit = limit;
    for (qint64 t : recent)
        v.used += (t > at - window && t <= at);
    if (v.used < limit)
        return v;
    v.allowed = false;
    // The query that must leave the window before one more fits is the (used - limit + 1)-th oldest.
    int toSkip = v.used - limit;
    for (qint64 t : recent) {
        if (t <= at - window || t > at)
            continue;
        if (toSkip-- == 0) {
            v.nextAllowedAt = t + window;
            break;
        }
    }
    return v;
}

std::optional<QString> keyRefusal(KeyState state, const Provider& provider)
{
    // The product's own sentence calls a key by the model family it runs ("Claude").
    const QString& which = provider.family;
    if (state == KeyState::Invalid)
        return Words::tr("Your organisation's %1 API key is invalid. Update it in Settings → AI.").arg(which);
    if (state == KeyState::OutOfBudget)
        return Words::tr("Your organisation's %1 API key is out of budget: raise its spend limit at %2, or "
                         "update the key in Settings → AI.")
            .arg(which, provider.consoleHost());
    return std::nullopt;
}

std::optional<QString> keyRefusalShort(KeyState state, const Provider& provider)
{
    if (state == KeyState::Invalid)
        return Words::tr("the %1 key is invalid").arg(provider.name);
    if (state == KeyState::OutOfBudget)
        return Words::tr("the %1 key is out of budget").arg(provider.name);
    return std::nullopt;
}

Result<Decision> decide(const Request& r, const RateLimitRule& rule)
{
    if (r.key.source != KeySource::Credits)
        if (const auto why = keyRefusal(r.key.state, *r.provider))
            return refused(*why);

    Decision d;
    d.billing = billingFor(r.key);
    const int limit = d.billing == Billing::Byok ? rule.onByok : rule.onCredits;
    const RateVerdict rate = rateLimit(r.recent, r.at, limit, rule.windowMinutes);
    if (!rate.allowed)
        return refused(Words::tr("Rate limit reached (%1/hour); the next query is allowed at %2.")
                           .arg(limit)
                           .arg(IsoTime::formatUtc(rate.nextAllowedAt)));

    if (d.billing == Billing::Byok)
        return d;
    d.credits = cost(*r.action, r.slotModel);
    const qint64 remaining = qMax<qint64>(0, r.allocation - r.poolUsed);
    if (d.credits > remaining)
        return refused(Words::tr("Not enough AI credits: %1 needs %2 and %3 remain until the reset at %4; "
                                 "add your own %5 API key in Settings → AI to keep going.")
                           .arg(inSentence(r.action->name))
                           .arg(d.credits)
                           .arg(remaining)
                           .arg(IsoTime::formatUtc(r.resetsAt))
                           .arg(r.provider->name));
    return d;
}

int alertLevel(qint64 used, qint64 allocation)
{
    if (allocation <= 0)
        return used > 0 ? 100 : 0;
    for (int level : {100, 90, 80})
        if (used * 100 >= qint64(level) * allocation)
            return level;
    return 0;
}

Forecast forecast(qint64 remaining, qint64 recentCredits, qint64 windowStart, qint64 now, qint64 resetsAt)
{
    Forecast f;
    // The window is the period so far whenever the period is younger than the window.
    f.tooEarly = now - windowStart < forecastMinimumMs;
    const double days = qMax<qint64>(now - windowStart, forecastMinimumMs) / 86400000.0;
    f.dailyRate = recentCredits / days;
    if (remaining <= 0)
        f.runsOutAt = now;
    else if (f.dailyRate > 0 && !f.tooEarly) {
        const qint64 at = now + qint64(remaining / f.dailyRate * 86400000.0);
        if (at < resetsAt)
            f.runsOutAt = at;
    }
    return f;
}

std::optional<qint64> usedByReset(qint64 used, const Forecast& forecast, qint64 now, qint64 resetsAt)
{
    if (forecast.tooEarly)
        return std::nullopt;
    return used + qint64(forecast.dailyRate * (qMax<qint64>(0, resetsAt - now) / 86400000.0));
}

ModelChange modelChange(const QVector<RecentRuns>& slotRuns, const Model& current, const Model& next, qint64 days,
                        const Forecast& pace, qint64 remaining, qint64 now, qint64 resetsAt)
{
    ModelChange c;
    c.days = days;
    for (const RecentRuns& r : slotRuns) {
        c.creditRuns += r.creditRuns;
        c.creditsCharged += r.credits;
        c.creditsAtCurrent += r.creditRuns * cost(*r.action, &current);
        c.creditsAtNext += r.creditRuns * cost(*r.action, &next);
        c.byokRuns += r.byokRuns;
    }
    c.tooEarly = pace.tooEarly;
    const double rate = pace.dailyRate + double(c.creditsAtNext - c.creditsAtCurrent) / qMax<qint64>(1, days);
    if (remaining <= 0)
        c.runsOutAt = now;
    else if (rate > 0 && !pace.tooEarly) {
        const qint64 at = now + qint64(remaining / rate * 86400000.0);
        if (at < resetsAt)
            c.runsOutAt = at;
    }
    return c;
}

qint64 tokenCost(const TokenCounts& t, const ModelPrice& p)
{
    // Tokens × micro-dollars per million tokens: 128 bits, so that no count a day can hold overflows.
    const __int128 perMillion = __int128(t.input) * p.input + __int128(t.cacheWrite5m) * p.cacheWrite5m +
                                __int128(t.cacheWrite1h) * p.cacheWrite1h + __int128(t.cacheRead) * p.cacheRead +
                                __int128(t.output) * p.output;
    return qint64((perMillion + 500000) / 1000000);
}

std::optional<QString> eventTimeProblem(qint64 at, qint64 now)
{
    if (at < earliestEventAt)
        return Words::tr("the time %1 is before 2000-01-01, when usage records begin").arg(IsoTime::formatUtc(at));
    if (at > now + allowedClockSkew)
        return Words::tr("the time %1 is in the future; usage can be recorded at most 5 minutes ahead")
            .arg(IsoTime::formatUtc(at));
    return std::nullopt;
}

std::optional<QString> recordTimeProblem(qint64 at, qint64 now, qint64 windowMinutes, qint64 runningPeriodStart)
{
    const QString history = Words::tr("usage recorded later is history, which an Owner or Admin brings in with "
                                      "`ai-settings import`");
    if (at < runningPeriodStart)
        return Words::tr("The time %1 is before the running period began at %2; record authorises usage as it "
                         "happens, and %3.")
            .arg(IsoTime::formatUtc(at), IsoTime::formatUtc(runningPeriodStart), history);
    if (at <= now - windowMinutes * 60000)
        return Words::tr("The time %1 lies before the rate limit's window of the last %2 minutes; record authorises "
                         "usage as it happens, and %3.")
            .arg(IsoTime::formatUtc(at))
            .arg(windowMinutes)
            .arg(history);
    return std::nullopt;
}

} // namespace CreditRules
