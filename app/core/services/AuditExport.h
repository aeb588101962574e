#pragma once

#include "ledger/Ledger.h"

// The audit trail as CSV (at, actor, kind, subject, change; times in the install's zone), newest first, as the
// window's activity log exports it. Written with PrivateFile: private, and whole or not at all.
namespace AuditExport {

Result<qint64> toFile(Ledger& ledger, const AuditFilter& filter, const QString& path);

} // namespace AuditExport
