#pragma once

#include "model/ImportProgress.h"
#include "model/UsageEvent.h"
#include "support/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

struct sqlite3;

// Import's hot loop, written against SQLite's C API on the connection Qt opened. Binding through QSqlQuery
// costs a QVariant and a UTF-16 to UTF-8 conversion per value, which halves the import rate.
namespace SqliteBulkInsert {

using Progress = ImportProgress::Callback;

// True when the connection is SQLite and its library is the one this program links (as on Debian, where Qt's
// driver uses the system libsqlite3). Otherwise an import is refused: it needs the C API.
bool available(const QSqlDatabase& db);
// The connection's own SQLite handle when available(db), else nullptr.
sqlite3* connectionOf(const QSqlDatabase& db);

// An import's staging table (ImportStaging): made in the connection's temporary database, filled a piece at a
// time (each piece one transaction of the temporary database, no lock on the ledger's file), then, inside the
// caller's write transaction, moved into the events in id order, rows whose id exists skipped; `inserted` hears
// each row actually added. Dropped by dropStaging, after the caller's transaction.
Status createStaging(const QSqlDatabase& db);
Status stage(const QSqlDatabase& db, const QVector<const ImportRow*>& rows);
// Once every row is staged: sorts them by id for what follows.
Status sortStaging(const QSqlDatabase& db);
Status moveStaged(const QSqlDatabase& db, const QString& recordedBy,
                  const std::function<void(const UsageEvent&)>& inserted, qint64 staged, const Progress& progress);
void dropStaging(const QSqlDatabase& db);

// Replaces SQLite's busy handler, whose back-off sleeps up to 100 ms at a time, with one that looks again every
// tenth of a millisecond for the first 5 ms and every millisecond after: several recorders queue for the write
// lock without each waiting tens of milliseconds after it is free. Gives up after `maxWaitMs`, as before.
void waitBriefly(const QSqlDatabase& db, int maxWaitMs);
void waitBriefly(sqlite3* handle, int maxWaitMs);

} // namespace SqliteBulkInsert
