#include "UsageTransfer.h"

#include "Text.h"
#include "UsageFile.h"
#include "UsageSentences.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageTransfer)
};
} // namespace

namespace UsageTransfer {

Result<ImportSummary> importFile(Ledger& ledger, const QString& path, bool dryRun, const ImportProgress::Overall& progress)
{
    if (!ImportProgress::begin(progress, ImportProgress::Step::Reading))
        return ImportProgress::cancelled();
    auto rows = UsageFile::read(path);
    if (!rows)
        return rows.failure();
    return ledger.usage().importRows(std::move(rows).value(), dryRun, progress, QFileInfo(path).fileName());
}

QString exported(qint64 events, const QString& destination)
{
    return Words::tr("Exported %1 to %2.")
        .arg(UsageSentences::events(events), Text::escaped(QDir::toNativeSeparators(destination), 200));
}

} // namespace UsageTransfer
