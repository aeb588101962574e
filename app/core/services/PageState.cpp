#include "services/PageState.h"

#include "services/SpendService.h"

#include <QCoreApplication>

namespace {

// The first failure of several reads, or success.
template <typename T> bool failed(const Result<T>& r, std::optional<Failure>& first)
{
    if (!r && !first)
        first = r.failure();
    return !r;
}

} // namespace

Result<PageState> PageState::read(Ledger& ledger, const PageRequest& request)
{
    const QString& tenant = request.tenant;
    const auto scope = ledger.readScope();
    std::optional<Failure> failure;
    PageState s;
    s.now = ledger.now();
    s.userName = ledger.userName();
    s.tenant = tenant;
    const std::optional<QString> selection = tenant.isEmpty() ? std::nullopt : std::optional(tenant);

    const auto role = ledger.directory().roleOf(s.userName);
    if (failed(role, failure))
        return *failure;
    if (!role.value())
        return refused(
            QCoreApplication::translate("PageState", "%1 is not a member of this database.").arg(s.userName));
    s.role = *role.value();
    const auto settings = ledger.settings().current();
    const auto tenants = ledger.directory().tenants();
    const auto members = ledger.directory().members();
    const auto running = ledger.usage().report(std::nullopt, selection);
    const auto install = selection ? ledger.usage().report(std::nullopt, std::nullopt) : running;
    const auto days = ledger.usage().dailyUsage(std::nullopt, selection);
    const auto costs = ledger.usage().costsNow(tenant);
    const auto limits = ledger.usage().rateLimits(tenant);
    const auto first = ledger.usage().firstPeriodId();
    const auto used = ledger.usage().hasUsage();
    const auto stored = ledger.keys().storedKeys();
    const auto actors = ledger.audit().actors();
    if (failed(settings, failure) | failed(tenants, failure) | failed(members, failure) | failed(running, failure) |
        failed(install, failure) | failed(days, failure) | failed(costs, failure) | failed(limits, failure) |
        failed(first, failure) | failed(used, failure) | failed(stored, failure) | failed(actors, failure))
        return *failure;
    s.settings = settings.value();
    s.calendar = {s.settings.firstAnchorDay, s.settings.firstTimeZone, s.settings.calendarChanges};
    s.tenants = tenants.value();
    s.members = members.value();
    s.running = running.value();
    s.installRunning = install.value();
    s.days = days.value();
    s.costs = costs.value();
    s.rateLimits = limits.value();
    const auto firstPeriod = ledger.settings().period(first.value());
    if (failed(firstPeriod, failure))
        return *failure;
    s.firstPeriodStart = firstPeriod->start;
    s.hasUsage = used.value();
    s.storedKeys = stored.value();
    s.actors = actors.value();

    // The install's running period and the two before it, by the calendar in force then.
    const BillingCalendar calendar = s.calendar.calendar();
    s.timeZone = QString::fromUtf8(calendar.calendarAt(s.now).zone().id());
    BillingPeriod p = s.installRunning.period;
    s.recent.prepend(s.installRunning);
    for (int back = 1; back < 3; ++back) {
        p = calendar.preceding(p);
        const auto r = ledger.usage().report(p.id(), std::nullopt);
        if (failed(r, failure))
            return *failure;
        s.recent.prepend(r.value());
    }

    if (!request.period.isEmpty()) {
        const auto past = ledger.usage().report(request.period, selection);
        const auto pastDays = ledger.usage().dailyUsage(request.period, selection);
        if (failed(past, failure) | failed(pastDays, failure))
            return *failure;
        s.past = past.value();
        s.pastDays = pastDays.value();
    }

    // The trail's filter: whole days in the zone in force on each day.
    s.audit = request.audit;
    if (request.auditFrom)
        s.audit.since = calendar.localDayStart(*request.auditFrom);
    if (request.auditTo)
        s.audit.until = calendar.localDayStart(request.auditTo->addDays(1));
    const auto auditCount = ledger.audit().count(s.audit);
    const auto auditFirst = ledger.audit().page(s.audit, 0, auditPageSize);
    if (failed(auditCount, failure) | failed(auditFirst, failure))
        return *failure;
    s.auditCount = auditCount.value();
    s.auditFirst = auditFirst.value();

    for (const Provider& provider : ledger.catalog().providers()) {
        ProviderKeys k;
        const auto inForce = ledger.keys().keyStatus(tenant, provider.id);
        const auto own = ledger.keys().keyRecord(tenant, provider.id);
        const auto installKey = tenant.isEmpty() ? inForce : ledger.keys().keyStatus(QString(), provider.id);
        const auto models = ledger.keys().modelsAllowedByKey(provider.id);
        const auto usage = ledger.keys().usageKey(provider.id);
        if (failed(inForce, failure) | failed(own, failure) | failed(installKey, failure) | failed(models, failure) |
            failed(usage, failure))
            return *failure;
        k.usage = usage.value();
        k.inForce = inForce.value();
        k.own = own.value();
        k.install = installKey.value();
        k.modelsByKey = models.value();
        s.keys.insert(provider.id, k);
        const auto synced = ledger.providers().lastSync(provider.id);
        if (failed(synced, failure))
            return *failure;
        s.syncedAt.insert(provider.id, synced.value() ? synced.value()->syncedAt : 0);
    }
    if (request.spend) {
        const auto spend = SpendService::report(
            ledger, request.spendPeriod.isEmpty() ? std::nullopt : std::optional<QString>(request.spendPeriod),
            selection);
        if (failed(spend, failure))
            return *failure;
        s.spend = spend.value();
    }
    return s;
}
