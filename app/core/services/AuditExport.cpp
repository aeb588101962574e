#include "services/AuditExport.h"

#include "formats/UsageFile.h"
#include "support/IsoTime.h"
#include "support/PrivateFile.h"

#include <QTimeZone>

namespace AuditExport {

Result<qint64> toFile(Ledger& ledger, const AuditFilter& filter, const QString& path)
{
    const auto settings = ledger.settings().current();
    if (!settings)
        return settings.failure();
    const QTimeZone zone(settings->timeZone.toUtf8());
    return PrivateFile::write(path, [&](QIODevice& device) -> Result<qint64> {
        device.write("at,actor,kind,subject,change\n");
        qint64 written = 0;
        const Status s = ledger.audit().forEach(filter, [&](const AuditEntry& e) {
            using UsageFile::csvField;
            device.write(IsoTime::format(e.at, zone).toLatin1() + ',' + csvField(e.actor) + ',' + csvField(e.kind()) +
                         ',' + csvField(e.subject) + ',' + csvField(e.change) + '\n');
            ++written;
        });
        if (!s)
            return s.failure();
        return written;
    });
}

} // namespace AuditExport
