#pragma once

#include "support/Result.h"

#include <QIODevice>

#include <functional>

// Exports hold the organisation's usage and audit trail: they are written to a temporary file beside `path`,
// private to its owner (0600), and renamed to `path` only once complete, so a failed or cancelled export leaves no
// half file and an older export stays as it was. `write` fills the device and answers how many records it wrote.
namespace PrivateFile {

Result<qint64> write(const QString& path, const std::function<Result<qint64>(QIODevice& device)>& write);

} // namespace PrivateFile
