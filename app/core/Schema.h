#pragma once

#include "Catalog.h"
#include "Result.h"

#include <QSqlDatabase>

// Versioned schema. Version 1 held events, settings, tenants, members and the audit trail; version 2 added
// the per-period usage totals and the provider key states.
namespace Schema {

constexpr int currentVersion = 2;

// 0 for an empty database.
Result<int> version(const QSqlDatabase& db);

// Creates or upgrades the database to `target`, in one write transaction. A new database starts on the
// catalog's first plan with the slots' default models, anchor day 1, UTC, and `creator` as its Owner.
Status migrate(const QSqlDatabase& db, const Catalog& catalog, const QString& creator,
               int target = currentVersion);

} // namespace Schema
