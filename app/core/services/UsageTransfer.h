#pragma once

#include "ledger/Ledger.h"

// Import and export as the command line and the window both run them: the file, the ledger, progress and
// cancel, and the sentence that reports the outcome.
namespace UsageTransfer {

// Reads a usage file (CSV or JSON Lines), checks every line and imports all or none (a dry run writes nothing).
// `progress` hears every step, reading the file first, and may return false to cancel, which rolls everything back.
Result<ImportSummary> importFile(Ledger& ledger, const QString& path, bool dryRun,
                                 const ImportProgress::Overall& progress = {});

// "Exported 1,234 events to /path/usage.csv."
QString exported(qint64 events, const QString& destination);

} // namespace UsageTransfer
