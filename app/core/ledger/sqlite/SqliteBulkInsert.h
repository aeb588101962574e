#pragma once

#include "ledger/sqlite/ImportRuns.h"
#include "model/ImportProgress.h"
#include "support/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

// Import's hot loop, written against SQLite's C API on the connection Qt opened. Binding through QSqlQuery
// costs a QVariant and a UTF-16 to UTF-8 conversion per value, which halves the import rate.
namespace SqliteBulkInsert {

using Progress = ImportProgress::Callback;

// True when the connection is SQLite and its library is the one this program links (as on Debian, where Qt's
// driver uses the system libsqlite3). Otherwise an import is refused: it needs the C API.
bool available(const QSqlDatabase& db);
// The connection's own SQLite handle when available(db), else nullptr.
sqlite3* connectionOf(const QSqlDatabase& db);

// Inside the caller's write transaction, on a connection that is available(): an import's rows, checked and sorted,
// become events in id order, rows whose id is stored already skipped; `inserted` hears each row actually added.
Status moveSorted(const QSqlDatabase& db, const QString& recordedBy, ImportRuns& rows,
                  const std::function<void(const ImportRuns::Row&)>& inserted, const Progress& progress);

// Builds an index on a table just filled, sorting on two threads. Each thread of SQLite's sorter takes a buffer
// the size of the page cache, so the cache is a quarter of its size meanwhile: an index over 10M events took
// 15-20 s instead of 29-33 s, and the import's peak memory fell from 273 to 221 MiB.
Status createIndex(const QSqlDatabase& db, const char* createSql, const QString& doing);

// A statement prepared on a handle, finalized when dropped.
using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;
Result<Statement> prepared(sqlite3* handle, const char* sql, const QString& doing);
// SQLite's result code `rc` as one sentence (busy for SQLITE_BUSY and SQLITE_LOCKED).
Failure failed(sqlite3* handle, int rc, const QString& doing);

// Replaces SQLite's busy handler, whose back-off sleeps up to 100 ms at a time, with one that looks again every
// tenth of a millisecond for the first 5 ms and every millisecond after: several recorders queue for the write
// lock without each waiting tens of milliseconds after it is free. Gives up after `maxWaitMs`, as before.
void waitBriefly(const QSqlDatabase& db, int maxWaitMs);
void waitBriefly(sqlite3* handle, int maxWaitMs);

} // namespace SqliteBulkInsert
