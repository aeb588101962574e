#pragma once

#include "rules/Catalog.h"

#include <QString>
#include <QVector>

// Plan changes are dated, and a period's allocation follows from them (issue: "true past periods"): a period
// starts on the plan in force at its start; an upgrade during the period raises its allocation from that moment
// on; a downgrade waits for the next period. Pure: no SQL, no clock.
namespace PlanHistory {

struct Change
{
    qint64 at = 0;
    QString from; // plan ids
    QString to;
};

struct InForce
{
    const Plan* plan = nullptr;    // the plan whose allocation holds: the largest in force so far in the period
    const Plan* atStart = nullptr; // the plan the period started on
    // A downgrade made during the period, taking effect at the next one (nullptr: none pending).
    const Plan* next = nullptr;
};

// The plan in force at `asOf` in the period that started at `periodStart`. `changes` ascend by time; `current`
// is the plan chosen last (the one in force when nothing was ever changed). Plans the catalog no longer knows
// are passed over.
InForce inForce(const Catalog& catalog, const QVector<Change>& changes, const Plan* current, qint64 periodStart,
                qint64 asOf);

// Whether going from `from` to `to` takes effect at once (an upgrade, or the same allocation) rather than at the
// next period.
bool takesEffectAtOnce(const Plan& from, const Plan& to);

} // namespace PlanHistory
