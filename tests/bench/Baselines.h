#pragma once

#include "BenchSupport.h"

// What the standard tools do with the same file, as the bar an import is measured against: the sqlite3 shell's
// .import and psql's \copy, each into a table with usage_events' columns and indexes. Rows per second, or 0.
namespace Baselines {

double sqliteShellImport(const QString& csv, const QString& folder, qint64 rows);
double psqlCopy(const Bench::Cluster& cluster, const QString& csv, qint64 rows);

} // namespace Baselines
