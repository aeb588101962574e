#include "services/UsageTransfer.h"

#include "formats/UsageFile.h"
#include "support/Text.h"
#include "words/UsageSentences.h"

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

Result<ImportSummary> importFile(Ledger& ledger, const QString& path, bool dryRun,
                                 const ImportProgress::Overall& progress)
{
    if (!ImportProgress::begin(progress, ImportProgress::Step::Reading))
        return ImportProgress::cancelled();
    // Read a piece at a time: the file never has to fit in memory.
    auto reader = UsageFile::Reader::open(path);
    if (!reader)
        return reader.failure();
    UsageFile::Reader& file = *reader.value();
    return ledger.usage().importFrom(
        {[&file] { return file.next(); }, [&file] { return file.permille(); }, QFileInfo(path).fileName()}, dryRun,
        progress);
}

QString exported(qint64 events, const QString& destination)
{
    return Words::tr("Exported %1 to %2.")
        .arg(UsageSentences::events(events), Text::escaped(QDir::toNativeSeparators(destination), 200));
}

} // namespace UsageTransfer
