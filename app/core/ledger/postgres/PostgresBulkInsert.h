#pragma once

#include "model/UsageEvent.h"
#include "support/Result.h"

#include <QSqlDatabase>
#include <QVector>

// Import on PostgreSQL at bulk speed: the rows go through COPY, on the libpq connection Qt's driver opened, into
// the staging table the ledger's function prepare_import gives the caller, and the function import_staged moves
// the new ones into usage_events, skipping ids already stored, and adds them to the totals (PostgresGuard).
namespace PostgresBulkInsert {

// True when the connection is PostgreSQL through Qt's QPSQL driver, whose libpq handle this program can use.
bool available(const QSqlDatabase& db);

// What an import added: the events whose id was new, and their credits.
struct Added
{
    qint64 events = 0;
    qint64 credits = 0;
};

// In the caller's transaction, in three steps: the rows go into the ledger's staging table, the ledger's function
// moves the new ones into the events and counts them (neither needs the write lock, so recorders go on
// meanwhile), then, under the write lock, the counts join the totals.
Status prepareStaging(const QSqlDatabase& db);
Status copyStaged(const QSqlDatabase& db, const QVector<const ImportRow*>& rows, const QString& recordedBy);
Result<Added> moveStaged(const QSqlDatabase& db);
// Under the write lock, after moveStaged: the moved rows' counts join the totals.
Status addMovedToTotals(const QSqlDatabase& db);

} // namespace PostgresBulkInsert
