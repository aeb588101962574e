#pragma once

#include <QString>

// Files kept beside a SQLite ledger (ImportNote, DuringImport) are named after it: only a ledger that is a plain
// file has them, not one in memory or named by a URI.
inline bool hasFilesBeside(const QString& ledgerFile)
{
    return !ledgerFile.isEmpty() && ledgerFile != QLatin1String(":memory:") &&
           !ledgerFile.startsWith(QLatin1String("file:"));
}
