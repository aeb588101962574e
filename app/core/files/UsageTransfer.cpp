#include "UsageTransfer.h"

#include "Text.h"
#include "UsageFile.h"

#include <QDir>
#include <QFileInfo>

namespace UsageTransfer {

Result<ImportSummary> importFile(Ledger& ledger, const QString& path, bool dryRun, const UsageBook::Progress& progress)
{
    auto rows = UsageFile::read(path);
    if (!rows)
        return rows.failure();
    return ledger.usage().importRows(std::move(rows).value(), dryRun, progress, QFileInfo(path).fileName());
}

QString exported(qint64 events, const QString& destination)
{
    return QStringLiteral("Exported %1 to %2.")
        .arg(Text::count(events, "event", "events"), Text::escaped(QDir::toNativeSeparators(destination), 200));
}

} // namespace UsageTransfer
