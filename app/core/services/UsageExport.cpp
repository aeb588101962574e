#include "services/UsageExport.h"

#include "support/PrivateFile.h"

#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageExport)
};
} // namespace

namespace UsageExport {

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
        return refused(Words::tr("The export was cancelled; no file was written."));
    return count;
}

Result<qint64> toFile(Ledger& ledger, const QString& path, UsageFile::Format format,
                      const std::optional<QString>& periodId, const Progress& progress)
{
    return PrivateFile::write(path,
                              [&](QIODevice& device) { return toDevice(ledger, device, format, periodId, progress); });
}

} // namespace UsageExport
