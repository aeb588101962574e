#pragma once

#include "ImportProgress.h"
#include "Result.h"
#include "UsageEvent.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

// Import on PostgreSQL at bulk speed: the rows go through COPY, on the libpq connection Qt's driver opened, into
// the staging table the ledger's function prepare_import gives the caller, and the function import_staged moves
// the new ones into usage_events, skipping ids already stored, and adds them to the totals (PostgresGuard).
namespace PostgresBulkInsert {

using Progress = ImportProgress::Callback;

// True when the connection is PostgreSQL through Qt's QPSQL driver, whose libpq handle this program can use.
bool available(const QSqlDatabase& db);

// Inserts the events inside the caller's transaction; calls `inserted` for each row actually added.
Status insertEvents(const QSqlDatabase& db, const QVector<ImportRow>& rows, const QString& recordedBy,
                    const std::function<void(const UsageEvent&)>& inserted, const Progress& progress);

} // namespace PostgresBulkInsert
