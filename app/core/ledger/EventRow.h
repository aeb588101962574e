#pragma once

#include "model/UsageEvent.h"

#include <QSqlQuery>
#include <QVariantList>

// A usage_events row, wherever it is kept (the ledger, or DuringImport's file beside it).
namespace EventRow {

// Its columns but recorded_by, in order.
constexpr const char* columns = "id, occurred_at, tenant, action, model, billing, credits";
// The event from a query that selected `columns` first.
UsageEvent read(const QSqlQuery& q);
// The values to bind in column order: `columns`, then recorded_by.
QVariantList values(const UsageEvent& event, const QString& recordedBy);

} // namespace EventRow
