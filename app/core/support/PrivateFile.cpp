#include "support/PrivateFile.h"

#include "support/Environment.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFile)
};
} // namespace

namespace PrivateFile {

namespace {

Failure cannotWrite(const QFileDevice& file)
{
    return unavailable(Words::tr("Cannot write %1: %2.").arg(Text::escaped(file.fileName(), 200), file.errorString()));
}

} // namespace

Result<qint64> write(const QString& path, const std::function<Result<qint64>(QIODevice& device)>& write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !Environment::restrictToOwner(file))
        return cannotWrite(file);
    auto written = write(file);
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return cannotWrite(file);
    return written;
}

} // namespace PrivateFile
