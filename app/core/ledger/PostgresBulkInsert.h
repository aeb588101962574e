#pragma once

#include "ImportProgress.h"
#include "Result.h"
#include "UsageEvent.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

// Import on PostgreSQL at bulk speed: the rows go through COPY, on the libpq connection Qt's driver opened, into
// a staging table, and one set-based insert moves the new ones into usage_events, skipping ids already stored;
// an import larger than the ledger is copied straight into usage_events instead (see insertEvents).
namespace PostgresBulkInsert {

using Progress = ImportProgress::Callback;

// True when the connection is PostgreSQL through Qt's QPSQL driver, whose libpq handle this program can use.
bool available(const QSqlDatabase& db);

// Inserts the events inside the caller's transaction; calls `inserted` for each row actually added.
// `loadThenIndex` (an import larger than the ledger) drops the id index while the rows go in and builds it after,
// and leaves out the ids already stored by reading them (fewer than the rows).
Status insertEvents(const QSqlDatabase& db, const QVector<ImportRow>& rows, const QString& recordedBy,
                    const std::function<void(const UsageEvent&)>& inserted, const Progress& progress, bool loadThenIndex);

} // namespace PostgresBulkInsert
