#include "rules/PlanHistory.h"

namespace PlanHistory {

bool takesEffectAtOnce(const Plan& from, const Plan& to)
{
    return to.monthlyCredits >= from.monthlyCredits;
}

InForce inForce(const Catalog& catalog, const QVector<Change>& changes, const Plan* current, qint64 periodStart,
                qint64 asOf)
{
    // The plan at the start: chosen by the last change before it, or, before the first change, the plan that
    // change left; with no change at all, the plan chosen now.
    const Plan* start = current;
    for (const Change& c : changes) {
        if (c.at < periodStart) {
            if (const Plan* p = catalog.plan(c.to))
                start = p;
        } else {
            if (const Plan* p = catalog.plan(c.from); p && &c == &changes.first())
                start = p;
            break;
        }
    }
    InForce f{start, start, nullptr};
    const Plan* latest = start;
    for (const Change& c : changes) {
        if (c.at < periodStart)
            continue;
        const Plan* to = catalog.plan(c.to);
        if (!to || c.at > asOf)
            break;
        if (to->monthlyCredits > f.plan->monthlyCredits)
            f.plan = to;
        latest = to;
    }
    if (latest->monthlyCredits < f.plan->monthlyCredits)
        f.next = latest;
    return f;
}

} // namespace PlanHistory
