#pragma once

#include "formats/UsageFile.h"
#include "ledger/Ledger.h"
#include "support/Result.h"

#include <QIODevice>

#include <functional>
#include <optional>

// Export, one pipeline for the command line and the window: the ledger's events of a period (all when nullopt),
// oldest first, in a usage-file format.
namespace UsageExport {

// Called after each event with the count so far; returning false cancels the export.
using Progress = std::function<bool(qint64 written)>;

// Writes to an open device (standard output); the count of events written.
Result<qint64> toDevice(Ledger& ledger, QIODevice& device, UsageFile::Format format,
                        const std::optional<QString>& periodId, const Progress& progress = {});

// Writes to `path` as PrivateFile::write does: private, and whole or not at all.
Result<qint64> toFile(Ledger& ledger, const QString& path, UsageFile::Format format,
                      const std::optional<QString>& periodId, const Progress& progress = {});

} // namespace UsageExport
