#pragma once

#include "ImportProgress.h"
#include "Result.h"
#include "UsageEvent.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

struct sqlite3;

// Import's hot loop, written against SQLite's C API on the connection Qt opened. Binding through QSqlQuery
// costs a QVariant and a UTF-16 to UTF-8 conversion per value, which halves the import rate.
namespace SqliteBulkInsert {

using Progress = ImportProgress::Callback;

// True when the connection is SQLite and its library is the one this program links (as on Debian, where Qt's
// driver uses the system libsqlite3). Otherwise the caller uses the portable QSqlQuery path.
bool available(const QSqlDatabase& db);
// The connection's own SQLite handle when available(db), else nullptr.
sqlite3* connectionOf(const QSqlDatabase& db);

// Inserts the events, in id order, inside the caller's transaction; rows whose id exists are skipped. Calls
// `inserted` for each row actually added.
Status insertEvents(const QSqlDatabase& db, const QVector<ImportRow>& rows, const QString& recordedBy,
                    const std::function<void(const UsageEvent&)>& inserted, const Progress& progress);

// Replaces SQLite's busy handler, whose back-off sleeps up to 100 ms at a time, with one that looks again every
// tenth of a millisecond for the first 5 ms and every millisecond after: several recorders queue for the write
// lock without each waiting tens of milliseconds after it is free. Gives up after `maxWaitMs`, as before.
void waitBriefly(const QSqlDatabase& db, int maxWaitMs);
void waitBriefly(sqlite3* handle, int maxWaitMs);

} // namespace SqliteBulkInsert
