#include "support/Environment.h"

#include <QSysInfo>

#include "support/Text.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <pwd.h>
#include <QCoreApplication>
#include <sys/stat.h>
#include <unistd.h>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Environment)
};
} // namespace
#endif

namespace Environment {

QString keychainHolder()
{
    return currentUserName() + QLatin1Char('@') + QSysInfo::machineHostName();
}

QString currentUserName()
{
#ifdef Q_OS_UNIX
    // The password database, not $USER: the environment can say anything, the uid cannot.
    if (const passwd* entry = getpwuid(geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    const QString fromEnvironment = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return fromEnvironment.isEmpty() ? QStringLiteral("unknown") : fromEnvironment;
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/usage.sqlite");
}

Failure cannotOpenDatabase(const QString& path, const QString& why)
{
    return unavailable(Words::tr("Cannot open the database at %1: %2.").arg(Text::escaped(path, 200), why));
}

Status createPrivateFile(const QString& path)
{
#ifdef Q_OS_UNIX
    // SQLite's own names (an in-memory database, a URI) are not files to create.
    if (QFileInfo::exists(path) || path == QLatin1String(":memory:") || path.startsWith(QLatin1String("file:")))
        return success();
    // O_EXCL: another process creating it at the same moment keeps its own file, with the mode it chose.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return cannotOpenDatabase(path, QString::fromLocal8Bit(std::strerror(errno)));
    if (fd >= 0)
        ::close(fd);
#else
    Q_UNUSED(path)
#endif
    return success();
}

bool makePrivateFolder(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(absolute).isDir())
        return true;
    if (!makePrivateFolder(QFileInfo(absolute).absolutePath()))
        return false;
    return QDir().mkdir(absolute, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

bool restrictToOwner(QFileDevice& file)
{
    return file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace Environment
