#pragma once

#include "BenchSupport.h"

// What the standard tools do with the same file, as the bar an import is measured against: the sqlite3 shell's
// .import and psql's \copy, each into a table with usage_events' columns and indexes. Rows per second, or 0.
namespace Baselines {

double sqliteShellImport(const QString& csv, const QString& folder, qint64 rows);
double psqlCopy(const Bench::Cluster& cluster, const QString& csv, qint64 rows);
// This program's own `import` timed the same way, as a whole process into a new SQLite ledger: what a user waits
// for, log copied back and files closed included, as the sqlite3 shell's figure includes them.
double commandLineImport(const QString& program, const QString& csv, const QString& folder, qint64 rows);

} // namespace Baselines
