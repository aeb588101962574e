#include "UsageExport.h"

#include "Environment.h"
#include "Text.h"

#include <QSaveFile>

namespace UsageExport {

namespace {

Failure cannotWrite(const QFileDevice& file)
{
    return unavailable(QStringLiteral("Cannot write %1: %2.").arg(Text::escaped(file.fileName(), 200), file.errorString()));
}

} // namespace

Result<qint64> toDevice(Ledger& ledger, QIODevice& device, UsageFile::Format format,
                        const std::optional<QString>& periodId, const Progress& progress)
{
    UsageFile::Writer writer(device, format);
    qint64 count = 0;
    bool cancelled = false;
    const Status s = ledger.usage().forEachEvent(periodId, [&](const UsageEvent& e) {
        writer.write(e);
        ++count;
        cancelled = progress && !progress(count);
        return !cancelled;
    });
    if (!s)
        return s.failure();
    if (cancelled)
        return refused(QStringLiteral("The export was cancelled; no file was written."));
    return count;
}

Result<qint64> toFile(Ledger& ledger, const QString& path, UsageFile::Format format,
                      const std::optional<QString>& periodId, const Progress& progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !Environment::restrictToOwner(file))
        return cannotWrite(file);
    auto written = toDevice(ledger, file, format, periodId, progress);
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return cannotWrite(file);
    return written;
}

} // namespace UsageExport
